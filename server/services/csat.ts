import type { Csat, CsatGroup } from '../../protocol/index.ts';
import type { Database } from '../db/orm.ts';

type Row = { key: string | null; label: string | null; n: number; avg: number; satisfied: number };

const group = (r: Row): CsatGroup => ({
  key: r.key ?? '',
  label: r.label ?? r.key ?? '',
  ratings: r.n,
  average: Math.round(r.avg * 100) / 100,
  // The usual CSAT figure: the share of ratings of 4 or 5.
  satisfiedShare: Math.round((r.satisfied / r.n) * 1000) / 1000,
});

/** CSAT over the last 12 weeks, overall and by member (the assignee who closed it), category and week. */
export async function collectCsat(db: Database): Promise<Csat> {
  // Only fixed expressions below are spliced into the text (no input reaches this query).
  const by = (key: string, label: string, groupBy: string, order: string) =>
    db.sql<Row>(
      `select ${key} as key, ${label} as label, count(*)::int as n, avg(r.score)::float as avg,
              count(*) filter (where r.score >= 4)::int as satisfied
       from ratings r join tickets t on t.id = r.ticket_id left join users u on u.id = t.assignee_id
       where r.created_at > now() - interval '84 days' ${groupBy} order by ${order}`,
    );
  const week = `to_char(date_trunc('week', r.created_at), 'YYYY-MM-DD')`;
  const [all] = await by(`'all'`, `'all'`, '', '1');
  return {
    overall: all?.n ? group(all) : null,
    byMember: (await by('t.assignee_id::text', 'u.name', 'group by 1, 2', 'n desc, 2')).map(group),
    byCategory: (await by('t.category', 't.category', 'group by 1', 'n desc, 1')).map(group),
    // Weeks start on Monday (date_trunc), as ISO dates, oldest first.
    byWeek: (await by(week, week, 'group by 1', '1')).map(group),
  };
}
