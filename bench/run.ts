/**
 * `npm run bench`: every scenario against the real server and its baselines, in one run.
 * Flags: --smoke (tiny sizes), --cpu-prof (profile the server under test into bench/results/profiles),
 * --no-build (measure the widget bundles already in dist/), --only=chat,fanout (a subset of
 * SCENARIOS in suite.ts, e.g. open-loop or instances), --pairs=N (one chat round of N pairs),
 * --rates=N,M (the open-loop rates).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './lib/proc.ts';
import { FULL, SMOKE } from './profiles.ts';
import { summarizeProfiles } from './report/profile-summary.ts';
import { toMarkdown } from './report/markdown.ts';
import { runSuite, SCENARIOS, type Scenario } from './suite.ts';

const args = new Set(process.argv.slice(2));
const onlyArg = process.argv.find((a) => a.startsWith('--only='));
const only = onlyArg?.slice('--only='.length).split(',') as Scenario[] | undefined;
if (only?.some((s) => !SCENARIOS.includes(s))) throw new Error(`--only takes: ${SCENARIOS.join(', ')}`);
const pairsArg = process.argv.find((a) => a.startsWith('--pairs='));
const base = args.has('--smoke') ? SMOKE : FULL;
// --pairs=N: one chat round of N pairs (about 3,000 messages), e.g. to profile the chat path alone.
const withPairs = pairsArg ? { ...base, chat: [{ pairs: Number(pairsArg.slice(8)), messagesPerSide: Math.ceil(1500 / Number(pairsArg.slice(8))) }] } : base;
// --rates=500: the open-loop scenario at these combined rates only (e.g. to profile one rate).
const ratesArg = process.argv.find((a) => a.startsWith('--rates='));
const rates = ratesArg?.slice('--rates='.length).split(',').map(Number);
if (rates?.some((r) => !(r > 0))) throw new Error('--rates takes messages per second, e.g. --rates=200,500');
const profile = rates ? { ...withPairs, openLoop: { ...withPairs.openLoop, rates } } : withPairs;
const resultsDir = join(repoRoot, 'bench/results');
const profileDir = join(resultsDir, 'profiles', new Date().toISOString().replace(/[:.]/g, '-'));
mkdirSync(resultsDir, { recursive: true });
// Every scenario has its own caps; this one catches anything they missed.
setTimeout(() => {
  console.error('bench: the whole run passed its 20-minute cap; stopping');
  process.exit(2);
}, 20 * 60_000).unref();
// Ctrl-C still runs the exit hook that stops the servers this run started.
process.once('SIGINT', () => process.exit(130));

if (!args.has('--no-build')) {
  console.log('building the bundles (npm run build)...');
  const build = spawnSync('npm', ['run', 'build'], { cwd: repoRoot, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

console.log(`bench (${profile.name}) on ${process.env.DATABASE_URL ? 'PostgreSQL' : 'the embedded database'}:`);
const results = await runSuite(profile, {
  only,
  serverNodeFlags: args.has('--cpu-prof') ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
  log: (line) => console.log(line),
});

const markdown = toMarkdown(results);
const stamp = results.startedAt.replace(/[:.]/g, '-');
writeFileSync(join(resultsDir, `bench-${stamp}.json`), JSON.stringify(results, null, 2));
writeFileSync(join(resultsDir, 'latest.json'), JSON.stringify(results, null, 2));
writeFileSync(join(resultsDir, 'latest.md'), markdown);
console.log(`\n${markdown}`);
if (args.has('--cpu-prof')) console.log(summarizeProfiles(profileDir));
console.log(`results: bench/results/latest.json and latest.md`);
// Sockets a failed scenario left behind must not keep the run alive.
process.exit(results.errors.length ? 1 : 0);
