/**
 * Startup baseline: a bare node process that opens PGlite in PARLEY_DATA_DIR (creating the database
 * on first use, as the server does) and then answers GET /healthz. What the embedded database alone
 * costs at startup, and its memory.
 */
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';

const dir = join(process.env.PARLEY_DATA_DIR!, 'pglite-baseline');
mkdirSync(dir, { recursive: true });
const db = await PGlite.create(dir);
await db.query('select 1');
createServer((req, res) => {
  res.writeHead(req.url === '/healthz' ? 200 : 404).end();
}).listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => void db.close().finally(() => process.exit(0)));
