import { it } from 'vitest';

/**
 * The steps of one end-to-end story: they share the browser pages and run in order, each starting
 * where the one before left the pages. Once a step fails, the later ones are skipped and name the
 * failed step, so one fault shows as one failure instead of a cascade of unrelated-looking ones.
 * Cases that stand alone use plain `it`.
 */
export function story(): (name: string, fn: () => Promise<void>, timeout?: number) => void {
  let failed: string | null = null;
  return (name, fn, timeout) =>
    it(name, async (ctx) => {
      if (failed) ctx.skip(`skipped: the story's step "${failed}" failed`);
      try {
        await fn();
      } catch (err) {
        failed = name;
        throw err;
      }
    }, timeout);
}
