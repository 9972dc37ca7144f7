import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a frame's code lives: an npm package, a file of ours, or Node/V8 itself. */
export function areaOf(url: string): string {
  if (!url) return '(native / V8)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  if (url.startsWith('node:')) return url;
  const ours = /\/((?:server|protocol|bench)\/.*)$/.exec(url);
  return ours ? ours[1] : url;
}

const top = (m: Map<string, number>, total: number, count: number) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([k, us]) => `  ${((us / total) * 100).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(7)} ms  ${k}`)
    .join('\n');

/** Self time by function and by area over every .cpuprofile in `dir` (node --cpu-prof output). */
export function summarizeProfiles(dir: string, count = 15): string {
  if (!existsSync(dir)) return `no profiles in ${dir}`;
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  if (files.length === 0) return `no profiles in ${dir} (the server did not exit normally?)`;
  const byFn = new Map<string, number>();
  const byArea = new Map<string, number>();
  const ours = new Map<string, number>();
  let total = 0;
  for (const file of files) {
    const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
    const nodes = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
    const parent = new Map<number, number>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const label = (f: CpuProfile['nodes'][number]['callFrame']) => `${f.functionName || '(anonymous)'} ${areaOf(f.url)}:${f.lineNumber + 1}`;
    profile.samples.forEach((id, i) => {
      const frame = nodes.get(id)!;
      const us = profile.timeDeltas[i] ?? 0;
      if (frame.functionName === '(idle)') return;
      total += us;
      byFn.set(label(frame), (byFn.get(label(frame)) ?? 0) + us);
      byArea.set(areaOf(frame.url), (byArea.get(areaOf(frame.url)) ?? 0) + us);
      // Inclusive time of the server's own functions: which of our code paths the time is spent under.
      const seen = new Set<string>();
      for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
        const f = nodes.get(n)!;
        if (areaOf(f.url).startsWith('server/') && !seen.has(label(f))) seen.add(label(f));
      }
      for (const l of seen) ours.set(l, (ours.get(l) ?? 0) + us);
    });
  }
  return [`server CPU profile (${files.length} file(s), ${(total / 1000).toFixed(0)} ms busy), self time by area:`, top(byArea, total, count), 'self time by function:', top(byFn, total, count), 'inclusive time under server functions:', top(ours, total, count)].join('\n');
}
