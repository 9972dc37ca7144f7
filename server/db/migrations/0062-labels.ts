import { Migration } from '@mikro-orm/migrations';

/** Ticket labels: a JSON array on the ticket, GIN-indexed so `?label=` is an index lookup (`labels @> '["x"]'`). */
export class Migration0062Labels extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "tickets" add column "labels" jsonb not null default '[]';`);
    this.addSql(`create index "tickets_labels_index" on "tickets" using gin ("labels");`);
  }
}
