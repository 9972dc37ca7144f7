// `npm run backup -- FILE` and `npm run restore -- FILE`: the embedded database (PGlite) as one file.
// A backup works while the server runs (it asks the server through its control socket) or not; a
// restore needs the server stopped. On PostgreSQL use pg_dump / pg_restore (README, "Backups").
import { resolve } from 'node:path';
import { ConfigError, loadConfig } from '../config.ts';
import { controlSocketPath, answers, requestBackup } from './control-socket.ts';
import { dumpStopped, restoreStopped, writeArchive } from './pglite-archive.ts';

const [command, file] = process.argv.slice(2);
function fail(line: string): never {
  console.error(line);
  process.exit(1);
}
if ((command !== 'backup' && command !== 'restore') || !file) fail('usage: npm run backup -- FILE | npm run restore -- FILE');

let config;
try {
  config = loadConfig();
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
  for (const problem of err.problems) console.error(`configuration: ${problem}`);
  process.exit(2);
}
if (config.databaseUrl) fail('DATABASE_URL is set: on PostgreSQL, back up with pg_dump and restore with pg_restore (README, "Backups").');

const dataDir = resolve(config.dataDir);
const pgliteDir = resolve(dataDir, 'pglite');
const socket = controlSocketPath(dataDir);
const target = resolve(file);

try {
  if (command === 'backup') {
    const online = await requestBackup(socket);
    const bytes = online ?? (await dumpStopped(pgliteDir));
    await writeArchive(target, bytes);
    console.log(`Backed up ${pgliteDir} to ${target} (${bytes.length} bytes${online ? ', from the running server' : ''}).`);
  } else {
    if (await answers(socket)) fail(`A Parley server is running on ${dataDir}; stop it before restoring (a backup works while it runs; a restore does not).`);
    const kept = await restoreStopped(pgliteDir, target);
    console.log(`Restored ${target} into ${pgliteDir}.${kept ? ` The data it replaced is kept in ${kept}; delete it when you no longer need it.` : ''}`);
  }
} catch (err) {
  fail(`${command} failed: ${(err as Error).message}`);
}
