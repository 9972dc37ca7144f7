import { Migration } from '@mikro-orm/migrations';

/**
 * Full-text search (GET /api/search): a stored tsvector beside each description and message body,
 * GIN-indexed, so a search is an index lookup on both. Generated columns keep them right on every
 * write path (the batch message writer included) without touching any of them. `english` stems
 * ("refunds" finds "refund"); the same configuration ships with PGlite.
 * Customer emails match exactly, case-insensitively, through an index on lower(email).
 */
export class Migration0130Search extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "tickets" add column "search_vector" tsvector generated always as (to_tsvector('english', "description")) stored;`);
    this.addSql(`create index "tickets_search_vector_index" on "tickets" using gin ("search_vector");`);
    this.addSql(`alter table "messages" add column "search_vector" tsvector generated always as (to_tsvector('english', "body")) stored;`);
    this.addSql(`create index "messages_search_vector_index" on "messages" using gin ("search_vector");`);
    this.addSql(`create index "customers_email_lower_index" on "customers" (lower("email"));`);
  }
}
