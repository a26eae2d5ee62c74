import 'server-only';
import { and, count, eq, ne } from 'drizzle-orm';
import { assertCan, type Actor } from '../../lib/permissions';
import { getDb, type Db } from '../client';
import { recorded } from '../invalidation';
import { articles, articleTags, auditLog, sections, tags } from '../schema';
import { isReservedTopLevelPath } from '../../lib/site-paths';
import { sectionChangeTags, topicChangeTags } from '../tags';

// Sections and tags (topics), managed by editors. Each function returns the cache tags to expire,
// computed in db/tags.ts.

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export type TaxonomyResult = { ok: true; expire: string[] } | { ok: false; fieldErrors: Record<string, string> };

type SectionInput = { name: string; slug: string; description: string; position: number };

export async function saveSection(actor: Actor, id: number | null, input: SectionInput): Promise<TaxonomyResult> {
  assertCan(actor, 'sections.manage');
  if (isReservedTopLevelPath(input.slug)) return { ok: false, fieldErrors: { slug: `“${input.slug}” is used by the site itself; choose another slug.` } };
  return getDb().transaction(async (tx): Promise<TaxonomyResult> => {
    const [taken] = await tx.select({ id: sections.id }).from(sections).where(and(eq(sections.slug, input.slug), id ? ne(sections.id, id) : undefined));
    if (taken) return { ok: false as const, fieldErrors: { slug: 'Another section already uses this slug.' } };
    let oldSlug: string | null = null;
    if (id) {
      const [before] = await tx.select({ slug: sections.slug }).from(sections).where(eq(sections.id, id));
      if (!before) return { ok: false as const, fieldErrors: { form: 'That section no longer exists.' } };
      oldSlug = before.slug;
      if (oldSlug !== input.slug) {
        const [live] = await tx.select({ n: count() }).from(articles).where(and(eq(articles.sectionId, id), ne(articles.status, 'draft')));
        if ((live?.n ?? 0) > 0) return { ok: false as const, fieldErrors: { slug: 'Articles in this section have been published under its slug, so it cannot change.' } };
      }
      await tx.update(sections).set({ ...input, modifiedAt: new Date() }).where(eq(sections.id, id));
    } else {
      await tx.insert(sections).values(input);
    }
    await tx.insert(auditLog).values({ staffId: actor.id, action: id ? 'section.update' : 'section.create', subject: `section:${input.slug}`, detail: {} });
    return { ok: true as const, expire: await recorded(tx, sectionChangeTags(oldSlug, input.slug)) };
  });
}

export async function deleteSection(actor: Actor, id: number): Promise<TaxonomyResult> {
  assertCan(actor, 'sections.manage');
  return getDb().transaction(async (tx): Promise<TaxonomyResult> => {
    const [row] = await tx.select({ slug: sections.slug }).from(sections).where(eq(sections.id, id));
    if (!row) return { ok: false as const, fieldErrors: { form: 'That section no longer exists.' } };
    const [used] = await tx.select({ n: count() }).from(articles).where(eq(articles.sectionId, id));
    if ((used?.n ?? 0) > 0) return { ok: false as const, fieldErrors: { form: `“${row.slug}” still has ${used!.n} article(s); move them first.` } };
    await tx.delete(sections).where(eq(sections.id, id));
    await tx.insert(auditLog).values({ staffId: actor.id, action: 'section.delete', subject: `section:${row.slug}`, detail: {} });
    return { ok: true as const, expire: await recorded(tx, sectionChangeTags(row.slug, null)) };
  });
}

/** The articles filed under a topic, whose pages list it by name. */
async function taggedArticles(tx: Tx, tagId: number): Promise<{ id: number; slug: string }[]> {
  return tx.select({ id: articles.id, slug: articles.slug }).from(articleTags).innerJoin(articles, eq(articles.id, articleTags.articleId)).where(eq(articleTags.tagId, tagId));
}

export async function renameTag(actor: Actor, id: number, input: { name: string; description: string }): Promise<TaxonomyResult> {
  assertCan(actor, 'tags.manage');
  return getDb().transaction(async (tx): Promise<TaxonomyResult> => {
    const done = await tx.update(tags).set({ ...input, modifiedAt: new Date() }).where(eq(tags.id, id)).returning({ slug: tags.slug });
    if (!done.length) return { ok: false as const, fieldErrors: { form: 'That tag no longer exists.' } };
    await tx.insert(auditLog).values({ staffId: actor.id, action: 'tag.update', subject: `tag:${done[0]!.slug}`, detail: {} });
    return { ok: true as const, expire: await recorded(tx, topicChangeTags(done[0]!.slug, await taggedArticles(tx, id))) };
  });
}

export async function deleteTag(actor: Actor, id: number): Promise<TaxonomyResult> {
  assertCan(actor, 'tags.manage');
  return getDb().transaction(async (tx): Promise<TaxonomyResult> => {
    const [row] = await tx.select({ slug: tags.slug }).from(tags).where(eq(tags.id, id));
    if (!row) return { ok: false as const, fieldErrors: { form: 'That tag no longer exists.' } };
    const tagged = await taggedArticles(tx, id);
    await tx.delete(tags).where(eq(tags.id, id));
    await tx.insert(auditLog).values({ staffId: actor.id, action: 'tag.delete', subject: `tag:${row.slug}`, detail: { articles: tagged.length } });
    return { ok: true as const, expire: await recorded(tx, topicChangeTags(row.slug, tagged)) };
  });
}
