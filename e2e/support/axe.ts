// axe-core (Deque's accessibility engine) over the whole page, open shadow roots included.
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** The serious and critical violations on the page as "rule: target" lines (empty when there are none). */
export async function seriousViolations(page: Page): Promise<string[]> {
  // Let entry animations (toasts, dialogs) settle so colours are measured as the user sees them.
  await page.waitForTimeout(50);
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} (${n.failureSummary?.split('\n')[1]?.trim() ?? v.help})`));
}
