import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection';
import { recordViewBatch, type ViewBatch } from '../../db/mutations/views';
import { siteSettings } from '../../db/schema';
import { makeArticle, makeSection } from '../../db/test-fixtures';
import { closeTestDatabase, openTestDatabase } from '../../db/testing';
import { ViewBuffer } from './buffer';

// Views are written in batches: a spike is a few writes, not one per view, and every view
// acknowledged reaches the database, including the ones waiting when a write failed.

let db: Db;
let ids: number[];
const rowsOf = <T>(r: unknown) => (Array.isArray(r) ? r : (r as { rows: T[] }).rows) as T[];
const total = async () => rowsOf<{ n: number }>(await db.execute(sql`select coalesce(sum(views), 0)::int as n from article_views_hourly`))[0]!.n;

beforeAll(async () => {
  db = (await openTestDatabase()).db;
  await db.insert(siteSettings).values({ id: 1, name: 'Test Gazette', timeZone: 'Europe/London' });
  const section = await makeSection(db, 'news');
  ids = [];
  for (let i = 0; i < 5; i++) ids.push((await makeArticle(db, { slug: `quay-story-${i}`, section })).id);
});
afterAll(closeTestDatabase);

describe('the view buffer', () => {
  it('writes 2,000 views in a handful of batches and loses none', async () => {
    const writes: number[] = [];
    const buffer = new ViewBuffer({ flushMs: 60_000, flushAt: 500 }, async (batch: ViewBatch) => {
      writes.push(batch.reduce((s, b) => s + b.views, 0));
      return recordViewBatch(batch, db);
    });
    const before = await total();
    for (let i = 0; i < 2000; i++) buffer.add(ids[i % ids.length]!, i % 3 ? '' : 'search.example');
    await buffer.flush();
    expect(writes.length).toBeGreaterThanOrEqual(1);
    expect(writes.length).toBeLessThanOrEqual(5);
    expect(writes.reduce((s, n) => s + n, 0)).toBe(2000);
    expect(await total()).toBe(before + 2000);
    expect(buffer.stats).toMatchObject({ accepted: 2000, written: 2000, pending: 0 });
  });

  it('writes on its timer when fewer than a batch arrive', async () => {
    const buffer = new ViewBuffer({ flushMs: 50, flushAt: 500 }, (batch) => recordViewBatch(batch, db));
    const before = await total();
    const window = buffer.add(ids[0]!, '');
    expect(window).toBeInstanceOf(Promise);
    expect(buffer.add(ids[1]!, '')).toBe('kept');
    await window;
    expect(await total()).toBe(before + 2);
  });

  it('keeps the views of a failed write and writes them with the next batch', async () => {
    let fail = true;
    const buffer = new ViewBuffer({ flushMs: 60_000, flushAt: 10_000 }, async (batch) => {
      if (fail) throw new Error('database unreachable');
      return recordViewBatch(batch, db);
    });
    const before = await total();
    for (let i = 0; i < 30; i++) buffer.add(ids[2]!, '');
    await buffer.flush();
    expect(buffer.waiting).toBe(30);
    fail = false;
    buffer.add(ids[2]!, '');
    await buffer.flush();
    expect(await total()).toBe(before + 31);
  });
});
