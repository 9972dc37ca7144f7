import { Migration } from '@mikro-orm/migrations';

/** A member's opt-in to mail for customer replies on their tickets while they are offline. */
export class Migration0170MailCustomerReplies extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "users" add column "mail_customer_replies" boolean not null default false;`);
  }
}
