import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, auditDetailText, auditWords } from '../../lib/audit';
import type { Actor } from '../../lib/permissions';
import type { Db } from '../connection';
import { moderateComments, postComment } from '../mutations/comments';
import { saveArticle, transitionArticle, createArticle } from '../mutations/articles';
import { recordSignInRefusal } from '../mutations/sign-in-audit';
import { changeRole } from '../mutations/staff';
import { auditLog, comments, siteSettings } from '../schema';
import { makeSection, makeStaff } from '../test-fixtures';
import { closeTestDatabase, openTestDatabase } from '../testing';
import { getEditorArticle } from './dashboard-articles';
import { listAudit, listAuditPeople } from './admin';
import { DEFAULT_RULES } from '../../lib/comments/config';

// The audit log records what a newsroom needs to reconstruct (edits to live stories, moves,
// comment modes, roles, refused sign-ins), and shows it as names, headlines and plain words.

let db: Db;
let admin: Actor;
let editor: Actor & { name: string };
let news: { id: number };
let world: { id: number };

beforeAll(async () => {
  db = (await openTestDatabase()).db;
  await db.insert(siteSettings).values({ id: 1, name: 'Test Gazette', timeZone: 'Europe/London' });
  news = await makeSection(db, 'news');
  world = await makeSection(db, 'world', 1);
  const a = await makeStaff(db, 'ada-admin', 'admin');
  admin = { id: a.id, role: a.role };
  const e = await makeStaff(db, 'edgar-editor', 'editor');
  editor = { id: e.id, role: e.role, name: e.name };
});
afterAll(closeTestDatabase);
beforeEach(async () => {
  await db.delete(auditLog);
});

const paragraph = (text: string) => ({ type: 'doc' as const, content: [{ type: 'paragraph' as const, content: [{ type: 'text' as const, text }] }] });

async function save(id: number, patch: Record<string, unknown>) {
  const a = (await getEditorArticle(id, editor))!;
  const result = await saveArticle(editor, id, a.version, { ...a.draft, ...patch });
  if (!result.ok) throw new Error(JSON.stringify(result));
}

async function publishedStory(headline: string) {
  const { id } = (await createArticle(editor, { headline, sectionId: news.id })) as { id: number };
  await save(id, { standfirst: 'A standfirst.', body: paragraph('First text.') });
  expect((await transitionArticle(editor, id, 'publish', { override: true })).ok).toBe(true);
  return id;
}

const actions = async () => (await db.select().from(auditLog).orderBy(auditLog.id)).map((e) => ({ action: e.action, detail: e.detail, subject: e.subject, staffId: e.staffId }));

describe('what the log records', () => {
  it('records an edit to a published story with the fields it changed, but not a draft’s saves', async () => {
    const { id: draftId } = (await createArticle(editor, { headline: 'Quiet draft', sectionId: news.id })) as { id: number };
    await save(draftId, { body: paragraph('Typing away.') });
    expect((await actions()).map((a) => a.action)).toEqual(['article.create']);

    const id = await publishedStory('Tide tables corrected');
    await db.delete(auditLog);
    await save(id, { headline: 'Tide tables corrected again', body: paragraph('Second text.') });
    expect(await actions()).toEqual([{ action: 'article.update', subject: `article:${id}`, staffId: editor.id, detail: { version: expect.any(Number), changed: ['headline', 'text'] } }]);
  });

  it('records a published story’s new address and new section (by name), and any change of comment mode', async () => {
    const id = await publishedStory('Harbour master speaks');
    await db.delete(auditLog);
    await save(id, { slug: 'harbour-master-speaks-out', sectionId: world.id, commentMode: 'closed' });
    const logged = await actions();
    expect(logged).toContainEqual(expect.objectContaining({ action: 'article.slug', detail: { from: 'harbour-master-speaks', to: 'harbour-master-speaks-out' } }));
    expect(logged).toContainEqual(expect.objectContaining({ action: 'article.section', detail: { from: 'News', to: 'World' } }));
    expect(logged).toContainEqual(expect.objectContaining({ action: 'article.comments', detail: { from: 'open', to: 'closed' } }));
    expect(logged).toContainEqual(expect.objectContaining({ action: 'article.update' }));
  });

  it('records a role change with the role before and after', async () => {
    const person = await makeStaff(db, 'rita-role', 'author');
    expect((await changeRole(admin, person.id, 'editor')).ok).toBe(true);
    expect(await actions()).toEqual([{ action: 'staff.role', subject: `staff:${person.id}`, staffId: admin.id, detail: { from: 'author', role: 'editor' } }]);
  });

  it('records failed and refused sign-ins against the account, never the typed address of an unknown one', async () => {
    const person = await makeStaff(db, 'sam-signin', 'author');
    await recordSignInRefusal('failed', person.email.toUpperCase(), '198.51.100.7');
    await recordSignInRefusal('failed', 'typo-or-password@example.net', '198.51.100.7');
    await recordSignInRefusal('locked', person.email, '198.51.100.7');
    // Refusals while paused are logged once per address and window, not once per request.
    await recordSignInRefusal('locked', person.email, '198.51.100.7');
    await recordSignInRefusal('locked', person.email, '198.51.100.8');
    const logged = await actions();
    expect(logged).toEqual([
      { action: 'auth.failed', subject: `staff:${person.id}`, staffId: null, detail: { address: '198.51.100.7' } },
      { action: 'auth.failed', subject: 'sign-in', staffId: null, detail: { address: '198.51.100.7', account: 'unknown' } },
      { action: 'auth.locked', subject: `staff:${person.id}`, staffId: null, detail: { address: '198.51.100.7' } },
      { action: 'auth.locked', subject: `staff:${person.id}`, staffId: null, detail: { address: '198.51.100.8' } },
    ]);
    expect(JSON.stringify(logged)).not.toContain('typo-or-password');
  });
});

describe('how the log reads', () => {
  it('names people, headlines and comments’ articles instead of codes', async () => {
    const id = await publishedStory('Lighthouse relit');
    await db.update(siteSettings).set({ commentPolicy: 'hold_all' });
    const c = await postComment(
      { articleId: id, parentId: null, authorName: 'Reader', authorEmail: 'r@example.net', body: 'Lovely.', idempotencyKey: null, clientAddress: null, userAgent: null, honeypot: false, tooFast: false },
      { ...DEFAULT_RULES, floodSeconds: 0, minFormSeconds: 0 },
    );
    if (c.kind !== 'created') throw new Error(c.kind);
    await moderateComments([c.comment.id], 'approve', editor);
    const entries = await listAudit();
    const published = entries.find((e) => e.action === 'article.publish')!;
    expect(published).toMatchObject({ who: editor.name, subject: 'Lighthouse relit', href: `/dashboard/articles/${id}` });
    expect(auditWords(published.action)).toBe('published an article');
    expect(entries.find((e) => e.action === 'comment.approve')).toMatchObject({ subject: 'a comment on “Lighthouse relit”' });
    for (const e of entries) expect(e.subject).not.toMatch(/^(article|comment|staff):\d+$/);
  });

  it('filters by person, article (its comments included), action and day in the site’s time zone', async () => {
    const first = await publishedStory('Ferry returns');
    const second = await publishedStory('Pier closes');
    await changeRole(admin, (await makeStaff(db, 'fay-filter', 'author')).id, 'editor');
    const [c] = await db.insert(comments).values({ articleId: first, authorName: 'A', authorEmail: 'a@example.net', body: 'Hi', status: 'pending' }).returning({ id: comments.id });
    await moderateComments([Number(c!.id)], 'approve', editor);

    expect(new Set((await listAudit({ staffId: admin.id })).map((e) => e.action))).toEqual(new Set(['staff.role']));
    // The person filter offers everyone who acted, once each, by name.
    expect((await listAuditPeople()).map((p) => p.id).sort()).toEqual([admin.id, editor.id].sort());
    const aboutFirst = await listAudit({ articleId: first });
    expect(aboutFirst.length).toBeGreaterThan(0);
    expect(aboutFirst.every((e) => e.subject === 'Ferry returns' || e.subject === 'a comment on “Ferry returns”')).toBe(true);
    expect(aboutFirst.map((e) => e.action)).toContain('comment.approve');
    expect((await listAudit({ action: 'article.publish' })).map((e) => e.subject).sort()).toEqual(['Ferry returns', 'Pier closes']);
    expect((await listAudit({ articleId: second, action: 'article.publish' })).map((e) => e.subject)).toEqual(['Pier closes']);

    // Half past midnight in London in summer is still the day before in UTC: the day is London's.
    await db.delete(auditLog);
    await db.insert(auditLog).values([
      { action: 'settings.update', subject: 'site', createdAt: new Date('2026-07-01T23:30:00Z') },
      { action: 'settings.update', subject: 'site', createdAt: new Date('2026-07-02T23:30:00Z') },
    ]);
    const day = await listAudit({ from: '2026-07-02', to: '2026-07-02' });
    expect(day.map((e) => e.at)).toEqual(['2026-07-01T23:30:00.000Z']);
    expect((await listAudit({ from: '2026-07-03' })).map((e) => e.at)).toEqual(['2026-07-02T23:30:00.000Z']);
  });

  it('has plain words for every action the code writes', () => {
    // Every action code written anywhere under db/ must have its words, or the page shows a code.
    const root = path.resolve(__dirname, '..');
    const written = new Set<string>();
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (/\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)) {
          const text = fs.readFileSync(full, 'utf8');
          for (const m of text.matchAll(/action: '([a-z_]+\.[a-z_]+)'/g)) written.add(m[1]!);
          for (const m of text.matchAll(/audit\(tx, [^,]+, '([a-z_]+\.[a-z_]+)'/g)) written.add(m[1]!);
        }
      }
    };
    walk(root);
    // Codes built from a variable: the workflow's transitions, moderation, refused sign-ins.
    for (const t of ['submit', 'return_to_draft', 'schedule', 'publish', 'withdraw', 'unwithdraw', 'unschedule']) written.add(`article.${t}`);
    for (const m of ['approve', 'unapprove', 'spam', 'trash', 'restore']) written.add(`comment.${m}`);
    for (const k of ['failed', 'locked']) written.add(`auth.${k}`);
    expect(written.size).toBeGreaterThan(20);
    const missing = [...written].filter((a) => !(a in AUDIT_ACTIONS));
    expect(missing).toEqual([]);
    expect(auditDetailText('article.withdraw', { reason: 'Legal advice.' })).toBe('Reason: Legal advice.');
    expect(auditDetailText('staff.role', { from: 'author', role: 'editor' })).toBe('From Author to Editor.');
  });
});

