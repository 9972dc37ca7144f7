// The schemas that validate every HTTP body, query and socket frame; the wire types are inferred from
// them. Kept out of protocol/index.ts so a client that only needs types never bundles valibot.
export * from './parse.ts';
export * from './limits.ts';
export * from './text.ts';
export * from './frames.ts';
export * from './messages.ts';
export * from './auth.ts';
export * from './visitor.ts';
export * from './tickets.ts';
export * from './users.ts';
export * from './sites.ts';
export * from './ratings.ts';
export * from './integrations.ts';
export * from './teams.ts';
export * from './customers.ts';
export * from './canned-responses.ts';
export * from './labels.ts';
export * from './search.ts';
