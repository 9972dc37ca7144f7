export * from './errors.ts';
export * from './limits.ts';
export * from './tickets.ts';
export * from './messages.ts';
export * from './users.ts';
export * from './frames.ts';
// Only the frame parser: the schemas themselves are imported from protocol/schemas/ where needed.
export { parseClientFrame } from './schemas/frames.ts';
export { checkMessageBody } from './schemas/messages.ts';
export type { Parsed } from './schemas/parse.ts';
export * from './stats.ts';
