import 'server-only';
import { and, inArray, sql } from 'drizzle-orm';
import { getDb, type Db } from '../client';
import { isLive } from '../queries/conditions';
import { articles, articleViewsHourly, referrerViewsHourly } from '../schema';

// Writing audience figures. Views arrive in batches from server/views/buffer.ts (one transaction
// per batch, never a write per view), and a rollup any instance may run keeps the daily totals
// and drops hourly rows older than the retention. Neither changes a reader page, so no cache tag
// expires: the most-read box refreshes on its own time limit.

/** One batch: views counted per hour (start of the hour, ms), article and referring domain. */
export type ViewBatch = { hour: number; articleId: number; referrer: string; views: number }[];

const CHUNK = 5000;

/**
 * Adds a batch of counted views: per article and hour, and per referring domain and hour, each an
 * upsert adding to the count already there. Views of an article that is not live (withdrawn, or
 * an id nobody published) are dropped. Returns the views written. Rows are written in key order,
 * so two instances flushing at once take their row locks in the same order and never deadlock.
 */
export async function recordViewBatch(batch: ViewBatch, db: Db = getDb()): Promise<{ written: number; dropped: number }> {
  if (batch.length === 0) return { written: 0, dropped: 0 };
  const ids = [...new Set(batch.map((b) => b.articleId))];
  return db.transaction(async (tx) => {
    const live = new Set<number>();
    for (let i = 0; i < ids.length; i += CHUNK) {
      const rows = await tx.select({ id: articles.id }).from(articles).where(and(inArray(articles.id, ids.slice(i, i + CHUNK)), isLive()));
      for (const r of rows) live.add(r.id);
    }
    const perArticle = new Map<string, { articleId: number; hour: number; views: number }>();
    const perReferrer = new Map<string, { domain: string; hour: number; views: number }>();
    let written = 0;
    let dropped = 0;
    for (const b of batch) {
      if (!live.has(b.articleId) || !(b.views > 0)) {
        dropped += Math.max(0, b.views);
        continue;
      }
      written += b.views;
      const a = perArticle.get(`${b.articleId}|${b.hour}`) ?? { articleId: b.articleId, hour: b.hour, views: 0 };
      a.views += b.views;
      perArticle.set(`${b.articleId}|${b.hour}`, a);
      const r = perReferrer.get(`${b.hour}|${b.referrer}`) ?? { domain: b.referrer, hour: b.hour, views: 0 };
      r.views += b.views;
      perReferrer.set(`${b.hour}|${b.referrer}`, r);
    }
    const articleRows = [...perArticle.values()].sort((x, y) => x.articleId - y.articleId || x.hour - y.hour);
    const referrerRows = [...perReferrer.values()].sort((x, y) => x.hour - y.hour || (x.domain < y.domain ? -1 : x.domain > y.domain ? 1 : 0));
    for (let i = 0; i < articleRows.length; i += CHUNK) {
      await tx
        .insert(articleViewsHourly)
        .values(articleRows.slice(i, i + CHUNK).map((r) => ({ articleId: r.articleId, hour: new Date(r.hour), views: r.views })))
        .onConflictDoUpdate({ target: [articleViewsHourly.articleId, articleViewsHourly.hour], set: { views: sql`${articleViewsHourly.views} + excluded.views` } });
    }
    for (let i = 0; i < referrerRows.length; i += CHUNK) {
      await tx
        .insert(referrerViewsHourly)
        .values(referrerRows.slice(i, i + CHUNK).map((r) => ({ hour: new Date(r.hour), domain: r.domain, views: r.views })))
        .onConflictDoUpdate({ target: [referrerViewsHourly.hour, referrerViewsHourly.domain], set: { views: sql`${referrerViewsHourly.views} + excluded.views` } });
    }
    return { written, dropped };
  });
}

const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) ? (result as T[]) : ((result as { rows?: T[] }).rows ?? []));

/** How long hourly rows are kept, in days (VIEWS_RAW_DAYS, default 90). */
export function rawViewDays(env: Record<string, string | undefined> = process.env): number {
  const days = Number(env.VIEWS_RAW_DAYS ?? 90);
  return Number.isFinite(days) && days >= 2 ? Math.floor(days) : 90;
}

/**
 * The daily totals, recomputed from the hourly rows, then the hourly rows past the retention
 * deleted. Idempotent and safe on several instances: one at a time holds an advisory lock (the
 * others skip), and each day's total is set to the sum of its hours, never added to. The days
 * recomputed run from the day before the newest total already kept (so days missed while nothing
 * ran are caught up), never earlier than the first whole day still held hourly. A day is the
 * publication's calendar day (its time zone in site_settings); an hour belongs to the day it
 * starts in.
 */
export async function rollUpViews(options: { now?: Date; rawDays?: number } = {}, db: Db = getDb()): Promise<{ ran: boolean; days: number; pruned: number }> {
  const now = options.now ?? new Date();
  const rawDays = options.rawDays ?? rawViewDays();
  const cutoff = new Date(now.getTime() - rawDays * 86_400_000);
  return db.transaction(async (tx) => {
    const [lock] = rowsOf<{ ok: boolean }>(await tx.execute(sql`select pg_try_advisory_xact_lock(hashtext('broadsheet.views-rollup')) as ok`));
    if (!lock?.ok) return { ran: false, days: 0, pruned: 0 };
    const zone = sql`coalesce((select time_zone from site_settings where id = 1), 'UTC')`;
    // The first day to recompute: the day before the newest kept total, but no earlier than the
    // first day whose every hour is still held.
    const [bounds] = rowsOf<{ since: string }>(
      await tx.execute(sql`
        select greatest(
          (((${cutoff.toISOString()}::timestamptz at time zone ${zone})::date + 1)::timestamp at time zone ${zone}),
          coalesce(((select max(day) from article_views_daily) - 1)::timestamp at time zone ${zone}, '-infinity'::timestamptz)
        ) as since`),
    );
    const since = bounds!.since;
    const articleDays = await tx.execute(sql`
      insert into article_views_daily (article_id, day, views)
      select article_id, (hour at time zone ${zone})::date as day, sum(views)
      from article_views_hourly where hour >= ${since}::timestamptz and hour < ${now.toISOString()}::timestamptz + interval '1 hour'
      group by 1, 2 order by 1, 2
      on conflict (article_id, day) do update set views = excluded.views
      returning day`);
    await tx.execute(sql`
      insert into referrer_views_daily (day, domain, views)
      select (hour at time zone ${zone})::date as day, domain, sum(views)
      from referrer_views_hourly where hour >= ${since}::timestamptz and hour < ${now.toISOString()}::timestamptz + interval '1 hour'
      group by 1, 2 order by 1, 2
      on conflict (day, domain) do update set views = excluded.views`);
    const prunedArticles = rowsOf<{ n: number }>(
      await tx.execute(sql`with gone as (delete from article_views_hourly where hour < ${cutoff.toISOString()}::timestamptz returning 1) select count(*)::int as n from gone`),
    );
    await tx.execute(sql`delete from referrer_views_hourly where hour < ${cutoff.toISOString()}::timestamptz`);
    const days = new Set(rowsOf<{ day: string }>(articleDays).map((r) => String(r.day))).size;
    return { ran: true, days, pruned: prunedArticles[0]?.n ?? 0 };
  });
}
