import { defineEntity, p } from '@mikro-orm/core';
import { baseProperties } from './base.ts';
import { Site } from './site.ts';

/** A visitor of a site: anonymous, or identified by the site owner (externalId + verified). */
const CustomerSchema = defineEntity({
  name: 'Customer',
  tableName: 'customers',
  uniques: [{ properties: ['site', 'externalId'] }],
  properties: {
    ...baseProperties,
    site: () => p.manyToOne(Site).deleteRule('cascade'),
    externalId: p.string().nullable(),
    email: p.string().nullable(),
    name: p.string().nullable(),
    verified: p.boolean().default(false),
  },
});

export class Customer extends CustomerSchema.class {}
CustomerSchema.setClass(Customer);
