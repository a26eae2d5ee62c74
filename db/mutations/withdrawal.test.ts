import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PermissionDeniedError, type Actor } from '../../lib/permissions';
import type { Db } from '../connection';
import { listCorrections } from '../queries/corrections';
import { articles, articleWithdrawals, auditLog, revisions, siteSettings } from '../schema';
import { makeArticle, makeSection, makeStaff } from '../test-fixtures';
import { closeTestDatabase, openTestDatabase } from '../testing';
import { transitionArticle } from './articles';

// Withdrawal is a safety net, not a switch: it needs a reason, the reason is printed on the
// corrections page (which the 410 page at the story's address promises), and it can be undone.

let db: Db;
let news: { id: number; slug: string };
const people = {} as Record<'contributor' | 'author' | 'editor', Actor>;
let n = 0;

beforeAll(async () => {
  db = (await openTestDatabase()).db;
  await db.insert(siteSettings).values({ id: 1, name: 'Test Gazette', timeZone: 'Europe/London' });
  news = await makeSection(db, 'news');
  for (const [key, slug, role] of [
    ['contributor', 'cleo-contrib', 'contributor'],
    ['author', 'abe-author', 'author'],
    ['editor', 'eva-editor', 'editor'],
  ] as const) {
    const s = await makeStaff(db, slug, role);
    people[key] = { id: s.id, role: s.role };
  }
});
afterAll(closeTestDatabase);

async function liveStory(authorIds: number[] = [people.author.id]) {
  n += 1;
  return makeArticle(db, { slug: `pier-story-${n}`, section: news, authorIds, headline: `Pier closes for repairs ${n}` });
}

async function snapshot(id: number) {
  const [row] = await db.select().from(articles).where(eq(articles.id, id));
  return {
    row,
    withdrawals: await db.select().from(articleWithdrawals).where(eq(articleWithdrawals.articleId, id)),
    audit: await db.select().from(auditLog).where(eq(auditLog.subject, `article:${id}`)),
    revisions: (await db.select().from(revisions).where(eq(revisions.articleId, id))).length,
  };
}

describe('withdrawing a story asks for a reason', () => {
  it('refuses a withdrawal with no reason, or only spaces, with a plain message, and writes nothing', async () => {
    const story = await liveStory();
    const before = await snapshot(story.id);
    for (const reason of [undefined, '', '   \n ']) {
      const refused = await transitionArticle(people.author, story.id, 'withdraw', { reason });
      expect(refused).toEqual({ ok: false, kind: 'invalid', message: expect.stringMatching(/say why/i) });
    }
    expect(await snapshot(story.id)).toEqual(before);
    expect(before.row!.status).toBe('published');
  });

  it('refuses a contributor, and a refusal writes nothing', async () => {
    const story = await liveStory([people.contributor.id]);
    const before = await snapshot(story.id);
    await expect(transitionArticle(people.contributor, story.id, 'withdraw', { reason: 'I changed my mind' })).rejects.toBeInstanceOf(PermissionDeniedError);
    expect(await snapshot(story.id)).toEqual(before);
  });

  it('records the reason as a dated entry on the corrections page: headline, date and reason, never the body', async () => {
    const story = await liveStory();
    const when = new Date('2026-11-30T10:00:00Z');
    const reason = 'The account of the council meeting was wrong in substance; we are checking it again.';
    const done = await transitionArticle(people.author, story.id, 'withdraw', { reason: `  ${reason} `, now: when });
    expect(done).toMatchObject({ ok: true, status: 'withdrawn' });
    expect(done.ok && done.expire).toContain('corrections');

    const entries = await listCorrections();
    const entry = entries.find((e) => e.kind === 'withdrawal' && e.headline === `Pier closes for repairs ${n}`);
    expect(entry).toEqual({ id: expect.any(String), kind: 'withdrawal', body: reason, publishedAt: when.toISOString(), headline: `Pier closes for repairs ${n}`, path: null });
    // The fixture's body text appears nowhere on the page.
    expect(JSON.stringify(entries)).not.toContain('harbour wall held');

    const audit = await db.select().from(auditLog).where(eq(auditLog.subject, `article:${story.id}`));
    expect(audit).toContainEqual(expect.objectContaining({ action: 'article.withdraw', staffId: people.author.id, detail: { reason } }));
  });
});

describe('a withdrawn story can be restored, and the restore is audited', () => {
  it('goes back to a draft (by whoever may withdraw it), keeping the withdrawal on the record', async () => {
    const story = await liveStory();
    await transitionArticle(people.author, story.id, 'withdraw', { reason: 'Legal advice pending.' });
    await expect(transitionArticle(people.contributor, story.id, 'unwithdraw')).rejects.toBeInstanceOf(PermissionDeniedError);
    const restored = await transitionArticle(people.author, story.id, 'unwithdraw');
    expect(restored).toMatchObject({ ok: true, status: 'draft' });
    expect(restored.ok && restored.expire).toContain(`article:${story.id}`);
    const after = await snapshot(story.id);
    expect(after.row).toMatchObject({ status: 'draft', withdrawnAt: null });
    expect(after.audit.map((a) => [a.action, a.staffId])).toContainEqual(['article.unwithdraw', people.author.id]);
    expect((await listCorrections()).some((e) => e.kind === 'withdrawal' && e.body === 'Legal advice pending.')).toBe(true);
    // Only a withdrawn story can be restored that way.
    expect(await transitionArticle(people.author, story.id, 'unwithdraw')).toMatchObject({ ok: false, kind: 'invalid' });
  });

  it('is republished by an editor: audited as a republication, and its corrections entry links to it again', async () => {
    const story = await liveStory();
    await transitionArticle(people.editor, story.id, 'withdraw', { reason: 'Sent out too early.' });
    const republished = await transitionArticle(people.editor, story.id, 'publish', { override: true });
    expect(republished).toMatchObject({ ok: true, status: 'published' });
    const after = await snapshot(story.id);
    expect(after.audit).toContainEqual(expect.objectContaining({ action: 'article.publish', staffId: people.editor.id, detail: { republished: true } }));
    const entry = (await listCorrections()).find((e) => e.kind === 'withdrawal' && e.body === 'Sent out too early.');
    expect(entry?.path).toBe(after.row!.path);
  });
});
