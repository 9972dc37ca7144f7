import { Migration } from '@mikro-orm/migrations';

/** The ticket form's email (site `ask_email`), and transcripts on close (asked per ticket, or on for a whole site). */
export class Migration0143TicketEmail extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "sites" add column "ask_email" varchar(255) not null default 'off';`);
    this.addSql(`alter table "sites" add column "transcripts" boolean not null default false;`);
    this.addSql(`alter table "tickets" add column "mail_transcript" boolean not null default false;`);
  }
}
