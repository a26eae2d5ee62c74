import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleStatus } from '../../lib/domain';
import type { Actor } from '../../lib/permissions';
import type { Db } from '../connection';
import { articles, revisions } from '../schema';
import { makeArticle, makeSection, makeStaff } from '../test-fixtures';
import { closeTestDatabase, openTestDatabase } from '../testing';
import { getReadableArticleId } from './article-access';
import { getDashboardHome, getEditorArticle, getRevisionPair, listDashboardArticles, listRevisions } from './dashboard-articles';
import { getPreviewArticle } from './preview';

// Issue 11, item 1: who may read which unpublished article is decided inside each newsroom query
// (articleReadScope in lib/permissions.ts). A contributor or author gets their own work and what is
// published; a colleague's draft, review copy or scheduled story answers exactly like a missing one.

let db: Db;
let cora: Actor; // contributor
let carl: Actor; // another contributor
let arlo: Actor; // author
let edie: Actor; // editor
const ids = {} as Record<'coraDraft' | 'coraByline' | 'carlDraft' | 'carlReview' | 'carlScheduled' | 'carlWithdrawn' | 'carlLive', number>;
const revisionOf = {} as Record<keyof typeof ids, number>;
let counter = 0;

async function story(key: keyof typeof ids, headline: string, status: ArticleStatus, createdBy: number, authorIds: number[]) {
  counter += 1;
  const section = { id: sectionId, slug: 'access' };
  const everPublished = status === 'published' || status === 'withdrawn';
  const publishedAt = everPublished ? new Date(Date.now() - 86_400_000) : status === 'scheduled' ? new Date(Date.now() + 86_400_000) : null;
  const row = await makeArticle(db, { slug: `access-${counter}`, section, status, publishedAt, authorIds, headline });
  await db.update(articles).set({ createdBy, bodyText: `Private body of ${headline}` }).where(eq(articles.id, row.id));
  const [rev] = await db.insert(revisions).values({ articleId: row.id, version: 1, snapshot: { headline }, staffId: createdBy }).returning();
  ids[key] = row.id;
  revisionOf[key] = rev!.id;
}

let sectionId: number;

beforeAll(async () => {
  db = (await openTestDatabase()).db;
  sectionId = (await makeSection(db, 'access')).id;
  const staff = async (slug: string, role: Actor['role']) => {
    const s = await makeStaff(db, slug, role);
    return { id: s.id, role: s.role };
  };
  cora = await staff('cora-contrib', 'contributor');
  carl = await staff('karl-writer', 'contributor');
  arlo = await staff('arlo-author', 'author');
  edie = await staff('edie-editor', 'editor');
  await story('coraDraft', 'Cora drafts the harbour survey', 'draft', cora.id, [cora.id]);
  // Created by an editor with Cora in the byline: hers to read as well.
  await story('coraByline', 'Cora and the lighthouse keepers', 'in_review', edie.id, [cora.id]);
  await story('carlDraft', 'Carl investigates the council', 'draft', carl.id, [carl.id]);
  await story('carlReview', 'Carl awaits the verdict', 'in_review', carl.id, [carl.id, arlo.id]);
  await story('carlScheduled', 'Carl’s embargoed budget leak', 'scheduled', carl.id, [carl.id]);
  await story('carlWithdrawn', 'Carl’s withdrawn allegation', 'withdrawn', carl.id, [carl.id]);
  await story('carlLive', 'Carl’s published ferry piece', 'published', carl.id, [carl.id]);
});
afterAll(closeTestDatabase);

const ALL_KEYS = Object.keys({ coraDraft: 1, coraByline: 1, carlDraft: 1, carlReview: 1, carlScheduled: 1, carlWithdrawn: 1, carlLive: 1 }) as (keyof typeof ids)[];

/** Which of the articles each read lets `reader` see, checked through every newsroom read of content. */
async function readableKeys(reader: Actor): Promise<Record<string, (keyof typeof ids)[]>> {
  const out: Record<string, (keyof typeof ids)[]> = { editor: [], preview: [], frame: [], revisions: [], diff: [] };
  for (const key of ALL_KEYS) {
    if (await getEditorArticle(ids[key], reader)) out.editor!.push(key);
    if (await getPreviewArticle(ids[key], reader)) out.preview!.push(key);
    if (await getReadableArticleId(ids[key], reader)) out.frame!.push(key);
    if ((await listRevisions(ids[key], reader)).length) out.revisions!.push(key);
    if (await getRevisionPair(ids[key], revisionOf[key], reader)) out.diff!.push(key);
  }
  return out;
}

const same = (keys: (keyof typeof ids)[]) => ({ editor: keys, preview: keys, frame: keys, revisions: keys, diff: keys });

describe('a newsroom read of one article returns it only to those who may read it', () => {
  it('refuses a contributor a colleague’s draft, review copy, scheduled and withdrawn story, and allows their own and what is published', async () => {
    expect(await readableKeys(cora)).toEqual(same(['coraDraft', 'coraByline', 'carlLive']));
  });

  it('lets an author read what they are a byline on, and no other colleague’s unpublished work', async () => {
    expect(await readableKeys(arlo)).toEqual(same(['carlReview', 'carlLive']));
  });

  it('lets an editor read every article in every status', async () => {
    expect(await readableKeys(edie)).toEqual(same(ALL_KEYS));
  });
});

describe('newsroom lists hold no headline of a colleague’s unpublished work', () => {
  const secret = ['Carl investigates the council', 'Carl awaits the verdict', 'Carl’s embargoed budget leak', 'Carl’s withdrawn allegation'];

  it('keeps a contributor’s dashboard home free of colleagues’ drafts, reviews and schedules', async () => {
    const home = await getDashboardHome(cora, 'Europe/London');
    const shown = [...home.myDrafts, ...home.inReview, ...home.scheduled, ...home.missed].map((a) => a.headline);
    expect(shown.sort()).toEqual(['Cora and the lighthouse keepers', 'Cora drafts the harbour survey']);
    const editorHome = await getDashboardHome(edie, 'Europe/London');
    expect([...editorHome.inReview, ...editorHome.scheduled].map((a) => a.headline)).toEqual(expect.arrayContaining(['Carl awaits the verdict', 'Carl’s embargoed budget leak']));
  });

  it('lists and searches for an author only their own work and what is published', async () => {
    const listed = (await listDashboardArticles({}, arlo)).items.map((i) => i.headline);
    expect(listed.sort()).toEqual(['Carl awaits the verdict', 'Carl’s published ferry piece']);
    // "Carl" is in every one of Carl's headlines and bodies: the search must still leave out his unpublished work.
    const searched = (await listDashboardArticles({ q: 'Carl' }, arlo)).items.map((i) => i.headline);
    expect(searched.sort()).toEqual(['Carl awaits the verdict', 'Carl’s published ferry piece']);
    const searchedBody = (await listDashboardArticles({ q: 'private' }, arlo)).items.map((i) => i.headline);
    expect(searchedBody.filter((h) => secret.includes(h) && h !== 'Carl awaits the verdict')).toEqual([]);
  });
});
