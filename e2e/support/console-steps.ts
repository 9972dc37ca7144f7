// Steps on the console, by accessible names; playwright's locators pierce the open shadow roots.
import type { Locator, Page } from 'playwright-core';

export async function signIn(page: Page, serverUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${serverUrl}/console`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Console' }).waitFor();
}

/** The row of the open-tickets (or any) table that mentions `text`. */
export function ticketRow(page: Page, text: string): Locator {
  return page.locator('parley-ticket-table tbody tr', { hasText: text });
}

/** The console's live connection badge says "Live". */
export async function waitLive(page: Page): Promise<void> {
  await page.locator('.conn.open').waitFor();
}

export function composer(page: Page): Locator {
  return page.locator('parley-composer');
}

export function messageBubble(page: Page, text: string): Locator {
  return page.locator('parley-message-list li', { hasText: text });
}

/** Resolves once `text` is somewhere in the page (shadow roots included). */
export async function waitText(page: Page, text: string | RegExp): Promise<void> {
  await page.getByText(text).first().waitFor();
}

/** Dismisses every toast (before a screenshot meant for the README). */
export async function dismissToasts(page: Page): Promise<void> {
  const buttons = page.locator('parley-toast').getByRole('button', { name: 'Dismiss' });
  while (await buttons.count()) await buttons.first().click();
}
