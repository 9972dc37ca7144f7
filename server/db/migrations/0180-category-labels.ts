import { Migration } from '@mikro-orm/migrations';

/** A site's category names per language (`{ar: {Billing: "الفواتير"}}`), null when it has none. */
export class Migration0180CategoryLabels extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "sites" add column "category_labels" jsonb null;`);
  }
}
