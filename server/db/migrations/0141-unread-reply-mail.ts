import { Migration } from '@mikro-orm/migrations';

/** Which message an unread-reply mail carried up to, so the next one starts after it (one mail per ticket and seq, across instances). */
export class Migration0141UnreadReplyMail extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "mail_outbox" add column "upto_seq" int null;`);
    this.addSql(`create unique index "mail_outbox_unread_reply_unique" on "mail_outbox" ("ticket_id", "upto_seq") where "kind" = 'unread_reply';`);
    this.addSql(`create index "mail_outbox_ticket_id_kind_index" on "mail_outbox" ("ticket_id", "kind");`);
  }
}
