// Debian's Chromium driven by playwright-core (no browser download), and numbered screenshots as artifacts.
import { mkdirSync, copyFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const ARTIFACTS = resolve(import.meta.dirname, '../artifacts');

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

let step = 0;

/** Saves `e2e/artifacts/NN-name.png` and returns its path. */
export async function shot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = resolve(ARTIFACTS, `${String(++step).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path });
  return path;
}

/**
 * Copies an artifact into docs/ for the README, only when asked (PARLEY_UPDATE_DOCS=1), so an ordinary
 * test run never changes a tracked file.
 */
export function publish(path: string, name: string): void {
  if (!process.env.PARLEY_UPDATE_DOCS) return;
  const docs = resolve(import.meta.dirname, '../../docs');
  mkdirSync(docs, { recursive: true });
  copyFileSync(path, resolve(docs, name));
}
