import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getAudienceReport, getArticleFigures, queryMostRead } from '../queries/views';
import type { Db } from '../connection';
import { articles, articleViewsDaily, articleViewsHourly, referrerViewsDaily, referrerViewsHourly, siteSettings } from '../schema';
import { makeArticle, makeSection, makeStaff } from '../test-fixtures';
import { closeTestDatabase, openTestDatabase } from '../testing';
import { recordViewBatch, rollUpViews } from './views';
import { transitionArticle } from './articles';
import { cacheTags } from '../tags';

// Audience figures in the database: what a batch adds, what is kept (and what never is), how the
// daily totals outlive the hourly rows, and the most-read list readers see.

let db: Db;
let news: { id: number; slug: string };
let n = 0;
const HOUR = 3_600_000;
const DAY = 86_400_000;
const hourStart = (ms: number) => ms - (ms % HOUR);

beforeAll(async () => {
  db = (await openTestDatabase()).db;
  await db.insert(siteSettings).values({ id: 1, name: 'Test Gazette', timeZone: 'Europe/London' });
  news = await makeSection(db, 'news');
});
afterAll(closeTestDatabase);

async function story(extra: Partial<Parameters<typeof makeArticle>[1]> = {}) {
  n += 1;
  return makeArticle(db, { slug: `harbour-story-${n}`, section: news, headline: `Harbour story ${n}`, ...extra });
}

const viewsOf = async (id: number) => (await db.select().from(articleViewsHourly).where(eq(articleViewsHourly.articleId, id))).reduce((s, r) => s + r.views, 0);

describe('a batch of views', () => {
  it('adds to the counts already there, per article and hour, and per referring domain and hour', async () => {
    const a = await story();
    const now = hourStart(Date.now());
    await recordViewBatch([{ hour: now, articleId: a.id, referrer: 'search.example', views: 3 }], db);
    await recordViewBatch(
      [
        { hour: now, articleId: a.id, referrer: 'search.example', views: 2 },
        { hour: now, articleId: a.id, referrer: '', views: 4 },
        { hour: now - HOUR, articleId: a.id, referrer: '', views: 1 },
      ],
      db,
    );
    const rows = await db.select().from(articleViewsHourly).where(eq(articleViewsHourly.articleId, a.id));
    expect(rows.map((r) => [r.hour.getTime(), r.views]).sort()).toEqual([
      [now - HOUR, 1],
      [now, 9],
    ]);
    const refs = await db.select().from(referrerViewsHourly).where(eq(referrerViewsHourly.domain, 'search.example'));
    expect(refs.reduce((s, r) => s + r.views, 0)).toBe(5);
  });

  it('drops views of a story that is not live (withdrawn, draft, unknown id) and writes the rest', async () => {
    const live = await story();
    const gone = await story({ status: 'withdrawn' });
    const draft = await story({ status: 'draft', publishedAt: null });
    const hour = hourStart(Date.now());
    const result = await recordViewBatch(
      [
        { hour, articleId: live.id, referrer: '', views: 2 },
        { hour, articleId: gone.id, referrer: '', views: 5 },
        { hour, articleId: draft.id, referrer: '', views: 7 },
        { hour, articleId: 999_999, referrer: '', views: 1 },
      ],
      db,
    );
    expect(result).toEqual({ written: 2, dropped: 13 });
    expect(await viewsOf(live.id)).toBe(2);
    expect(await viewsOf(gone.id)).toBe(0);
    expect(await viewsOf(draft.id)).toBe(0);
  });
});

describe('several instances', () => {
  it('add their batches to the same rows at once without losing a view or deadlocking', async () => {
    const [a, b, c] = [await story(), await story(), await story()];
    const hour = hourStart(Date.now());
    const rows = [a, b, c].flatMap((s) => ['', 'x.example', 'y.example'].map((referrer) => ({ hour, articleId: s.id, referrer, views: 1 })));
    // Each "instance" sends the same keys in a different order; row order inside is by key.
    await Promise.all(Array.from({ length: 12 }, (_, i) => recordViewBatch(i % 2 ? [...rows].reverse() : rows, db)));
    for (const s of [a, b, c]) expect(await viewsOf(s.id)).toBe(12 * 3);
  });
});

describe('nothing personal is stored', () => {
  it('the audience tables hold only article ids, times, counts and referring domains', async () => {
    const rows = (await db.execute(sql`
      select table_name, column_name from information_schema.columns
      where table_schema = 'public' and table_name in ('article_views_hourly', 'article_views_daily', 'referrer_views_hourly', 'referrer_views_daily')
      order by table_name, column_name`)) as unknown;
    const list = (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as { table_name: string; column_name: string }[];
    const columns = Object.fromEntries(['article_views_hourly', 'article_views_daily', 'referrer_views_hourly', 'referrer_views_daily'].map((t) => [t, list.filter((r) => r.table_name === t).map((r) => r.column_name)]));
    expect(columns).toEqual({
      article_views_hourly: ['article_id', 'hour', 'views'],
      article_views_daily: ['article_id', 'day', 'views'],
      referrer_views_hourly: ['domain', 'hour', 'views'],
      referrer_views_daily: ['day', 'domain', 'views'],
    });
  });
});

describe('the rollup and the 90 days', () => {
  it('keeps each day’s total for ever while hourly rows past the retention are deleted, and may run again', async () => {
    const a = await story({ publishedAt: new Date(Date.now() - 200 * DAY) });
    const now = new Date();
    // 100 days ago (in the hours of one London day, away from midnight), 50 days ago, and today.
    const old = hourStart(now.getTime() - 100 * DAY);
    const oldNoon = old - (old % DAY) + 12 * HOUR;
    const mid = hourStart(now.getTime() - 50 * DAY);
    const batch = [
      { hour: oldNoon, articleId: a.id, referrer: 'old.example', views: 4 },
      { hour: oldNoon + HOUR, articleId: a.id, referrer: 'old.example', views: 6 },
      { hour: mid, articleId: a.id, referrer: '', views: 5 },
      { hour: hourStart(now.getTime()), articleId: a.id, referrer: '', views: 1 },
    ];
    await recordViewBatch(batch, db);
    // The first rollup runs while all of it is still held (as it would have, 100 days ago, then daily since).
    const early = await rollUpViews({ now, rawDays: 365 }, db);
    expect(early.ran).toBe(true);
    const daily = async () => (await db.select().from(articleViewsDaily).where(eq(articleViewsDaily.articleId, a.id))).reduce((s, r) => s + r.views, 0);
    expect(await daily()).toBe(16);
    // Now with the real retention: the 100-day-old hours go, their day stays, twice over.
    const first = await rollUpViews({ now }, db);
    const second = await rollUpViews({ now }, db);
    expect(first.pruned).toBeGreaterThanOrEqual(2);
    expect(second.pruned).toBe(0);
    expect(await daily()).toBe(16);
    const hours = await db.select().from(articleViewsHourly).where(eq(articleViewsHourly.articleId, a.id));
    expect(hours.map((h) => h.hour.getTime()).sort()).toEqual([mid, hourStart(now.getTime())]);
    const oldDomain = await db.select().from(referrerViewsDaily).where(eq(referrerViewsDaily.domain, 'old.example'));
    expect(oldDomain.reduce((s, r) => s + r.views, 0)).toBe(10);
    expect((await db.select().from(referrerViewsHourly).where(eq(referrerViewsHourly.domain, 'old.example'))).length).toBe(0);
    // A year's report still counts the pruned day, from its daily total, and counts nothing twice.
    const report = await getAudienceReport({ from: new Date(now.getTime() - 365 * DAY), to: new Date(now.getTime() + HOUR) }, 'Europe/London', { now }, db);
    expect(report.articles.find((x) => x.id === a.id)?.views).toBe(16);
    expect(report.referrers.find((r) => r.domain === 'old.example')?.views).toBe(10);
    const figures = await getArticleFigures(a.id, 'Europe/London', now, db);
    expect(figures).toMatchObject({ total: 16, last24h: 1, last7d: 1 });
  });

  it('catches up every day it missed while it did not run, then recomputes only the last two', async () => {
    const a = await story({ publishedAt: new Date(Date.now() - 20 * DAY) });
    const now = new Date();
    // As if no instance had rolled up for ten days: nothing newer than that is kept daily.
    await db.delete(articleViewsDaily).where(sql`day > current_date - 12`);
    await recordViewBatch([{ hour: hourStart(now.getTime() - 10 * DAY), articleId: a.id, referrer: '', views: 3 }], db);
    await rollUpViews({ now }, db);
    const total = async () => (await db.select().from(articleViewsDaily).where(eq(articleViewsDaily.articleId, a.id))).reduce((s, r) => s + r.views, 0);
    expect(await total()).toBe(3);
    // Now that today is kept, a day ten days back is final: it is not recomputed each run.
    await recordViewBatch([{ hour: hourStart(now.getTime() - 10 * DAY), articleId: a.id, referrer: '', views: 2 }], db);
    await recordViewBatch([{ hour: hourStart(now.getTime()), articleId: a.id, referrer: '', views: 1 }], db);
    await rollUpViews({ now }, db);
    expect(await total()).toBe(4);
  });
});

describe('most read', () => {
  it('lists live stories by their views in the last 24 hours, and never a withdrawn one', async () => {
    const editor = await makeStaff(db, 'edna-editor', 'editor');
    const [x, y, z] = [await story(), await story(), await story()];
    const now = Date.now();
    const hour = hourStart(now);
    await recordViewBatch(
      [
        { hour, articleId: x.id, referrer: '', views: 500 },
        { hour: hour - 5 * HOUR, articleId: y.id, referrer: '', views: 900 },
        { hour, articleId: z.id, referrer: '', views: 700 },
        // Two days ago: outside the window, however many.
        { hour: hour - 48 * HOUR, articleId: x.id, referrer: '', views: 5000 },
      ],
      db,
    );
    const ours = new Set([x.id, y.id, z.id]);
    const top = async () => (await queryMostRead(50, new Date(now), db)).map((i) => i.id).filter((id) => ours.has(id));
    expect(await top()).toEqual([y.id, z.id, x.id]);
    // More views move a story up.
    await recordViewBatch([{ hour, articleId: x.id, referrer: '', views: 1000 }], db);
    expect(await top()).toEqual([x.id, y.id, z.id]);
    // Withdrawn: gone from the list at once, and the withdrawal expires the box's cache tag.
    const withdrawn = await transitionArticle({ id: editor.id, role: 'editor' }, x.id, 'withdraw', { reason: 'A legal complaint is being checked.' });
    expect(withdrawn.ok).toBe(true);
    if (withdrawn.ok) expect(withdrawn.expire).toContain(cacheTags.mostRead());
    expect(await top()).toEqual([y.id, z.id]);
    // Unpublished to a draft: gone too.
    await db.update(articles).set({ status: 'draft' }).where(eq(articles.id, y.id));
    expect(await top()).toEqual([z.id]);
  });

  it('an ordinary edit of a live story does not expire the box (it is on every article page)', async () => {
    const editor = await makeStaff(db, 'ed-second', 'editor');
    const s = await story();
    const republish = await transitionArticle({ id: editor.id, role: 'editor' }, s.id, 'publish', {});
    if (republish.ok) expect(republish.expire).not.toContain(cacheTags.mostRead());
  });
});
