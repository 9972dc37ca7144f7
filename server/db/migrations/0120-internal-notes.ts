import { Migration } from '@mikro-orm/migrations';

/**
 * Internal notes: staff-only messages in a ticket's timeline. Notes are numbered in their own
 * sequence (`tickets.last_note_seq`), so the public messages a customer sees stay numbered 1, 2, 3...
 * without gaps; `after_seq` records the public message a note follows, to place it in the timeline.
 */
export class Migration0120InternalNotes extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "messages" add column "internal" boolean not null default false;`);
    this.addSql(`alter table "messages" add column "after_seq" int null;`);
    this.addSql(`alter table "tickets" add column "last_note_seq" int not null default 0;`);
    this.addSql(`alter table "messages" drop constraint "messages_ticket_id_seq_unique";`);
    this.addSql(`alter table "messages" add constraint "messages_ticket_id_internal_seq_unique" unique ("ticket_id", "internal", "seq");`);
  }
}
