/**
 * Did this error come from losing the database (a restart, a terminated backend, a refused connection)
 * rather than from the statement? Such errors are worth retrying once the database is back; any other
 * error would fail again the same way.
 */
export function isConnectionError(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown } | null;
  const code = typeof e?.code === 'string' ? e.code : '';
  // SQLSTATE: 08 connection exception, 57P admin shutdown / crash / cannot connect now, 53300 too many
  // connections, 55000 "database is not currently accepting connections".
  if (/^(08|57P)/.test(code) || code === '53300' || code === '55000') return true;
  if (/^(ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND|EAI_AGAIN)$/.test(code)) return true;
  const message = typeof e?.message === 'string' ? e.message : '';
  return /Connection terminated|connection error and is not queryable|timeout exceeded when trying to connect|Client was closed/i.test(message);
}

/** A value the database refused as data (SQLSTATE class 22: e.g. U+0000 or a lone surrogate in text). */
export function isDataError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('22');
}
