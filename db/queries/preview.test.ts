import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../connection';
import { corrections } from '../schema';
import { makeArticle, makeSection, makeStaff, makeTag } from '../test-fixtures';
import { closeTestDatabase, openTestDatabase } from '../testing';
import { getPublishedArticle } from './articles';
import { getPreviewArticle } from './preview';
import type { Actor } from '../../lib/permissions';

// An editor may read every article; the refusals are tested in article-access.test.ts.
const EDITOR: Actor = { id: 0, role: 'editor' };

let db: Db;

beforeAll(async () => {
  db = (await openTestDatabase()).db;
});
afterAll(closeTestDatabase);

describe('the newsroom preview shows what readers will see', () => {
  it('shows a draft with its authors, topics and corrections, dated now, which readers cannot reach', async () => {
    const section = await makeSection(db, 'harbour');
    const writer = await makeStaff(db, 'tove-lind');
    const tide = await makeTag(db, 'tides');
    const draft = await makeArticle(db, { section, slug: 'draft-tides', status: 'draft', publishedAt: null, authorIds: [writer.id], tagIds: [tide.id] });
    await db.insert(corrections).values({ articleId: draft.id, kind: 'clarification', body: 'A clarification', publishedAt: new Date('2026-11-03T12:00:00Z') });
    const before = Date.now();
    const preview = await getPreviewArticle(draft.id, EDITOR);
    expect(preview).toMatchObject({
      status: 'draft',
      headline: 'Headline for draft-tides',
      sectionSlug: 'harbour',
      path: null,
      authors: [{ slug: 'tove-lind', email: 'tlind@example.org' }],
      tags: [{ slug: 'tides', name: 'tides' }],
      corrections: [{ kind: 'clarification', body: 'A clarification', publishedAt: '2026-11-03T12:00:00.000Z' }],
    });
    expect(Date.parse(preview!.firstPublishedAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(await getPublishedArticle('draft-tides')).toBeNull();
  });

  it('gives a live article the same story fields as its reader page', async () => {
    const section = await makeSection(db, 'quayside', 1);
    const live = await makeArticle(db, { section, slug: 'live-quay' });
    const { status, publication, ...preview } = (await getPreviewArticle(live.id, EDITOR))!;
    expect(status).toBe('published');
    // A live story's preview keeps the reader page's own dateline.
    expect(publication).toEqual({ kind: 'published' });
    expect(preview).toEqual(await getPublishedArticle('live-quay'));
  });

  it('says a story that has never been out is not yet published, whatever date its fields carry', async () => {
    const section = await makeSection(db, 'moorings', 2);
    const draft = await makeArticle(db, { section, slug: 'draft-moorings', status: 'draft', publishedAt: null });
    const review = await makeArticle(db, { section, slug: 'review-moorings', status: 'in_review', publishedAt: null });
    expect((await getPreviewArticle(draft.id, EDITOR))!.publication).toEqual({ kind: 'unpublished' });
    expect((await getPreviewArticle(review.id, EDITOR))!.publication).toEqual({ kind: 'unpublished' });
  });

  it('says when a scheduled story goes out, and that a withdrawn one was published', async () => {
    const section = await makeSection(db, 'slipway', 3);
    const due = new Date('2036-03-04T09:30:00.000Z');
    const scheduled = await makeArticle(db, { section, slug: 'scheduled-slipway', status: 'scheduled', publishedAt: due });
    const withdrawn = await makeArticle(db, { section, slug: 'withdrawn-slipway', status: 'withdrawn' });
    expect((await getPreviewArticle(scheduled.id, EDITOR))!.publication).toEqual({ kind: 'scheduled', at: due.toISOString() });
    expect((await getPreviewArticle(withdrawn.id, EDITOR))!.publication).toEqual({ kind: 'published' });
  });

  it('answers null for an article that does not exist', async () => {
    expect(await getPreviewArticle(987654, EDITOR)).toBeNull();
  });
});
