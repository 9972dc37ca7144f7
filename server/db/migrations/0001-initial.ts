import { Migration } from '@mikro-orm/migrations';

/** The first schema: staff, sessions, sites, customers, tickets, messages, audit trail, read positions. */
export class Migration0001Initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "sites" ("id" uuid not null, "created_at" timestamptz not null, "name" varchar(255) not null, "key" varchar(255) not null, "secret" varchar(255) not null, "origins" jsonb not null, "categories" jsonb not null, "require_identity" boolean not null default false, primary key ("id"));`);
    this.addSql(`alter table "sites" add constraint "sites_key_unique" unique ("key");`);
    this.addSql(`create table "customers" ("id" uuid not null, "created_at" timestamptz not null, "site_id" uuid not null, "external_id" varchar(255) null, "email" varchar(255) null, "name" varchar(255) null, "verified" boolean not null default false, primary key ("id"));`);
    this.addSql(`alter table "customers" add constraint "customers_site_id_external_id_unique" unique ("site_id", "external_id");`);
    this.addSql(`create table "ticket_reads" ("ticket_id" uuid not null, "reader_id" uuid not null, "reader_kind" varchar(255) not null, "seq" int not null, "updated_at" timestamptz not null, primary key ("ticket_id", "reader_id"));`);
    this.addSql(`create table "users" ("id" uuid not null, "created_at" timestamptz not null, "email" varchar(255) not null, "name" varchar(255) not null, "role" varchar(255) not null, "password_hash" varchar(255) not null, "active" boolean not null default true, primary key ("id"));`);
    this.addSql(`alter table "users" add constraint "users_email_unique" unique ("email");`);
    this.addSql(`create table "tickets" ("id" uuid not null, "created_at" timestamptz not null, "site_id" uuid not null, "customer_id" uuid not null, "category" varchar(255) not null, "urgency" varchar(255) not null, "description" text not null, "status" varchar(255) not null, "assignee_id" uuid null, "reject_reason" text null, "client_id" varchar(255) null, "accepted_at" timestamptz null, "rejected_at" timestamptz null, "closed_at" timestamptz null, "first_response_at" timestamptz null, "last_seq" int not null default 0, primary key ("id"));`);
    this.addSql(`create index "tickets_customer_id_index" on "tickets" ("customer_id");`);
    this.addSql(`create index "tickets_assignee_id_index" on "tickets" ("assignee_id");`);
    this.addSql(`create index "tickets_status_created_at_index" on "tickets" ("status", "created_at");`);
    this.addSql(`alter table "tickets" add constraint "tickets_customer_id_client_id_unique" unique ("customer_id", "client_id");`);
    this.addSql(`create table "ticket_events" ("id" uuid not null, "created_at" timestamptz not null, "ticket_id" uuid not null, "action" varchar(255) not null, "from_status" varchar(255) null, "to_status" varchar(255) not null, "actor_kind" varchar(255) not null, "actor_id" varchar(255) not null, "actor_name" varchar(255) null, "reason" text null, primary key ("id"));`);
    this.addSql(`create index "ticket_events_ticket_id_index" on "ticket_events" ("ticket_id");`);
    this.addSql(`create table "messages" ("id" uuid not null, "created_at" timestamptz not null, "ticket_id" uuid not null, "seq" int not null, "client_id" varchar(255) not null, "author_kind" varchar(255) not null, "author_id" varchar(255) not null, "author_name" varchar(255) null, "body" text not null, primary key ("id"));`);
    this.addSql(`alter table "messages" add constraint "messages_ticket_id_seq_unique" unique ("ticket_id", "seq");`);
    this.addSql(`alter table "messages" add constraint "messages_ticket_id_client_id_unique" unique ("ticket_id", "client_id");`);
    this.addSql(`create table "sessions" ("id" varchar(255) not null, "user_id" uuid not null, "created_at" timestamptz not null, "expires_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create table "visitor_tokens" ("id" varchar(255) not null, "customer_id" uuid not null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "customers" add constraint "customers_site_id_foreign" foreign key ("site_id") references "sites" ("id") on delete cascade;`);
    this.addSql(`alter table "tickets" add constraint "tickets_site_id_foreign" foreign key ("site_id") references "sites" ("id") on delete cascade;`);
    this.addSql(`alter table "tickets" add constraint "tickets_customer_id_foreign" foreign key ("customer_id") references "customers" ("id") on delete cascade;`);
    this.addSql(`alter table "tickets" add constraint "tickets_assignee_id_foreign" foreign key ("assignee_id") references "users" ("id") on delete set null;`);
    this.addSql(`alter table "ticket_events" add constraint "ticket_events_ticket_id_foreign" foreign key ("ticket_id") references "tickets" ("id") on delete cascade;`);
    this.addSql(`alter table "messages" add constraint "messages_ticket_id_foreign" foreign key ("ticket_id") references "tickets" ("id") on delete cascade;`);
    this.addSql(`alter table "sessions" add constraint "sessions_user_id_foreign" foreign key ("user_id") references "users" ("id") on delete cascade;`);
    this.addSql(`alter table "visitor_tokens" add constraint "visitor_tokens_customer_id_foreign" foreign key ("customer_id") references "customers" ("id") on delete cascade;`);
    this.addSql(`create index "sessions_user_id_index" on "sessions" ("user_id");`);
    this.addSql(`create index "visitor_tokens_customer_id_index" on "visitor_tokens" ("customer_id");`);
    this.addSql(`create index "messages_created_at_index" on "messages" ("created_at");`);
    this.addSql(`create index "tickets_assignee_status_index" on "tickets" ("assignee_id", "status");`);
  }
}
