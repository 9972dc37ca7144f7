import { randomUUID } from 'node:crypto';
import { p } from '@mikro-orm/core';

/** Columns every table has; spread into each entity's properties. */
export const baseProperties = {
  id: p.uuid().primary().onCreate(() => randomUUID()),
  createdAt: p.datetime().onCreate(() => new Date()),
};
