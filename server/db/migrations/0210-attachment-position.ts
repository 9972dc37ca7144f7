import { Migration } from '@mikro-orm/migrations';

/** A sent file's place among its message's files, as the sender listed them (uploads finish in any order). */
export class Migration0210AttachmentPosition extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "attachments" add column "position" smallint null;`);
  }
}
