import { defineEntity, p } from '@mikro-orm/core';
import { baseProperties } from './base.ts';

/** An admin-made credential for integrations. `hash` is the SHA-256 of the token; the token is shown once. */
const ApiTokenSchema = defineEntity({
  name: 'ApiToken',
  tableName: 'api_tokens',
  properties: {
    ...baseProperties,
    name: p.string(),
    scopes: p.json<string[]>(),
    hash: p.string().unique().hidden(),
    hint: p.string(),
    createdBy: p.uuid().nullable(),
    lastUsedAt: p.datetime().nullable(),
  },
});

export class ApiToken extends ApiTokenSchema.class {}
ApiTokenSchema.setClass(ApiToken);
