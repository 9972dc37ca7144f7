import { describe, expect, it } from 'vitest';
import { Coalescer } from './coalesce.ts';

describe('Coalescer', () => {
  it('runs what was added in one turn once, and what comes during a run in the next run', async () => {
    const runs: number[][] = [];
    let release!: () => void;
    const gate = new Promise<void>((ok) => (release = ok));
    const c = new Coalescer<number>(async (items) => {
      runs.push(items);
      if (runs.length === 1) await gate;
    });
    const first = [c.add(1), c.add(2), c.add(3)];
    await new Promise((ok) => setImmediate(ok));
    await new Promise((ok) => setImmediate(ok));
    expect(runs).toEqual([[1, 2, 3]]);
    // The first run is still busy: these wait for it and then go together.
    const second = [c.add(4), c.add(5)];
    await new Promise((ok) => setTimeout(ok, 5));
    expect(runs).toEqual([[1, 2, 3]]);
    release();
    await Promise.all([...first, ...second]);
    expect(runs).toEqual([[1, 2, 3], [4, 5]]);
  });

  it('rejects the items of a failed run only, and runs later items', async () => {
    let fail = true;
    const c = new Coalescer<string>(async (items) => {
      if (fail) throw new Error(`no ${items.join(',')}`);
    });
    await expect(Promise.all([c.add('a'), c.add('b')])).rejects.toThrow('no a,b');
    fail = false;
    await expect(c.add('c')).resolves.toBeUndefined();
  });
});
