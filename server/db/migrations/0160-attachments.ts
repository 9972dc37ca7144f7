import { Migration } from '@mikro-orm/migrations';

/**
 * Attachments: the metadata row (random uuid ids, never serial) and the bytes in 256 KiB chunks, so
 * every instance reads them from the database and no request holds a whole file. `size` is null while the bytes
 * arrive; `claim` marks the send that is attaching it; `message_id` is set when a message carries the file; rows still without one after a day are orphans (cleaned up).
 * `server_secrets`: the HMAC key of capability URLs, made once and shared by every instance.
 */
export class Migration0160Attachments extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "attachments" ("id" uuid not null, "ticket_id" uuid not null, "uploader_kind" varchar(16) not null, "uploader_id" varchar(255) not null,
      "name" varchar(255) not null, "type" varchar(128) not null, "size" bigint null, "width" int null, "height" int null,
      "created_at" timestamptz not null, "message_id" uuid null, primary key ("id"));`);
    this.addSql(`alter table "attachments" add constraint "attachments_ticket_id_foreign" foreign key ("ticket_id") references "tickets" ("id") on delete cascade;`);
    this.addSql(`alter table "attachments" add constraint "attachments_message_id_foreign" foreign key ("message_id") references "messages" ("id") on delete cascade;`);
    this.addSql(`create index "attachments_message_id_index" on "attachments" ("message_id");`);
    this.addSql(`create index "attachments_orphan_index" on "attachments" ("created_at") where "message_id" is null;`);
    this.addSql(`create table "attachment_chunks" ("attachment_id" uuid not null, "n" int not null, "data" bytea not null, primary key ("attachment_id", "n"));`);
    this.addSql(`alter table "attachment_chunks" add constraint "attachment_chunks_attachment_id_foreign" foreign key ("attachment_id") references "attachments" ("id") on delete cascade;`);
    this.addSql(`alter table "attachments" add column "claim" varchar(255) null;`);
    this.addSql(`create table "server_secrets" ("name" varchar(64) not null, "value" varchar(255) not null, primary key ("name"));`);
  }
}
