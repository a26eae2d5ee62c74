import 'server-only';
import { and, asc, desc, eq, gt, isNull, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { cachedQuery } from '../cache';
import { getDb } from '../client';
import { preparedQuery } from '../prepared';
import { articles, auditLog, breakingNews, frontPagePins, media, sections, staff } from '../schema';
import { cacheTags } from '../tags';
import { fillSlots, nextChange, SECTION_TOP_SLOTS, standingPins, type PinnedStory } from '../../lib/front-layout';
import type { ArticleStatus } from '../../lib/domain';
import { cardColumns, cardQuery, encodeCursor, toCard, type ArticleCard, type CardRow } from './articles';
import { isLive } from './conditions';
import { listSections } from './settings';

// The front page and the top of each section, as editors arrange them (front_page_pins), filled in
// newest first. The statements return every pin still standing with its expiry, and enough of the
// newest stories to fill in behind any of them; lib/front-layout.ts arranges the slots at render
// time. So a pin that expires while the query's result is cached drops out at the next render,
// and a withdrawn, unpublished or not-yet-due story is never returned at all (isLive() is in every
// statement).

export type BreakingStrip = { text: string; href: string | null; endsAt: string };

export type FrontPage = {
  lead: ArticleCard | null;
  /** Whether an editor chose the lead (else it is the newest story with a picture). */
  leadPinned: boolean;
  sections: { slug: string; name: string; stories: ArticleCard[] }[];
  latest: ArticleCard[];
  breaking: BreakingStrip | null;
  /** When the next pin or the strip ends: the page may not be cached past it. */
  nextChangeAt: string | null;
};

type RawFrontPage = {
  leadPins: PinnedStory<ArticleCard>[];
  sectionPins: (PinnedStory<ArticleCard> & { sectionSlug: string })[];
  pictureLead: ArticleCard | null;
  sections: { slug: string; name: string; newest: ArticleCard[] }[];
  latest: ArticleCard[];
  breaking: BreakingStrip | null;
};

const LATEST = 12;
// Behind a section's four slots stand at most four pins of its own and the lead.
const SECTION_DEPTH = SECTION_TOP_SLOTS * 2 + 1;

const standing = () => or(isNull(frontPagePins.expiresAt), gt(frontPagePins.expiresAt, sql`now()`));

// Every pin still standing whose story is live (and, for a section's pin, still in that section).
const pinSection = alias(sections, 'pin_section');
const standingPinRows = preparedQuery((db) =>
  db
    .select({ ...cardColumns, pinSection: pinSection.slug, position: frontPagePins.position, expiresAt: frontPagePins.expiresAt })
    .from(frontPagePins)
    .innerJoin(articles, eq(articles.id, frontPagePins.articleId))
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .leftJoin(pinSection, eq(pinSection.id, frontPagePins.sectionId))
    .leftJoin(media, eq(media.id, articles.featuredImageId))
    .where(and(isLive(), standing(), or(isNull(frontPagePins.sectionId), eq(frontPagePins.sectionId, articles.sectionId))))
    .orderBy(asc(frontPagePins.sectionId), asc(frontPagePins.position))
    .prepare('reader_front_pins'),
);
const pictureLead = preparedQuery((db) => cardQuery(sql`${media.id} IS NOT NULL`, 1, db).prepare('reader_front_lead'));
const frontSection = alias(sections, 'front_section');
const sectionNewest = preparedQuery((db) => {
  const story = db
    .select({ ...cardColumns, imageAlt: sql<string | null>`coalesce(${articles.featuredAlt}, ${media.alt})`.as('image_alt') })
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .leftJoin(media, eq(media.id, articles.featuredImageId))
    .where(and(isLive(), eq(articles.sectionId, frontSection.id)))
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(SECTION_DEPTH)
    .as('story');
  return db
    .select()
    .from(frontSection)
    .crossJoinLateral(story)
    .orderBy(asc(frontSection.position), asc(frontSection.id), desc(story.publishedAt), desc(story.id))
    .prepare('reader_front_sections');
});
const latest = preparedQuery((db) => cardQuery(undefined, LATEST + 1, db).prepare('reader_front_latest'));
const runningStrip = preparedQuery((db) =>
  db
    .select({ text: breakingNews.text, href: breakingNews.href, endsAt: breakingNews.endsAt })
    .from(breakingNews)
    .where(and(isNull(breakingNews.endedAt), gt(breakingNews.endsAt, sql`now()`)))
    .orderBy(desc(breakingNews.createdAt), desc(breakingNews.id))
    .limit(1)
    .prepare('reader_breaking_strip'),
);

type PinRow = CardRow & { position: number; expiresAt: Date | null };
const toPinned = (row: PinRow): PinnedStory<ArticleCard> => ({ card: toCard(row), position: row.position, expiresAt: row.expiresAt ? row.expiresAt.toISOString() : null });

const readFrontPage = cachedQuery(
  'front-page',
  // The section slugs only name the cache tags: a section's top stories show in its block here.
  async (_sectionSlugs: string): Promise<RawFrontPage> => {
    const [pins, [lead], storyRows, latestRows, [strip]] = await Promise.all([
      standingPinRows().execute(),
      pictureLead().execute(),
      sectionNewest().execute(),
      latest().execute(),
      runningStrip().execute(),
    ]);
    const shown: RawFrontPage['sections'] = [];
    for (const { story } of storyRows) {
      const card = toCard(story);
      const entry = shown.at(-1);
      if (entry?.slug === card.sectionSlug) entry.newest.push(card);
      else shown.push({ slug: card.sectionSlug, name: card.sectionName, newest: [card] });
    }
    return {
      leadPins: pins.filter((p) => p.pinSection === null).map(toPinned),
      sectionPins: pins.filter((p) => p.pinSection !== null).map((p) => ({ ...toPinned(p), sectionSlug: p.pinSection! })),
      pictureLead: lead ? toCard(lead) : null,
      sections: shown,
      latest: latestRows.map(toCard),
      breaking: strip ? { text: strip.text, href: strip.href, endsAt: strip.endsAt.toISOString() } : null,
    };
  },
  (sectionSlugs) => [cacheTags.frontPage(), cacheTags.sections(), ...sectionSlugs.split(' ').filter(Boolean).map(cacheTags.section)],
  300,
);

/** The front page as it stands at `now`, from the (cached) pins and newest stories. */
export function arrangeFrontPage(raw: RawFrontPage, now: Date): FrontPage {
  const pinnedLead = standingPins(raw.leadPins, now)[0] ?? null;
  const lead = pinnedLead ?? raw.pictureLead;
  const exclude = new Set(lead ? [lead.id] : []);
  const sectionsShown = raw.sections
    .map((s) => ({
      slug: s.slug,
      name: s.name,
      stories: fillSlots(
        standingPins(
          raw.sectionPins.filter((p) => p.sectionSlug === s.slug),
          now,
        ),
        s.newest,
        SECTION_TOP_SLOTS,
        exclude,
      ),
    }))
    .filter((s) => s.stories.length > 0);
  const breaking = raw.breaking && new Date(raw.breaking.endsAt).getTime() > now.getTime() ? raw.breaking : null;
  const next = nextChange([...raw.leadPins, ...raw.sectionPins].map((p) => p.expiresAt).concat(breaking?.endsAt ?? null), now);
  return {
    lead,
    leadPinned: pinnedLead !== null,
    sections: sectionsShown,
    latest: raw.latest.filter((c) => c.id !== lead?.id).slice(0, LATEST),
    breaking,
    nextChangeAt: next ? next.toISOString() : null,
  };
}

/**
 * The front page: the editor's lead, else the newest story with a picture; each section's top
 * stories (its pins in order, then its newest), leaving out the lead; the latest twelve without
 * the lead; and the breaking-news strip while it runs.
 */
export async function getFrontPage(now: Date = new Date()): Promise<FrontPage> {
  const slugs = (await listSections()).map((s) => s.slug).sort();
  return arrangeFrontPage(await readFrontPage(slugs.join(' ')), now);
}

// ---------------------------------------------------------------------------------------------
// A section's first page: its top stories, then the list

export type SectionFront = {
  /** The lead and the secondary row: the section's pins in order, then its newest. */
  top: ArticleCard[];
  /** The stories after them, newest first, and the cursor of the older page. */
  list: ArticleCard[];
  next: string | null;
  nextChangeAt: string | null;
};

type RawSectionFront = { pins: PinnedStory<ArticleCard>[]; newest: ArticleCard[] };

const sectionPinRows = preparedQuery((db) =>
  db
    .select({ ...cardColumns, position: frontPagePins.position, expiresAt: frontPagePins.expiresAt })
    .from(frontPagePins)
    .innerJoin(articles, eq(articles.id, frontPagePins.articleId))
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .leftJoin(media, eq(media.id, articles.featuredImageId))
    .where(and(isLive(), standing(), eq(frontPagePins.sectionId, sql.placeholder('sectionId')), eq(articles.sectionId, sql.placeholder('sectionId'))))
    .orderBy(asc(frontPagePins.position))
    .prepare('reader_section_pins'),
);
const sectionFirst = preparedQuery((db) => cardQuery(eq(articles.sectionId, sql.placeholder('sectionId')), sql.placeholder('limit'), db).prepare('reader_section_front'));

const readSectionFront = cachedQuery(
  'section-front',
  async (sectionId: number, _slug: string, pageSize: number): Promise<RawSectionFront> => {
    const [pins, newest] = await Promise.all([
      sectionPinRows().execute({ sectionId }),
      // Enough to fill the top behind every pin and still know whether an older page exists.
      sectionFirst().execute({ sectionId, limit: pageSize + SECTION_TOP_SLOTS * 2 + 1 }),
    ]);
    return { pins: pins.map(toPinned), newest: newest.map(toCard) };
  },
  (_id, slug) => [cacheTags.section(slug)],
  600,
);

export function arrangeSectionFront(raw: RawSectionFront, pageSize: number, now: Date): SectionFront {
  const top = fillSlots(standingPins(raw.pins, now), raw.newest, SECTION_TOP_SLOTS);
  const onTop = new Set(top.map((c) => c.id));
  const rest = raw.newest.filter((c) => !onTop.has(c.id));
  const list = rest.slice(0, pageSize);
  const last = list.at(-1);
  const next = nextChange(
    raw.pins.map((p) => p.expiresAt),
    now,
  );
  return { top, list, next: rest.length > pageSize && last ? encodeCursor(last) : null, nextChangeAt: next ? next.toISOString() : null };
}

/** A section's first page as it stands at `now`. */
export async function getSectionFront(sectionId: number, slug: string, pageSize: number, now: Date = new Date()): Promise<SectionFront> {
  return arrangeSectionFront(await readSectionFront(sectionId, slug, pageSize), pageSize, now);
}

// ---------------------------------------------------------------------------------------------
// The layout editor (newsroom): every pin as stored, with whether readers see it and why not

export type PinState = 'shown' | 'expired' | 'not-live' | 'moved';

export type LayoutPin = {
  id: number;
  sectionId: number | null;
  position: number;
  articleId: number;
  headline: string;
  path: string | null;
  status: ArticleStatus;
  expiresAt: string | null;
  pinnedBy: string | null;
  state: PinState;
};

export type RunningStrip = BreakingStrip & { id: number; createdBy: string | null };

export async function listLayoutPins(): Promise<LayoutPin[]> {
  const rows = await getDb()
    .select({
      id: frontPagePins.id,
      sectionId: frontPagePins.sectionId,
      position: frontPagePins.position,
      articleId: frontPagePins.articleId,
      headline: articles.headline,
      path: articles.path,
      status: articles.status,
      articleSection: articles.sectionId,
      expiresAt: frontPagePins.expiresAt,
      pinnedBy: staff.name,
      live: sql<boolean>`(${isLive()})`,
      standing: sql<boolean>`(${standing()})`,
    })
    .from(frontPagePins)
    .innerJoin(articles, eq(articles.id, frontPagePins.articleId))
    .leftJoin(staff, eq(staff.id, frontPagePins.pinnedBy))
    .orderBy(asc(frontPagePins.sectionId), asc(frontPagePins.position));
  return rows.map((r) => ({
    id: r.id,
    sectionId: r.sectionId,
    position: r.position,
    articleId: r.articleId,
    headline: r.headline,
    path: r.path,
    status: r.status,
    expiresAt: r.expiresAt ? r.expiresAt.toISOString() : null,
    pinnedBy: r.pinnedBy,
    state: !r.standing ? 'expired' : !r.live ? 'not-live' : r.sectionId !== null && r.articleSection !== r.sectionId ? 'moved' : 'shown',
  }));
}

/** The strip readers see now, if any. */
export async function getRunningStrip(): Promise<RunningStrip | null> {
  const [row] = await getDb()
    .select({ id: breakingNews.id, text: breakingNews.text, href: breakingNews.href, endsAt: breakingNews.endsAt, createdBy: staff.name })
    .from(breakingNews)
    .leftJoin(staff, eq(staff.id, breakingNews.createdBy))
    .where(and(isNull(breakingNews.endedAt), gt(breakingNews.endsAt, sql`now()`)))
    .orderBy(desc(breakingNews.createdAt), desc(breakingNews.id))
    .limit(1);
  return row ? { id: row.id, text: row.text, href: row.href, endsAt: row.endsAt.toISOString(), createdBy: row.createdBy } : null;
}

/** The newest live stories, for the editor's suggestions: number, headline and section. */
export async function listPinnableStories(limit = 40): Promise<{ id: number; headline: string; sectionName: string }[]> {
  return getDb()
    .select({ id: articles.id, headline: articles.headline, sectionName: sections.name })
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .where(isLive())
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(limit);
}

/**
 * The layout change this person made most recently, if within `withinMs`: the editor page shows it
 * in a live region that outlives the form that made it (an unpin's own button leaves the page).
 */
export async function getLastLayoutChange(staffId: number, withinMs = 120_000): Promise<{ action: string; detail: Record<string, unknown>; headline: string | null; at: string } | null> {
  const [row] = await getDb()
    .select({ action: auditLog.action, detail: auditLog.detail, subject: auditLog.subject, at: auditLog.createdAt, headline: articles.headline })
    .from(auditLog)
    .leftJoin(articles, sql`${auditLog.subject} = 'article:' || ${articles.id}`)
    .where(and(eq(auditLog.staffId, staffId), sql`${auditLog.action} LIKE 'layout.%'`, gt(auditLog.createdAt, new Date(Date.now() - withinMs))))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(1);
  return row ? { action: row.action, detail: row.detail, headline: row.headline, at: row.at.toISOString() } : null;
}
