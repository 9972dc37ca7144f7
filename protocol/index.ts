export * from './errors.ts';
export * from './limits.ts';
export * from './tickets.ts';
export * from './messages.ts';
export * from './users.ts';
export * from './frames.ts';
export * from './validate.ts';
export * from './stats.ts';
