export * from './actor.ts';
export * from './lifecycle.ts';
export * from './identity.ts';
export * from './origin.ts';
export * from './routing.ts';
