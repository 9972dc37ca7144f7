export * from './errors.ts';
export * from './limits.ts';
export * from './tickets.ts';
export * from './messages.ts';
export * from './attachments.ts';
export * from './users.ts';
export * from './frames.ts';
// The schemas (and parseClientFrame) are in ./schemas/index.ts, not re-exported here: the widget
// imports this file and must not bundle valibot (measured: +2.1 KB gzip, over its budget).
export type { Parsed } from './schemas/parse.ts';
export * from './stats.ts';
export * from './rule.ts';
export * from './lifecycle.ts';
export * from './close-codes.ts';
export * from './ratings.ts';
export * from './integrations.ts';
export * from './http-client.ts';
export * from './customers.ts';
export * from './canned-responses.ts';
export * from './routing.ts';
export * from './labels.ts';
export * from './mentions.ts';
export * from './search.ts';
export * from './mail.ts';
export * from './hours.ts';
export * from './back-at.ts';
