import { Migration } from '@mikro-orm/migrations';

/**
 * The staff mail for a customer's reply is now queued by the message batch statement itself, as a
 * `draft` row rendered by the mail worker (server/mail/staff-mail.ts): one unsent such mail per
 * ticket at most, which the index makes true across instances. Duplicates an earlier race left are
 * dropped first (the same notification twice).
 */
export class Migration0200CustomerReplyDrafts extends Migration {
  override async up(): Promise<void> {
    this.addSql(`delete from "mail_outbox" a using "mail_outbox" b
      where a.kind = 'customer_reply' and b.kind = 'customer_reply' and a.state = 'pending' and b.state = 'pending'
        and a.ticket_id = b.ticket_id and a.seq > b.seq;`);
    this.addSql(`create unique index "mail_outbox_customer_reply_unsent" on "mail_outbox" ("ticket_id") where "kind" = 'customer_reply' and "state" in ('draft', 'pending');`);
  }
}
