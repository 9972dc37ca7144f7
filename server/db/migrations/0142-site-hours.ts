import { Migration } from '@mikro-orm/migrations';

/** A site's opening hours (protocol/hours.ts), null when it has none. */
export class Migration0142SiteHours extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "sites" add column "hours" jsonb null;`);
  }
}
