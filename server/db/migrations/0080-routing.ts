import { Migration } from '@mikro-orm/migrations';

/**
 * Routing: member status and capacity, the site's routing mode, and teams (members, and the
 * categories routed to them: a category belongs to at most one team, enforced by its primary key).
 */
export class Migration0080Routing extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "users" add column "status" varchar(255) not null default 'offline', add column "status_auto" boolean not null default true, add column "capacity" int not null default 5, add column "last_assigned_at" timestamptz null;`);
    this.addSql(`alter table "sites" add column "routing" varchar(255) not null default 'manual';`);
    this.addSql(`create table "teams" ("id" uuid not null, "created_at" timestamptz not null, "name" varchar(255) not null, primary key ("id"));`);
    this.addSql(`alter table "teams" add constraint "teams_name_unique" unique ("name");`);
    this.addSql(`create table "team_members" ("team_id" uuid not null, "user_id" uuid not null, primary key ("team_id", "user_id"));`);
    this.addSql(`alter table "team_members" add constraint "team_members_team_id_foreign" foreign key ("team_id") references "teams" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "team_members" add constraint "team_members_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);
    this.addSql(`create index "team_members_user_id_index" on "team_members" ("user_id");`);
    this.addSql(`create table "team_categories" ("category" varchar(255) not null, "team_id" uuid not null, primary key ("category"));`);
    this.addSql(`alter table "team_categories" add constraint "team_categories_team_id_foreign" foreign key ("team_id") references "teams" ("id") on delete cascade;`);
    this.addSql(`create index "team_categories_team_id_index" on "team_categories" ("team_id");`);
  }
}
