import { Migration } from '@mikro-orm/migrations';

/**
 * The conversations inbox pages by last activity (GET /api/chats): `last_message_at` is the time of
 * the ticket's last public message, set by a trigger whenever the message writer raises `last_seq`
 * (notes number apart and leave it), so the inbox reads one index in order instead of sorting every
 * ticket with a join for each page.
 */
export class Migration0131InboxOrder extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "tickets" add column "last_message_at" timestamptz null;`);
    this.addSql(`update "tickets" t set "last_message_at" = m."created_at" from "messages" m where m."ticket_id" = t."id" and not m."internal" and m."seq" = t."last_seq";`);
    this.addSql(`create function "tickets_touch_last_message_at"() returns trigger language plpgsql as $$ begin new."last_message_at" := now(); return new; end $$;`);
    this.addSql(`create trigger "tickets_last_message_at" before update of "last_seq" on "tickets" for each row when (new."last_seq" > old."last_seq") execute function "tickets_touch_last_message_at"();`);
    this.addSql(`create index "tickets_activity_index" on "tickets" ((coalesce("last_message_at", "created_at")) desc, "id" desc);`);
  }
}
