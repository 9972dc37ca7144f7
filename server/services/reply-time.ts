import type { Database } from '../db/orm.ts';

/**
 * What a customer may expect: the median first response (ticket created → first staff message) of
 * the site's tickets created in the last 7 days, in seconds; null with none. One figure per site,
 * nothing about any member.
 */
export class ReplyTimeService {
  private readonly db: Database;
  constructor(db: Database) {
    this.db = db;
  }

  async medianFirstResponse(siteId: string): Promise<number | null> {
    const [r] = await this.db.sql<{ p50: number | null }>(
      `select percentile_cont(0.5) within group (order by extract(epoch from (first_response_at - created_at)))::float as p50
       from tickets where site_id = ? and first_response_at is not null and created_at > now() - interval '7 days'`,
      [siteId],
    );
    return r?.p50 === null || r?.p50 === undefined ? null : Math.round(r.p50);
  }
}
