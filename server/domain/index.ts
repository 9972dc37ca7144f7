export * from './actor.ts';
export * from './lifecycle.ts';
export * from './identity.ts';
export * from './origin.ts';
export * from './access-sql.ts';
export * from './rule-sql.ts';
export * from './receives.ts';
export * from './routing.ts';
