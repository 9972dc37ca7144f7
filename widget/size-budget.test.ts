// The widget's size budget, on the built files (run `npm run build` first): widget.js alone,
// widget.js plus everything it loads up to an open conversation (followed through the file names
// each file refers to), and each on-demand chunk (`import("./widget-x.js")`, e.g. the rating form).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const DIST = join(import.meta.dirname, '..', 'dist');
const LOADER_BUDGET = 2048;
const TOTAL_BUDGET = 20480; // issue 11: everything up to an open conversation
const CHUNK_BUDGET = 4096; // each feature loaded on demand

const gzipped = (file: string) => gzipSync(readFileSync(join(DIST, file))).length;

const ON_DEMAND = /import\(\s*["'`](?:\.\/)?([\w.-]+\.js)["'`]\s*\)/g;

/** The file and every dist/ file it names (`widget-app.js`, chunks, stylesheets), transitively; on-demand chunks go to `lazy`. */
function closure(entry: string, seen = new Set<string>(), lazy = new Set<string>()): Set<string> {
  seen.add(entry);
  const text = readFileSync(join(DIST, entry), 'utf8');
  for (const [, name] of text.matchAll(ON_DEMAND)) lazy.add(name!);
  for (const [, name] of text.replace(ON_DEMAND, '').matchAll(/["'`](?:\.\/)?([\w.-]+\.(?:js|css))["'`]/g)) {
    if (!seen.has(name!) && existsSync(join(DIST, name!))) closure(name!, seen, lazy);
  }
  return seen;
}

/** The on-demand chunks reachable from the widget, and what they load in turn beyond the eager files (a part two chunks share). */
function onDemand(): string[] {
  const lazy = new Set<string>();
  const eager = closure('widget.js', new Set(), lazy);
  const chunks = new Set<string>();
  for (const chunk of lazy) for (const file of closure(chunk, new Set(eager), lazy)) if (!eager.has(file)) chunks.add(file);
  return [...chunks];
}

describe('widget size budget (gzip)', () => {
  it('finds the built files', () => {
    expect(existsSync(join(DIST, 'widget.js')), 'dist/widget.js is missing: run `npm run build`').toBe(true);
  });

  it(`keeps widget.js (the loader) within ${LOADER_BUDGET} bytes`, () => {
    const size = gzipped('widget.js');
    console.log(`widget.js: ${size} B gzip (budget ${LOADER_BUDGET})`);
    expect(size).toBeLessThanOrEqual(LOADER_BUDGET);
  });

  it(`keeps widget.js plus everything it loads within ${TOTAL_BUDGET} bytes`, () => {
    const files = [...closure('widget.js')];
    // The app is loaded by name from the loader; if that link breaks, the total would lie.
    expect(files).toContain('widget-app.js');
    const sizes = files.map((f) => [f, gzipped(f)] as const);
    const total = sizes.reduce((sum, [, size]) => sum + size, 0);
    console.log(`widget.js + everything it loads: ${total} B gzip (budget ${TOTAL_BUDGET}): ${sizes.map(([f, s]) => `${f} ${s}`).join(', ')}`);
    expect(total).toBeLessThanOrEqual(TOTAL_BUDGET);
  });

  it(`keeps each chunk loaded on demand within ${CHUNK_BUDGET} bytes`, () => {
    const chunks = onDemand();
    // The rating form is one (loaded once a ticket is closed); a broken link would hide the others.
    expect(chunks).toContain('widget-rating.js');
    expect(chunks).toEqual(expect.arrayContaining(['widget-ticket-form.js', 'widget-ar.js', 'widget-attachments.js', 'widget-back-at.js', 'widget-home.js']));
    for (const chunk of chunks) {
      expect(existsSync(join(DIST, chunk)), `${chunk} is named but not built`).toBe(true);
      const size = gzipped(chunk);
      console.log(`on demand: ${chunk} ${size} B gzip (budget ${CHUNK_BUDGET})`);
      expect(size, chunk).toBeLessThanOrEqual(CHUNK_BUDGET);
    }
  });
});
