import { Migration } from '@mikro-orm/migrations';

/** Ratings (CSAT): one per ticket, removed with it. */
export class Migration0050Ratings extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "ratings" ("ticket_id" uuid not null, "customer_id" uuid not null, "score" int not null, "comment" text null, "created_at" timestamptz not null, primary key ("ticket_id"));`);
    this.addSql(`alter table "ratings" add constraint "ratings_ticket_id_foreign" foreign key ("ticket_id") references "tickets" ("id") on delete cascade;`);
    this.addSql(`alter table "ratings" add constraint "ratings_score_check" check ("score" between 1 and 5);`);
    this.addSql(`create index "ratings_created_at_index" on "ratings" ("created_at");`);
  }
}
