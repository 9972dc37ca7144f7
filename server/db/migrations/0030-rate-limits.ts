import { Migration } from '@mikro-orm/migrations';

/** Counters of the shared rate limits (rate-limiter-flexible's PostgreSQL layout); unused on PGlite, which counts in memory. */
export class Migration0030RateLimits extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "rate_limits" ("key" varchar(255) not null, "points" integer not null default 0, "expire" bigint null, primary key ("key"));`);
  }
}
