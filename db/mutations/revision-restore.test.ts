import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../lib/permissions';
import type { Db } from '../connection';
import { getPublishedArticle } from '../queries/articles';
import { getEditorArticle, listRevisions } from '../queries/dashboard-articles';
import { articles, auditLog, revisions, siteSettings } from '../schema';
import { makeSection, makeStaff } from '../test-fixtures';
import { closeTestDatabase, openTestDatabase } from '../testing';
import { createArticle, restoreRevision, saveArticle, transitionArticle } from './articles';

// Restoring an old revision of a live story must not publish it: like every other edit to a live
// story, it waits in the editor until someone clicks Update. Only a story readers cannot see is
// restored on the spot.

let db: Db;
let editor: Actor;
let news: { id: number };

beforeAll(async () => {
  db = (await openTestDatabase()).db;
  await db.insert(siteSettings).values({ id: 1, name: 'Test Gazette', timeZone: 'Europe/London' });
  news = await makeSection(db, 'news');
  const s = await makeStaff(db, 'ed-restorer', 'editor');
  editor = { id: s.id, role: s.role };
});
afterAll(closeTestDatabase);

const paragraph = (text: string) => ({ type: 'doc' as const, content: [{ type: 'paragraph' as const, content: [{ type: 'text' as const, text }] }] });

async function edit(id: number, text: string, headline?: string) {
  const a = (await getEditorArticle(id, editor))!;
  const saved = await saveArticle(editor, id, a.version, { ...a.draft, ...(headline ? { headline } : {}), standfirst: 'A standfirst.', body: paragraph(text) });
  if (!saved.ok) throw new Error(`save failed: ${JSON.stringify(saved)}`);
}

async function snapshot(id: number) {
  const [row] = await db.select().from(articles).where(eq(articles.id, id));
  return {
    row,
    revisions: (await db.select().from(revisions).where(eq(revisions.articleId, id))).length,
    audit: (await db.select().from(auditLog).where(eq(auditLog.subject, `article:${id}`))).length,
  };
}

describe('restoring a revision of a live story', () => {
  it('refuses to save it (`live`), so the live page is unchanged and nothing is written', async () => {
    const { id } = (await createArticle(editor, { headline: 'Lighthouse keeper retires', sectionId: news.id })) as { id: number };
    await edit(id, 'An early, wrong version.');
    await edit(id, 'The version readers see.');
    expect((await transitionArticle(editor, id, 'publish', { override: true })).ok).toBe(true);
    const old = (await listRevisions(id, editor)).find((r) => r.version === 2)!;
    const before = await snapshot(id);
    const live = await getPublishedArticle(before.row!.slug);

    const result = await restoreRevision(editor, id, old.id, before.row!.version);
    expect(result).toEqual({ ok: false, kind: 'live' });
    expect(await snapshot(id)).toEqual(before);
    expect((await getPublishedArticle(before.row!.slug))?.body).toEqual(live?.body);
    expect(JSON.stringify(live?.body)).toContain('The version readers see.');
  });

  it('refuses a scheduled story the same way', async () => {
    const { id } = (await createArticle(editor, { headline: 'Harbour regatta next week', sectionId: news.id })) as { id: number };
    await edit(id, 'First plan.');
    await edit(id, 'Second plan.');
    expect((await transitionArticle(editor, id, 'schedule', { publishAt: new Date(Date.now() + 86_400_000), override: true })).ok).toBe(true);
    const old = (await listRevisions(id, editor)).find((r) => r.version === 2)!;
    const before = await snapshot(id);
    expect(await restoreRevision(editor, id, old.id, before.row!.version)).toEqual({ ok: false, kind: 'live' });
    expect(await snapshot(id)).toEqual(before);
  });

  it('still restores a draft on the spot, as the newest version, audited as a restore', async () => {
    const { id } = (await createArticle(editor, { headline: 'Ferry fares frozen', sectionId: news.id })) as { id: number };
    await edit(id, 'Good text.');
    await edit(id, 'Bad text.');
    const old = (await listRevisions(id, editor)).find((r) => r.version === 2)!;
    const a = (await getEditorArticle(id, editor))!;
    const restored = await restoreRevision(editor, id, old.id, a.version);
    expect(restored.ok).toBe(true);
    expect((await getEditorArticle(id, editor))!.draft.body).toEqual(paragraph('Good text.'));
    const audit = await db.select().from(auditLog).where(eq(auditLog.subject, `article:${id}`));
    expect(audit.map((e) => e.action)).toContain('article.restore');
  });

  it('refuses a save that was decided on before the story went live (the status changed under the lock)', async () => {
    const { id } = (await createArticle(editor, { headline: 'Pier lights repaired', sectionId: news.id })) as { id: number };
    await edit(id, 'Text.');
    expect((await transitionArticle(editor, id, 'publish', { override: true })).ok).toBe(true);
    const a = (await getEditorArticle(id, editor))!;
    const before = await snapshot(id);
    const result = await saveArticle(editor, id, a.version, { ...a.draft, body: paragraph('Old text') }, { action: 'article.restore', unlessStatus: ['published', 'scheduled'] });
    expect(result).toMatchObject({ ok: false, kind: 'conflict' });
    expect(await snapshot(id)).toEqual(before);
  });
});
