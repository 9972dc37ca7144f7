// The widget's size budget, on the built files (run `npm run build` first): widget.js alone, and
// widget.js plus everything it ever loads (followed through the file names each file refers to).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const DIST = join(import.meta.dirname, '..', 'dist');
const LOADER_BUDGET = 2048;
const TOTAL_BUDGET = 20480; // issue 11: everything up to an open conversation

const gzipped = (file: string) => gzipSync(readFileSync(join(DIST, file))).length;

/** The file and every dist/ file it names (`widget-app.js`, chunks, stylesheets), transitively. */
function closure(entry: string, seen = new Set<string>()): Set<string> {
  seen.add(entry);
  const text = readFileSync(join(DIST, entry), 'utf8');
  for (const [, name] of text.matchAll(/["'`](?:\.\/)?([\w.-]+\.(?:js|css))["'`]/g)) {
    if (!seen.has(name!) && existsSync(join(DIST, name!))) closure(name!, seen);
  }
  return seen;
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
});
