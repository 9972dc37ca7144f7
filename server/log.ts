import pino, { type Logger } from 'pino';

/** `PARLEY_LOG` values: pino's levels, from most to least verbose, and `silent`. */
export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export type { Logger };

/** Reads `PARLEY_LOG`; unset or unknown means `info` (as before levels existed, when only `silent` was special). */
export function logLevelOf(value: string | undefined): LogLevel {
  const v = value?.trim().toLowerCase();
  return LOG_LEVELS.find((l) => l === v) ?? 'info';
}

const roots = new Map<LogLevel, Logger>();

/**
 * The server's JSON logger (one line per event on stdout, pino's format), shared by every server in
 * the process that runs at `level`: tests start several servers, most of them silent.
 */
export function logger(level: LogLevel = 'info'): Logger {
  let root = roots.get(level);
  if (!root) roots.set(level, (root = pino({ level, base: { service: 'parley', pid: process.pid } })));
  return root;
}

/** A child logger whose every line carries `bindings`: `{reqId}` for a request, `{connId}` for a socket. */
export function childLogger(level: LogLevel, bindings: Record<string, string | number>): Logger {
  return logger(level).child(bindings);
}
