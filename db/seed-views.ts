// The demo's audience figures: a plausible week of page views for the published stories, so a
// fresh demo shows "Most read" and the newsroom's charts with something in them. Made up by
// formula, not recorded from anyone: each story is read most in the day or two after it comes
// out and a little after that, readers come in the day more than the night (in the paper's time
// zone), and a fixed pseudo-random factor per story and hour keeps the bars from looking ruled.
// Two statements, whatever the number of stories, so seeding stays fast.
import { sql } from 'drizzle-orm';
import type { Db } from './connection';

type Executor = Pick<Db, 'execute'>;

/** Where the demo's readers came from, as shares of each hour's views ('' is no referrer). */
const REFERRERS: [string, number][] = [
  ['', 0.34],
  ['(internal)', 0.24],
  ['google.com', 0.19],
  ['facebook.com', 0.06],
  ['bing.com', 0.04],
  ['duckduckgo.com', 0.04],
  ['reddit.com', 0.03],
  ['portellery-harbour-forum.example', 0.03],
  ['news.example', 0.02],
];

export async function seedViews(tx: Executor, now: Date, timeZone: string, days = 7): Promise<void> {
  const end = new Date(now.getTime() - (now.getTime() % 3_600_000));
  const start = new Date(end.getTime() - (days * 24 - 1) * 3_600_000);
  await tx.execute(sql`
    insert into article_views_hourly (article_id, hour, views)
    select id, hour, views from (
      select a.id, h.hour,
        round(
          (6 + (a.id * 37) % 29)
          * (0.06 + exp(-greatest(0, extract(epoch from (h.hour - a.published_at))) / 129600.0))
          * (0.25 + 0.75 * (0.5 - 0.5 * cos(2 * pi() * (extract(hour from h.hour at time zone ${timeZone}::text) - 3) / 24)))
          * (0.7 + 0.6 * (((a.id * 7919 + (extract(epoch from h.hour)::bigint / 3600) * 104729) % 1000) / 1000.0))
          * case when h.hour >= ${end.toISOString()}::timestamptz then ${(now.getTime() % 3_600_000) / 3_600_000}::float8 else 1 end
        )::int as views
      from articles a
      cross join generate_series(${start.toISOString()}::timestamptz, ${end.toISOString()}::timestamptz, interval '1 hour') as h(hour)
      where a.status = 'published' and a.published_at < h.hour + interval '1 hour' and a.path is not null
    ) v
    where views > 0`);
  const shares = sql.join(
    REFERRERS.map(([domain, share]) => sql`(${domain}::text, ${share}::float8)`),
    sql`, `,
  );
  await tx.execute(sql`
    insert into referrer_views_hourly (hour, domain, views)
    select t.hour, r.domain, round(t.views * r.share)::int
    from (select hour, sum(views) as views from article_views_hourly group by hour) t
    cross join (values ${shares}) as r(domain, share)
    where round(t.views * r.share) > 0`);
}
