import { Migration } from '@mikro-orm/migrations';

/** Customer context: a profile per customer (attributes, latest page and browser, last seen) and the page each ticket was opened on. */
export class Migration0060CustomerContext extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "customer_profiles" ("customer_id" uuid not null, "attributes" jsonb null, "context" jsonb null, "last_seen_at" timestamptz not null, primary key ("customer_id"));`);
    this.addSql(`alter table "customer_profiles" add constraint "customer_profiles_customer_id_foreign" foreign key ("customer_id") references "customers" ("id") on delete cascade;`);
    this.addSql(`create table "ticket_pages" ("ticket_id" uuid not null, "url" text not null, "title" text null, primary key ("ticket_id"));`);
    this.addSql(`alter table "ticket_pages" add constraint "ticket_pages_ticket_id_foreign" foreign key ("ticket_id") references "tickets" ("id") on delete cascade;`);
  }
}
