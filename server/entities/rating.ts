import { defineEntity, p } from '@mikro-orm/core';

/** A customer's rating of a closed ticket; the ticket id is the key, so a ticket is rated once. */
const RatingSchema = defineEntity({
  name: 'Rating',
  tableName: 'ratings',
  properties: {
    ticketId: p.uuid().primary(),
    customerId: p.uuid(),
    score: p.integer(),
    comment: p.text().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export class Rating extends RatingSchema.class {}
RatingSchema.setClass(Rating);
