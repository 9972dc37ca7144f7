import { defineEntity, p } from '@mikro-orm/core';
import type { BusinessHours, CategoryLabels } from '../../protocol/index.ts';
import { baseProperties } from './base.ts';

const SiteSchema = defineEntity({
  name: 'Site',
  tableName: 'sites',
  properties: {
    ...baseProperties,
    name: p.string(),
    key: p.string().unique(),
    secret: p.string().hidden(),
    origins: p.json<string[]>(),
    categories: p.json<string[]>(),
    categoryLabels: p.json<CategoryLabels>().nullable(),
    requireIdentity: p.boolean().default(false),
    routing: p.string().default('manual'),
    hours: p.json<BusinessHours>().nullable(),
    askEmail: p.string().default('off'),
    transcripts: p.boolean().default(false),
  },
});

export class Site extends SiteSchema.class {}
SiteSchema.setClass(Site);
