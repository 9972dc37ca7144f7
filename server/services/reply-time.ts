import type { BusinessHours } from '../../protocol/index.ts';
import type { Database } from '../db/orm.ts';
import { businessMs } from '../domain/hours.ts';
import { percentile } from '../domain/percentile.ts';

/**
 * What a customer may expect: the median first response (ticket created → first staff message) of
 * the site's tickets created in the last 7 days, in seconds; null with none. A site with opening
 * hours counts business time only (a ticket sent on Friday night and answered on Monday at 09:05
 * took five minutes). One figure per site, nothing about any member.
 */
export class ReplyTimeService {
  private readonly db: Database;
  constructor(db: Database) {
    this.db = db;
  }

  async medianFirstResponse(siteId: string): Promise<number | null> {
    const [site] = await this.db.sql<{ hours: BusinessHours | null }>('select hours from sites where id = ?', [siteId]);
    if (!site?.hours) {
      const [r] = await this.db.sql<{ p50: number | null }>(
        `select percentile_cont(0.5) within group (order by extract(epoch from (first_response_at - created_at)))::float as p50
         from tickets where site_id = ? and first_response_at is not null and created_at > now() - interval '7 days'`,
        [siteId],
      );
      return r?.p50 === null || r?.p50 === undefined ? null : Math.round(r.p50);
    }
    // Business time is wall-clock arithmetic in the site's zone (domain/hours.ts), so in JS; a week of one site's tickets.
    const rows = await this.db.sql<{ created_at: Date; first_response_at: Date }>(
      `select created_at, first_response_at from tickets
       where site_id = ? and first_response_at is not null and created_at > now() - interval '7 days'
       order by created_at desc limit 5000`,
      [siteId],
    );
    const p50 = percentile(rows.map((r) => businessMs(site.hours!, new Date(r.created_at), new Date(r.first_response_at)) / 1000), 0.5);
    return p50 === null ? null : Math.round(p50);
  }
}
