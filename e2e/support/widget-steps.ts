// Steps in the widget on the host page, through its accessible names (its Shadow DOM is open).
import type { Locator, Page } from 'playwright-core';

export async function openWidget(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Support', exact: true }).click();
  await page.getByRole('dialog').waitFor();
}

export async function createTicket(page: Page, t: { category: string; urgency: 'Low' | 'Medium' | 'High' | 'Urgent'; description: string }): Promise<void> {
  await page.getByRole('button', { name: 'New ticket' }).click();
  await page.getByLabel('Category').selectOption(t.category);
  await page.getByRole('radio', { name: t.urgency }).check({ force: true });
  await page.getByLabel('Description').fill(t.description);
  await page.getByRole('button', { name: 'Send ticket' }).click();
}

/** Opens the ticket whose description contains `text` from the widget's ticket list. */
export async function openTicket(page: Page, text: string): Promise<void> {
  const item = page.getByRole('list', { name: 'Your tickets' }).getByRole('button', { name: new RegExp(text) });
  // After sending a ticket the widget may already show it.
  if (await item.count()) await item.click();
  await page.getByText(text).first().waitFor();
}

/** The chat's message field (its label is the widget's wording, so match loosely). */
export function messageField(page: Page): Locator {
  return page.getByRole('textbox', { name: /message/i });
}

export async function send(page: Page, body: string): Promise<void> {
  await messageField(page).fill(body);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
}
