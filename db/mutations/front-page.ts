import 'server-only';
import { and, asc, eq, gt, isNull, lte, sql } from 'drizzle-orm';
import { SECTION_TOP_SLOTS, type StoryReference } from '../../lib/front-layout';
import { assertCan, type Actor } from '../../lib/permissions';
import { getDb, type Db } from '../client';
import { recordInvalidation } from '../invalidation';
import { articles, auditLog, breakingNews, frontPagePins, sections } from '../schema';
import { frontPageLayoutTags, sectionTopStoriesTags } from '../tags';

// The editors' layout: the front page's pinned lead, each section's pinned top stories in order,
// and the breaking-news strip. The order of every mutation: check the actor, validate, then one
// transaction that takes the layout's lock (so two editors' changes apply one after the other and
// positions never collide), writes, audits, and records its cache tags in the invalidation outbox;
// the caller passes the same tags to expireTags(). The lead's change expires the front page only;
// a section's change expires that section's tag only (the front page's block of it reads under it).

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export type LayoutResult = { ok: true; expire: string[]; message: string } | { ok: false; fieldErrors: Record<string, string> };

const refuse = (field: string, message: string): LayoutResult => ({ ok: false, fieldErrors: { [field]: message } });

// One advisory lock for the whole layout: changes are rare and small, and this serialises them on
// both databases without a row to lock (the lead has none until it is pinned).
const LAYOUT_LOCK = 1_406_201;
const lockLayout = (tx: Tx) => tx.execute(sql`select pg_advisory_xact_lock(${LAYOUT_LOCK})`);

async function finish(tx: Tx, tags: string[], message: string): Promise<LayoutResult> {
  await recordInvalidation(tx, tags);
  return { ok: true, expire: tags, message };
}

type Story = { id: number; headline: string; status: string; due: boolean; sectionId: number | null; sectionName: string | null };

async function findStory(tx: Tx, ref: StoryReference): Promise<Story | null> {
  const [row] = await tx
    .select({ id: articles.id, headline: articles.headline, status: articles.status, due: sql<boolean>`(${articles.publishedAt} <= now())`, sectionId: articles.sectionId, sectionName: sections.name })
    .from(articles)
    .leftJoin(sections, eq(sections.id, articles.sectionId))
    .where('id' in ref ? eq(articles.id, ref.id) : eq(articles.path, ref.path));
  return row ?? null;
}

/** Why a story cannot be pinned, in words, or null when it is live. */
function notLiveReason(story: Story): string | null {
  if (story.status === 'published' && story.due) return null;
  if (story.status === 'published' || story.status === 'scheduled') return `“${story.headline}” is scheduled and not yet published: pin it once it is out.`;
  if (story.status === 'withdrawn') return `“${story.headline}” has been withdrawn: only a published story can be pinned.`;
  return `“${story.headline}” is not published (it is a ${story.status === 'in_review' ? 'story in review' : 'draft'}): only a published story can be pinned.`;
}

/** Where a pin goes: the front page's lead (null) or a section's top stories. */
export type PinPlace = { sectionId: number | null };

/**
 * Pins a live story as the front page's lead (replacing any lead pin) or at the end of a section's
 * top stories (at most four; a story already there keeps its place and takes the new end time).
 * `expiresAt` null: until removed.
 */
export async function pinStory(actor: Actor, place: PinPlace, story: StoryReference, expiresAt: Date | null, now = new Date()): Promise<LayoutResult> {
  assertCan(actor, 'layout.manage');
  if (expiresAt && expiresAt.getTime() <= now.getTime()) return refuse('expiresAt', 'That time has already passed: choose a later one, or leave it empty to keep the pin until you remove it.');
  return getDb().transaction(async (tx): Promise<LayoutResult> => {
    await lockLayout(tx);
    const found = await findStory(tx, story);
    if (!found) return refuse('story', 'No story has that number or address. Give its number (as in /dashboard/articles/12) or its address on the site.');
    const why = notLiveReason(found);
    if (why) return refuse('story', why);
    if (place.sectionId === null) {
      await tx.delete(frontPagePins).where(isNull(frontPagePins.sectionId));
      await tx.insert(frontPagePins).values({ sectionId: null, position: 0, articleId: found.id, expiresAt, pinnedBy: actor.id });
      await tx.insert(auditLog).values({ staffId: actor.id, action: 'layout.lead_pin', subject: `article:${found.id}`, detail: { expiresAt: expiresAt?.toISOString() ?? null } });
      return finish(tx, frontPageLayoutTags(), `“${found.headline}” now leads the front page.`);
    }
    const [section] = await tx.select({ id: sections.id, slug: sections.slug, name: sections.name }).from(sections).where(eq(sections.id, place.sectionId));
    if (!section) return refuse('form', 'That section no longer exists.');
    if (found.sectionId !== section.id) return refuse('story', `“${found.headline}” is in ${found.sectionName ?? 'no section'}, not ${section.name}: pin it there, or move it first.`);
    // Pins that have run out give their places back before anything is counted.
    await tx.delete(frontPagePins).where(and(eq(frontPagePins.sectionId, section.id), lte(frontPagePins.expiresAt, sql`now()`)));
    const pins = await tx.select({ id: frontPagePins.id, articleId: frontPagePins.articleId }).from(frontPagePins).where(eq(frontPagePins.sectionId, section.id)).orderBy(asc(frontPagePins.position));
    const existing = pins.find((p) => p.articleId === found.id);
    if (existing) {
      await tx.update(frontPagePins).set({ expiresAt, pinnedBy: actor.id }).where(eq(frontPagePins.id, existing.id));
    } else {
      if (pins.length >= SECTION_TOP_SLOTS) return refuse('story', `${section.name} already has ${SECTION_TOP_SLOTS} pinned top stories: remove one first.`);
      await renumber(tx, pins.map((p) => p.id));
      await tx.insert(frontPagePins).values({ sectionId: section.id, position: pins.length, articleId: found.id, expiresAt, pinnedBy: actor.id });
    }
    await tx.insert(auditLog).values({ staffId: actor.id, action: 'layout.section_pin', subject: `article:${found.id}`, detail: { section: section.name, expiresAt: expiresAt?.toISOString() ?? null } });
    return finish(tx, sectionTopStoriesTags(section.slug), existing ? `“${found.headline}” stays pinned in ${section.name}, with the new end time.` : `“${found.headline}” is pinned in ${section.name}, number ${pins.length + 1} of its top stories.`);
  });
}

/** Positions 0, 1, 2... in the given order (no unique index on them: the layout lock keeps them apart). */
async function renumber(tx: Tx, ids: number[]): Promise<void> {
  for (const [position, id] of ids.entries()) await tx.update(frontPagePins).set({ position }).where(eq(frontPagePins.id, id));
}

type PinRow = { id: number; sectionId: number | null; articleId: number; sectionSlug: string | null; sectionName: string | null };

async function lockedPin(tx: Tx, pinId: number): Promise<PinRow | null> {
  await lockLayout(tx);
  const [pin] = await tx
    .select({ id: frontPagePins.id, sectionId: frontPagePins.sectionId, articleId: frontPagePins.articleId, sectionSlug: sections.slug, sectionName: sections.name })
    .from(frontPagePins)
    .leftJoin(sections, eq(sections.id, frontPagePins.sectionId))
    .where(eq(frontPagePins.id, pinId));
  return pin ?? null;
}

const pinTags = (pin: PinRow) => (pin.sectionSlug ? sectionTopStoriesTags(pin.sectionSlug) : frontPageLayoutTags());

/** Removes a pin; the slot fills in newest first again, and the section's other pins close up. */
export async function unpinStory(actor: Actor, pinId: number): Promise<LayoutResult> {
  assertCan(actor, 'layout.manage');
  return getDb().transaction(async (tx): Promise<LayoutResult> => {
    const pin = await lockedPin(tx, pinId);
    if (!pin) return refuse('form', 'That pin has already been removed.');
    await tx.delete(frontPagePins).where(eq(frontPagePins.id, pin.id));
    if (pin.sectionId !== null) {
      const rest = await tx.select({ id: frontPagePins.id }).from(frontPagePins).where(eq(frontPagePins.sectionId, pin.sectionId)).orderBy(asc(frontPagePins.position));
      await renumber(
        tx,
        rest.map((r) => r.id),
      );
    }
    await tx.insert(auditLog).values({ staffId: actor.id, action: pin.sectionId === null ? 'layout.lead_unpin' : 'layout.section_unpin', subject: `article:${pin.articleId}`, detail: pin.sectionName ? { section: pin.sectionName } : {} });
    return finish(tx, pinTags(pin), pin.sectionId === null ? 'The lead is unpinned: the newest story with a picture leads again.' : `Unpinned from ${pin.sectionName}.`);
  });
}

/** Moves a section's pin one place up or down among its top stories. */
export async function movePin(actor: Actor, pinId: number, direction: 'up' | 'down'): Promise<LayoutResult> {
  assertCan(actor, 'layout.manage');
  return getDb().transaction(async (tx): Promise<LayoutResult> => {
    const pin = await lockedPin(tx, pinId);
    if (!pin) return refuse('form', 'That pin has been removed.');
    if (pin.sectionId === null) return refuse('form', 'The lead has one place only.');
    const order = (await tx.select({ id: frontPagePins.id }).from(frontPagePins).where(eq(frontPagePins.sectionId, pin.sectionId)).orderBy(asc(frontPagePins.position))).map((r) => r.id);
    const at = order.indexOf(pin.id);
    const to = direction === 'up' ? at - 1 : at + 1;
    if (to < 0 || to >= order.length) return refuse('form', direction === 'up' ? 'It is already first.' : 'It is already last.');
    [order[at], order[to]] = [order[to]!, order[at]!];
    await renumber(tx, order);
    await tx.insert(auditLog).values({ staffId: actor.id, action: 'layout.section_order', subject: `article:${pin.articleId}`, detail: { section: pin.sectionName, to: to + 1 } });
    return finish(tx, pinTags(pin), `Moved ${direction} to number ${to + 1} in ${pin.sectionName}.`);
  });
}

const running = () => and(isNull(breakingNews.endedAt), gt(breakingNews.endsAt, sql`now()`));

/** Puts up the breaking-news strip until `endsAt`, replacing any strip still running. */
export async function setBreakingNews(actor: Actor, input: { text: string; href: string | null; endsAt: Date }, now = new Date()): Promise<LayoutResult> {
  assertCan(actor, 'layout.manage');
  if (input.endsAt.getTime() <= now.getTime()) return refuse('endsAt', 'That end time has already passed: choose a time later than now.');
  return getDb().transaction(async (tx): Promise<LayoutResult> => {
    await lockLayout(tx);
    await tx.update(breakingNews).set({ endedAt: sql`now()` }).where(running());
    await tx.insert(breakingNews).values({ text: input.text, href: input.href, endsAt: input.endsAt, createdBy: actor.id });
    await tx.insert(auditLog).values({ staffId: actor.id, action: 'layout.breaking_set', subject: 'front-page', detail: { text: input.text, href: input.href, endsAt: input.endsAt.toISOString() } });
    return finish(tx, frontPageLayoutTags(), 'The breaking-news strip is on the front page.');
  });
}

/** Takes the strip down before its end time. */
export async function endBreakingNews(actor: Actor): Promise<LayoutResult> {
  assertCan(actor, 'layout.manage');
  return getDb().transaction(async (tx): Promise<LayoutResult> => {
    await lockLayout(tx);
    const ended = await tx.update(breakingNews).set({ endedAt: sql`now()` }).where(running()).returning({ text: breakingNews.text });
    if (!ended.length) return refuse('form', 'No strip is running: it may have reached its end time already.');
    await tx.insert(auditLog).values({ staffId: actor.id, action: 'layout.breaking_end', subject: 'front-page', detail: { text: ended[0]!.text } });
    return finish(tx, frontPageLayoutTags(), 'The breaking-news strip is down.');
  });
}
