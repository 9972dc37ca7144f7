import { Migration } from '@mikro-orm/migrations';

/**
 * Which instance holds an open socket of which customer, until when (server/realtime/customer-presence.ts):
 * "is this customer connected anywhere" for the unread-reply mail and the customer panel. A row outlives
 * a killed instance by at most its lease.
 */
export class Migration0190CustomerConnections extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "customer_connections" ("customer_id" uuid not null, "instance_id" text not null, "expires_at" timestamptz not null, primary key ("customer_id", "instance_id"));`);
    this.addSql(`create index "customer_connections_expires_at_index" on "customer_connections" ("expires_at");`);
  }
}
