import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { hourOf } from '../../lib/views';
import type { ArticleStatus } from '../../lib/domain';
import { cachedQuery } from '../cache';
import { getDb, type Db } from '../client';
import { rawViewDays } from '../mutations/views';
import { cacheTags } from '../tags';

// Reading audience figures. Readers see only the most-read box (live stories, cached, refreshed
// on a time limit); the newsroom's audience page and the editor's panel read the rest for staff,
// per request. Figures for a period come from the hourly rows where they are still kept and from
// the daily totals before that, so a period reaching back past the 90 days is whole.

const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) ? (result as T[]) : ((result as { rows?: T[] }).rows ?? []));

/** How often the most-read box is refreshed, in seconds (MOST_READ_SECONDS, default 300). */
export const MOST_READ_SECONDS = Math.max(10, Number(process.env.MOST_READ_SECONDS ?? 300) || 300);

export type MostReadItem = { id: number; headline: string; path: string; views: number };

/** The live stories read most in the last 24 hours (this hour and the 23 before it), most first. */
export async function queryMostRead(limit = 5, now = new Date(), db: Db = getDb()): Promise<MostReadItem[]> {
  const since = new Date(hourOf(now).getTime() - 23 * 3_600_000);
  const rows = rowsOf<{ id: number; headline: string; path: string; views: number }>(
    await db.execute(sql`
      select a.id, a.headline, a.path, v.views
      from (select article_id, sum(views)::float8 as views from article_views_hourly where hour >= ${since.toISOString()}::timestamptz group by article_id) v
      join articles a on a.id = v.article_id
      where a.status = 'published' and a.published_at <= now() and a.path is not null
      order by v.views desc, a.id desc
      limit ${limit}`),
  );
  return rows.map((r) => ({ id: Number(r.id), headline: r.headline, path: r.path, views: Number(r.views) }));
}

/**
 * The most-read box of the front page and articles: cached under its own tag, refreshed every
 * MOST_READ_SECONDS (not per view), and expired at once when a story leaves the live site.
 */
export const listMostRead = cachedQuery('most-read', (limit: number) => queryMostRead(limit), () => [cacheTags.mostRead()], MOST_READ_SECONDS);

// ── The newsroom ──────────────────────────────────────────────────────────────────────────────

export type Period = { from: Date; to: Date };

/** The first moment whose whole day is still held hourly: before it, figures come from the daily totals. */
function rawStart(zone: string, now: Date): SQL {
  const cutoff = new Date(now.getTime() - rawViewDays() * 86_400_000).toISOString();
  return sql`((((${cutoff}::timestamptz at time zone ${zone})::date + 1)::timestamp) at time zone ${zone})`;
}

/** Each article's views in the period, one row per source row: daily totals before the raw start, hours after. */
function articleViewsIn(p: Period, zone: string, now: Date): SQL {
  const start = rawStart(zone, now);
  return sql`(
    select article_id, views::float8 as views, day as day, null::timestamptz as hour from article_views_daily
      where day >= (${p.from.toISOString()}::timestamptz at time zone ${zone})::date and (day::timestamp at time zone ${zone}) < ${start}
        and (day::timestamp at time zone ${zone}) < ${p.to.toISOString()}::timestamptz
    union all
    select article_id, views::float8, (hour at time zone ${zone})::date, hour from article_views_hourly
      where hour >= greatest(${p.from.toISOString()}::timestamptz, ${start}) and hour < ${p.to.toISOString()}::timestamptz
  )`;
}

function referrerViewsIn(p: Period, zone: string, now: Date): SQL {
  const start = rawStart(zone, now);
  return sql`(
    select domain, views::float8 as views from referrer_views_daily
      where day >= (${p.from.toISOString()}::timestamptz at time zone ${zone})::date and (day::timestamp at time zone ${zone}) < ${start}
        and (day::timestamp at time zone ${zone}) < ${p.to.toISOString()}::timestamptz
    union all
    select domain, views::float8 from referrer_views_hourly
      where hour >= greatest(${p.from.toISOString()}::timestamptz, ${start}) and hour < ${p.to.toISOString()}::timestamptz
  )`;
}

export type AudienceArticle = { id: number; headline: string; status: ArticleStatus; path: string | null; views: number };
export type AudienceReport = {
  total: number;
  perDay: { day: string; views: number }[];
  /** Per hour through the period when it is a week or less; otherwise summed by hour of the day (0–23, local). */
  perHour: { kind: 'timeline'; hours: { hour: string; views: number }[] } | { kind: 'hour-of-day'; hours: { hour: number; views: number }[] };
  articles: AudienceArticle[];
  sections: { slug: string | null; name: string; views: number }[];
  authors: { slug: string; name: string; views: number }[];
  referrers: { domain: string; views: number }[];
};

/** Everything the audience page shows for a period, in the publication's time zone. */
export async function getAudienceReport(period: Period, zone: string, options: { now?: Date; limit?: number } = {}, db: Db = getDb()): Promise<AudienceReport> {
  const now = options.now ?? new Date();
  const limit = options.limit ?? 10;
  const views = articleViewsIn(period, zone, now);
  const week = period.to.getTime() - period.from.getTime() <= 7 * 86_400_000 + 3_600_000;
  const [perDay, perHour, top, sectionRows, authorRows, referrers] = await Promise.all([
    db.execute(sql`select day::text as day, sum(views)::float8 as views from ${views} v group by day order by day`),
    week
      ? db.execute(sql`select to_char(hour at time zone 'UTC', 'YYYY-MM-DD"T"HH24:00:00"Z"') as hour, sum(views)::float8 as views from ${views} v where hour is not null group by 1 order by 1`)
      : db.execute(sql`select extract(hour from hour at time zone ${zone})::int as hour, sum(views)::float8 as views from ${views} v where hour is not null group by 1 order by 1`),
    db.execute(sql`
      select a.id, a.headline, a.status, a.path, t.views from (select article_id, sum(views) as views from ${views} v group by article_id) t
      join articles a on a.id = t.article_id order by t.views desc, a.id desc limit ${limit}`),
    db.execute(sql`
      select s.slug, coalesce(s.name, 'No section') as name, sum(t.views)::float8 as views from (select article_id, sum(views) as views from ${views} v group by article_id) t
      join articles a on a.id = t.article_id left join sections s on s.id = a.section_id group by s.slug, s.name order by 3 desc, 2 limit ${limit}`),
    db.execute(sql`
      select st.slug, st.name, sum(t.views)::float8 as views from (select article_id, sum(views) as views from ${views} v group by article_id) t
      join article_authors aa on aa.article_id = t.article_id join staff st on st.id = aa.staff_id group by st.slug, st.name order by 3 desc, 2 limit ${limit}`),
    db.execute(sql`select domain, sum(views)::float8 as views from ${referrerViewsIn(period, zone, now)} r group by domain order by 2 desc, 1 limit ${limit}`),
  ]);
  const days = rowsOf<{ day: string; views: number }>(perDay).map((r) => ({ day: String(r.day), views: Number(r.views) }));
  return {
    total: days.reduce((sum, d) => sum + d.views, 0),
    perDay: days,
    perHour: week
      ? { kind: 'timeline', hours: rowsOf<{ hour: string; views: number }>(perHour).map((r) => ({ hour: String(r.hour), views: Number(r.views) })) }
      : { kind: 'hour-of-day', hours: rowsOf<{ hour: number; views: number }>(perHour).map((r) => ({ hour: Number(r.hour), views: Number(r.views) })) },
    articles: rowsOf<AudienceArticle>(top).map((r) => ({ id: Number(r.id), headline: r.headline, status: r.status, path: r.path, views: Number(r.views) })),
    sections: rowsOf<{ slug: string | null; name: string; views: number }>(sectionRows).map((r) => ({ slug: r.slug, name: r.name, views: Number(r.views) })),
    authors: rowsOf<{ slug: string; name: string; views: number }>(authorRows).map((r) => ({ slug: r.slug, name: r.name, views: Number(r.views) })),
    referrers: rowsOf<{ domain: string; views: number }>(referrers).map((r) => ({ domain: r.domain, views: Number(r.views) })),
  };
}

export type ArticleFigures = { total: number; last24h: number; last7d: number; perDay: { day: string; views: number }[] };

/** One article's own figures for its editor page: all time, the last 24 hours and 7 days, and its last 14 days by day. */
export async function getArticleFigures(articleId: number, zone: string, now = new Date(), db: Db = getDb()): Promise<ArticleFigures> {
  const end = new Date(hourOf(now).getTime() + 3_600_000);
  const span = (days: number): Period => ({ from: new Date(end.getTime() - days * 86_400_000), to: end });
  const all: Period = { from: new Date('1970-01-02T00:00:00Z'), to: end };
  const sum = (p: Period) => sql`(select coalesce(sum(views), 0)::float8 from ${articleViewsIn(p, zone, now)} v where article_id = ${articleId})`;
  const [[totals], perDay] = await Promise.all([
    db.execute(sql`select ${sum(all)} as total, ${sum(span(1))} as last24h, ${sum(span(7))} as last7d`).then((r) => rowsOf<{ total: number; last24h: number; last7d: number }>(r)),
    db.execute(sql`select day::text as day, sum(views)::float8 as views from ${articleViewsIn(span(14), zone, now)} v where article_id = ${articleId} group by day order by day`),
  ]);
  return {
    total: Number(totals?.total ?? 0),
    last24h: Number(totals?.last24h ?? 0),
    last7d: Number(totals?.last7d ?? 0),
    perDay: rowsOf<{ day: string; views: number }>(perDay).map((r) => ({ day: String(r.day), views: Number(r.views) })),
  };
}
