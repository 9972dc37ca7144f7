import { Migration } from '@mikro-orm/migrations';

/**
 * One row naming this deployment: instances on the same database find each other by it on a shared
 * broker (the NATS bus subject), and never hear a deployment that merely uses the same NATS server.
 */
export class Migration0150Deployment extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "deployment" ("id" uuid primary key default gen_random_uuid(), "one" boolean not null default true unique check ("one"));`);
    this.addSql(`insert into "deployment" default values;`);
  }
}
