import { Migration } from '@mikro-orm/migrations';

/** Canned responses: one table; a shortcut is unique among team responses and within each owner's. */
export class Migration0061CannedResponses extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "canned_responses" ("id" uuid not null, "created_at" timestamptz not null, "scope" varchar(255) not null, "owner_id" uuid null, "shortcut" varchar(255) not null, "title" varchar(255) not null, "body" text not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "canned_responses" add constraint "canned_responses_owner_id_foreign" foreign key ("owner_id") references "users" ("id") on delete cascade;`);
    this.addSql(`alter table "canned_responses" add constraint "canned_responses_scope_check" check (("scope" = 'team' and "owner_id" is null) or ("scope" = 'personal' and "owner_id" is not null));`);
    this.addSql(`create index "canned_responses_owner_id_index" on "canned_responses" ("owner_id");`);
    this.addSql(`create unique index "canned_responses_team_shortcut_unique" on "canned_responses" ("shortcut") where "scope" = 'team';`);
    this.addSql(`create unique index "canned_responses_personal_shortcut_unique" on "canned_responses" ("owner_id", "shortcut") where "scope" = 'personal';`);
  }
}
