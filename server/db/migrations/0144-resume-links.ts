import { Migration } from '@mikro-orm/migrations';

/**
 * Resume links: a single-ticket token mailed to the customer (stored as its SHA-256, 7 days), and
 * visitor tokens limited to one ticket (`ticket_id`), which is what such a link opens.
 */
export class Migration0144ResumeLinks extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "resume_tokens" ("id" varchar(255) not null, "created_at" timestamptz not null, "expires_at" timestamptz not null, "ticket_id" uuid not null, primary key ("id"));`);
    this.addSql(`alter table "resume_tokens" add constraint "resume_tokens_ticket_id_foreign" foreign key ("ticket_id") references "tickets" ("id") on delete cascade;`);
    this.addSql(`alter table "visitor_tokens" add column "ticket_id" uuid null;`);
    this.addSql(`alter table "visitor_tokens" add constraint "visitor_tokens_ticket_id_foreign" foreign key ("ticket_id") references "tickets" ("id") on delete cascade;`);
  }
}
