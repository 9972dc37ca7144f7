import { defineEntity, p } from '@mikro-orm/core';
import { baseProperties } from './base.ts';

/**
 * A saved reply. Team ones (ownerId null) are managed by admins; personal ones by their owner.
 * Shortcuts are unique among the team's and within each owner's (partial unique indexes in 0061).
 */
const CannedResponseSchema = defineEntity({
  name: 'CannedResponse',
  tableName: 'canned_responses',
  properties: {
    ...baseProperties,
    scope: p.string(),
    ownerId: p.uuid().nullable().index(),
    shortcut: p.string(),
    title: p.string(),
    body: p.text(),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
});

export class CannedResponse extends CannedResponseSchema.class {}
CannedResponseSchema.setClass(CannedResponse);
