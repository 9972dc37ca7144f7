// `npm run build` builds the browser bundles into dist/ and records a hash of their sources;
// `npm start` runs this with --if-changed and skips the build (6-12 s) when the sources hash the same
// and every bundle is still there, so a second start takes the server's own start time.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const STAMP = join(root, 'dist/.sources.json');
/** What the bundles are made of: client sources, the shared protocol, the build config and the locked dependencies. */
const INPUTS = ['widget', 'console', 'protocol', 'rollup.config.mjs', 'tsconfig.json', 'package-lock.json'];

function files(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true })
    // Tests never reach a bundle; editing one should not cost a build.
    .filter((d) => !d.name.includes('.test.') && d.name !== 'test')
    .flatMap((d) => (d.isDirectory() ? files(join(path, d.name)) : [join(path, d.name)]))
    .sort();
}

function sourcesHash(): string {
  const hash = createHash('sha256');
  for (const file of INPUTS.flatMap((p) => files(join(root, p)))) {
    hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

function upToDate(hash: string): boolean {
  try {
    const stamp = JSON.parse(readFileSync(STAMP, 'utf8')) as { hash: string; outputs: string[] };
    return stamp.hash === hash && stamp.outputs.length > 0 && stamp.outputs.every((f) => existsSync(join(root, f)));
  } catch {
    return false;
  }
}

const hash = sourcesHash();
if (process.argv.includes('--if-changed') && upToDate(hash)) process.exit(0);
if (process.argv.includes('--if-changed')) console.log('building the browser bundles (their sources changed)...');
const rollup = createRequire(import.meta.url).resolve('rollup/dist/bin/rollup');
const build = spawnSync(process.execPath, [rollup, '-c', '--silent'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const outputs = readdirSync(join(root, 'dist')).filter((f) => f.endsWith('.js')).map((f) => `dist/${f}`);
writeFileSync(STAMP, JSON.stringify({ hash, outputs }, null, 2));
