import { Migration } from '@mikro-orm/migrations';

/**
 * The inbox's order (last public message, else the ticket's creation) moves off `tickets` to a narrow
 * table of its own. On `tickets` it made every message's seq bump a non-HOT update (an indexed
 * column changed), so each of the ticket's indexes, two of them GIN, took a new entry per message;
 * the bump now changes no indexed column and stays on its page (measured: the batch statement's
 * ticket update went from about 4 ms to 0.6 ms per 100 messages). One row per ticket, made by a
 * trigger on insert whatever the write path, so the inbox still pages one index in order.
 */
export class Migration0220TicketActivity extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "ticket_activity" ("ticket_id" uuid not null primary key references "tickets" ("id") on delete cascade, "at" timestamptz not null);`);
    this.addSql(`insert into "ticket_activity" ("ticket_id", "at") select "id", coalesce("last_message_at", "created_at") from "tickets";`);
    this.addSql(`create index "ticket_activity_at_index" on "ticket_activity" ("at" desc, "ticket_id" desc);`);
    this.addSql(`create function "tickets_add_activity"() returns trigger language plpgsql as $$ begin insert into "ticket_activity" ("ticket_id", "at") values (new."id", new."created_at"); return null; end $$;`);
    this.addSql(`create trigger "tickets_activity" after insert on "tickets" for each row execute function "tickets_add_activity"();`);
    this.addSql(`drop trigger "tickets_last_message_at" on "tickets";`);
    this.addSql(`drop function "tickets_touch_last_message_at"();`);
    this.addSql(`drop index "tickets_activity_index";`);
    this.addSql(`alter table "tickets" drop column "last_message_at";`);
  }
}
