// Fills an empty database with a complete demo publication: settings, sections, staff, tags,
// illustrations, about ninety published articles over the last sixty days, work in progress,
// corrections, comments and a few archive fixtures with fixed dates for the end-to-end tests.
//
//   npx tsx db/seed.ts          migrate, then seed unless the publication already exists
//
// The words live in db/seed-content.ts. Choices are made by a pseudo-random generator with a
// constant seed, so two seeds of an empty database differ only in dates relative to `now`.
import { pathToFileURL } from 'node:url';
import { hash } from '@node-rs/argon2';
import { eq } from 'drizzle-orm';
import { articleBodySchema, bodyToText, type ArticleBody } from '../lib/article-body';
import { staffEmail } from '../lib/staff-email';
import { articlePath, slugify } from '../lib/urls';
import { closeDb, getConnection, type Db } from './connection';
import { migrateDatabase } from './migrate';
import { seedViews } from './seed-views';
import { seedLiveBlog } from './seed-live-blog';
import { isReservedTopLevelPath } from '../lib/site-paths';
import * as schema from './schema';
import type { ArticleStatus, CommentMode, CommentStatus, CorrectionKind, StaffRole } from '../lib/domain';
import {
  BUSY_THREAD_OPENINGS,
  BUSY_THREAD_POINTS,
  COMMENT_BODIES,
  COMMENTERS,
  CORRECTED_STORY,
  EMBED_STORY,
  FIRST_NAMES_F,
  FIRST_NAMES_M,
  IMAGES,
  imageCredit,
  MOVED_STORY,
  OLD_STORY,
  PENDING_BODIES,
  PINNED_LEAD_STORY,
  PUBLICATION,
  RECENT_CORRECTIONS,
  REPLY_BODIES,
  SECTIONS,
  SPAM_BODY,
  STAFF,
  STORIES,
  SURNAMES,
  TAGS,
  UNPUBLISHED_STORIES,
  WIRE_DESK,
  WIRE_FIXTURE_STORY,
  WITHDRAWN_STORY,
  type Ctx,
  type FixtureStory,
  type ImageName,
  type Person,
  type SectionSlug,
  type StaffSlug,
  type TagSlug,
  type Wire,
  type Written,
} from './seed-content';

/** The password of every demo account. Printed by the script and listed in the README. */
export const DEMO_PASSWORD = 'broadsheet-demo-2026';

/** The demo accounts, for the README and the tests. */
export const DEMO_STAFF: readonly { name: string; email: string; role: StaffRole }[] = STAFF.map((s) => ({
  name: `${s.firstName} ${s.lastName}`,
  email: 'emailOverride' in s ? s.emailOverride : staffEmail(PUBLICATION.staffEmailFormula, s),
  role: s.role,
}));

// The archive fixtures have FIXED dates, unlike everything else, so that tests can name their URLs.
// All are in the past; a seed given a `now` before 2026-10-03 would show the wire and corrected
// fixtures as not yet published.
const FIXED = {
  movedFirstPublished: new Date('2024-03-14T09:30:00Z'),
  movedSectionChanged: new Date('2024-03-14T15:10:00Z'),
  movedSlugChanged: new Date('2024-03-18T11:00:00Z'),
  withdrawnPublished: new Date('2024-05-02T08:00:00Z'),
  withdrawnAt: new Date('2024-05-02T13:45:00Z'),
  oldPublished: new Date('2023-06-01T10:00:00Z'),
  wirePublished: new Date('2026-09-28T07:45:00Z'),
  correctedPublished: new Date('2026-09-30T16:20:00Z'),
  embedsPublished: new Date('2026-10-10T11:30:00Z'),
  corrections: [new Date('2026-10-01T10:05:00Z'), new Date('2026-10-02T14:30:00Z')],
};

const TZ = PUBLICATION.timeZone;
const pathOf = (sectionSlug: string, headline: string, firstPublishedAt: Date) =>
  articlePath({ sectionSlug, slug: slugify(headline), firstPublishedAt }, TZ);

export const FIXTURES = {
  /** Where the moved article first appeared (section science, its first slug). */
  movedOldPath: pathOf(MOVED_STORY.oldSection, MOVED_STORY.oldHeadline, FIXED.movedFirstPublished),
  /** Where it was briefly: the new section, the old slug. */
  movedIntermediatePath: pathOf(MOVED_STORY.section, MOVED_STORY.oldHeadline, FIXED.movedFirstPublished),
  movedCurrentPath: pathOf(MOVED_STORY.section, MOVED_STORY.written.headline, FIXED.movedFirstPublished),
  movedHeadline: MOVED_STORY.written.headline,
  withdrawnPath: pathOf(WITHDRAWN_STORY.section, WITHDRAWN_STORY.written.headline, FIXED.withdrawnPublished),
  withdrawnHeadline: WITHDRAWN_STORY.written.headline,
  oldArticlePath: pathOf(OLD_STORY.section, OLD_STORY.written.headline, FIXED.oldPublished),
  oldArticleHeadline: OLD_STORY.written.headline,
  wireArticlePath: pathOf(WIRE_FIXTURE_STORY.section, WIRE_FIXTURE_STORY.written.headline, FIXED.wirePublished),
  wireHeadline: WIRE_FIXTURE_STORY.written.headline,
  correctedArticlePath: pathOf(CORRECTED_STORY.section, CORRECTED_STORY.written.headline, FIXED.correctedPublished),
  correctedHeadline: CORRECTED_STORY.written.headline,
  /** The story with a video, a post and a map embedded, and a table. */
  embedArticlePath: pathOf(EMBED_STORY.section, EMBED_STORY.written.headline, FIXED.embedsPublished),
  embedHeadline: EMBED_STORY.written.headline,
  /** The story the demo's editors pinned as the front page's lead. */
  pinnedLeadHeadline: PINNED_LEAD_STORY.written.headline,
  draftSlug: slugify(UNPUBLISHED_STORIES.find((u) => u.status === 'draft')!.written.headline),
  /** Headlines of every draft, in-review and scheduled article: readers must never find them. */
  unpublishedHeadlines: UNPUBLISHED_STORIES.map((u) => u.written.headline),
  unpublishedSlugs: UNPUBLISHED_STORIES.map((u) => slugify(u.written.headline)),
  authorSlug: 'declan-fairweather' satisfies StaffSlug,
  tagSlug: 'harbour' satisfies TagSlug,
  /** Has more than twenty published articles, so its listing paginates. */
  sectionSlug: 'news' satisfies SectionSlug,
} as const;

// ---------------------------------------------------------------------------------------------
// Deterministic choices

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = {
  next: () => number;
  int: (min: number, max: number) => number;
  pick: <T>(items: readonly T[]) => T;
  shuffle: <T>(items: readonly T[]) => T[];
};

function makeRandom(seed: number): Random {
  const next = mulberry32(seed);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const shuffle = <T,>(items: readonly T[]): T[] => {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  };
  return { next, int, pick, shuffle };
}

/**
 * The choices for one article. Quoted people get names never used elsewhere in the publication,
 * and no two people in one article share a first name or a surname, since the prose calls them by surname.
 */
function makeCtx(random: Random, usedNames: Set<string>): Ctx {
  const surnamesHere = new Set<string>();
  const firstNamesHere = new Set<string>();
  return {
    int: random.int,
    pick: random.pick,
    person: (sex?: 'f' | 'm'): Person => {
      for (;;) {
        const pool = sex === 'f' ? FIRST_NAMES_F : sex === 'm' ? FIRST_NAMES_M : random.next() < 0.5 ? FIRST_NAMES_F : FIRST_NAMES_M;
        const first = random.pick(pool);
        const surname = random.pick(SURNAMES);
        const name = `${first} ${surname}`;
        if (usedNames.has(name) || surnamesHere.has(surname) || firstNamesHere.has(first)) continue;
        usedNames.add(name);
        surnamesHere.add(surname);
        firstNamesHere.add(first);
        return { name, surname };
      }
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The plan: every row to insert, with references by slug, built before the database is touched.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const RECENT_DAYS = 60;

type PlannedArticle = {
  key: string;
  status: ArticleStatus;
  section: SectionSlug | null;
  slug: string;
  written: Written;
  body: ArticleBody;
  firstPublishedAt: Date | null;
  publishedAt: Date | null;
  updatedAt: Date | null;
  withdrawnAt: Date | null;
  image: ImageName | null;
  seoDescription: string | null;
  commentMode: CommentMode;
  commentsCloseAt: Date | null;
  wire: Wire | null;
  authors: StaffSlug[];
  tags: TagSlug[];
  createdAt: Date;
  modifiedAt: Date;
};

type PlannedComment = {
  article: string;
  /** Index of the parent in the same plan, or null for a top-level comment. */
  parent: number | null;
  depth: number;
  authorName: string;
  authorEmail: string;
  body: string;
  status: CommentStatus;
  heldReason: string | null;
  clientAddress: string;
  userAgent: string;
  createdAt: Date;
};

type Plan = {
  articles: PlannedArticle[];
  corrections: { article: string; kind: CorrectionKind; body: string; publishedAt: Date; staff: StaffSlug }[];
  urlHistory: { path: string; article: string; createdAt: Date }[];
  comments: PlannedComment[];
};

const minuteFloor = (ms: number) => new Date(Math.floor(ms / MINUTE) * MINUTE);

function seoFrom(written: Written): string {
  if (written.seoDescription) return written.seoDescription;
  if (written.standfirst.length <= 160) return written.standfirst;
  const first = written.standfirst.split(/(?<=\.)\s/)[0] ?? written.standfirst;
  return first.length <= 160 ? first : `${first.slice(0, 157).replace(/\s+\S*$/, '')}…`;
}

function plan(now: Date): Plan {
  const random = makeRandom(0x5eed_2026);
  const usedNames = new Set<string>();
  const slugs = new Set<string>();
  const uniqueSlug = (headline: string) => {
    const base = slugify(headline);
    let slug = base;
    for (let n = 2; slugs.has(slug); n++) slug = `${base}-${n}`;
    slugs.add(slug);
    return slug;
  };
  const closeAfter = PUBLICATION.commentsCloseAfterDays * DAY;
  const articles: PlannedArticle[] = [];

  // Recent published stories, shuffled so sections interleave, then spread over the last sixty
  // days at plausible hours. The story that later gets corrections is placed about a fortnight
  // back, so its corrections are in the past too.
  const order = random.shuffle(STORIES);
  const correctedIndex = order.findIndex((s) => s.key === RECENT_CORRECTIONS.storyKey);
  if (correctedIndex < 0) throw new Error(`seed-content: no story "${RECENT_CORRECTIONS.storyKey}" to correct`);
  const [corrected] = order.splice(correctedIndex, 1);
  order.splice(Math.floor(order.length / 4), 0, corrected!);
  const startOfToday = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());

  order.forEach((entry, k) => {
    const written = entry.write(makeCtx(random, usedNames));
    const dayOffset = Math.floor((k * (RECENT_DAYS - 1)) / order.length);
    let published = startOfToday - dayOffset * DAY + random.int(6, 20) * HOUR + random.int(0, 59) * MINUTE;
    if (published > now.getTime() - 20 * MINUTE) published -= DAY;
    const publishedAt = new Date(published);
    const updated = published + random.int(2, 6) * HOUR + random.int(0, 59) * MINUTE;
    const updatedAt = k % 5 === 2 && updated < now.getTime() ? new Date(updated) : null;
    const commentMode = entry.commentMode ?? 'open';
    articles.push({
      key: entry.key,
      status: 'published',
      section: entry.section,
      slug: uniqueSlug(written.headline),
      written,
      body: { type: 'doc', content: written.body },
      firstPublishedAt: publishedAt,
      publishedAt,
      updatedAt,
      withdrawnAt: null,
      // Most stories carry their illustration; a few go without, as real ones do.
      image: k % 9 === 4 ? null : entry.image,
      seoDescription: k % 7 === 3 ? null : seoFrom(written),
      commentMode,
      commentsCloseAt: commentMode === 'closed' ? null : new Date(published + closeAfter),
      wire: entry.wire ?? null,
      authors: entry.authors,
      tags: entry.tags,
      createdAt: new Date(published - random.int(2, 30) * HOUR),
      modifiedAt: updatedAt ?? publishedAt,
    });
  });

  // Archive fixtures, at their fixed dates.
  const fixture = (
    story: FixtureStory,
    at: Date,
    extra: Partial<PlannedArticle> = {},
  ): PlannedArticle => ({
    key: story.key,
    status: 'published',
    section: story.section,
    slug: uniqueSlug(story.written.headline),
    written: story.written,
    body: { type: 'doc', content: story.written.body },
    firstPublishedAt: at,
    publishedAt: at,
    updatedAt: null,
    withdrawnAt: null,
    image: story.image,
    seoDescription: seoFrom(story.written),
    commentMode: 'open',
    commentsCloseAt: new Date(at.getTime() + closeAfter),
    wire: story.wire ?? null,
    authors: story.authors,
    tags: story.tags,
    createdAt: new Date(at.getTime() - 3 * HOUR),
    modifiedAt: at,
    ...extra,
  });
  const moved = fixture(MOVED_STORY, FIXED.movedFirstPublished, { modifiedAt: FIXED.movedSlugChanged });
  const correctedFixture = fixture(CORRECTED_STORY, FIXED.correctedPublished, {
    updatedAt: FIXED.corrections[1]!,
    modifiedAt: FIXED.corrections[1]!,
  });
  articles.push(
    moved,
    fixture(WITHDRAWN_STORY, FIXED.withdrawnPublished, {
      status: 'withdrawn',
      withdrawnAt: FIXED.withdrawnAt,
      commentMode: 'closed',
      commentsCloseAt: null,
      modifiedAt: FIXED.withdrawnAt,
    }),
    fixture(OLD_STORY, FIXED.oldPublished),
    fixture(WIRE_FIXTURE_STORY, FIXED.wirePublished),
    correctedFixture,
    fixture(EMBED_STORY, FIXED.embedsPublished),
    // The editors' pinned lead (front_page_pins, below): a day old, so not the automatic lead.
    fixture(PINNED_LEAD_STORY, new Date(now.getTime() - 30 * HOUR)),
  );

  // Work in progress: never published, so no first publication date and no path.
  UNPUBLISHED_STORIES.forEach((story, i) => {
    const created = now.getTime() - random.int(1, 9) * DAY - random.int(0, 23) * HOUR;
    const scheduledAt = story.inHours !== undefined ? new Date(Math.ceil((now.getTime() + story.inHours * HOUR) / HOUR) * HOUR) : null;
    articles.push({
      key: `unpublished-${i + 1}`,
      status: story.status,
      section: story.section,
      slug: uniqueSlug(story.written.headline),
      written: story.written,
      body: { type: 'doc', content: story.written.body },
      firstPublishedAt: null,
      publishedAt: scheduledAt,
      updatedAt: null,
      withdrawnAt: null,
      image: null,
      seoDescription: null,
      commentMode: 'open',
      commentsCloseAt: null,
      wire: null,
      authors: story.authors,
      tags: story.tags,
      createdAt: minuteFloor(created),
      modifiedAt: minuteFloor(created + random.int(1, 20) * HOUR),
    });
  });

  // Corrections: two on the fixed-date fixture, two on a recent story.
  const corrections: Plan['corrections'] = CORRECTED_STORY.corrections.map((c, i) => ({
    article: correctedFixture.key,
    kind: c.kind,
    body: c.body,
    publishedAt: FIXED.corrections[i]!,
    staff: 'tobias-wren',
  }));
  const recent = articles.find((a) => a.key === RECENT_CORRECTIONS.storyKey)!;
  for (const c of RECENT_CORRECTIONS.corrections) {
    const at = new Date(recent.publishedAt!.getTime() + c.afterHours * HOUR);
    corrections.push({ article: recent.key, kind: c.kind, body: c.body, publishedAt: at, staff: 'tobias-wren' });
    recent.updatedAt = at;
    recent.modifiedAt = at;
  }

  // The moved fixture first appeared in science, moved to news the same afternoon, and had its
  // slug changed four days later. Both earlier paths must answer with a redirect.
  const urlHistory: Plan['urlHistory'] = [
    { path: FIXTURES.movedOldPath, article: moved.key, createdAt: FIXED.movedSectionChanged },
    { path: FIXTURES.movedIntermediatePath, article: moved.key, createdAt: FIXED.movedSlugChanged },
  ];

  const comments = planComments(articles, now, random);
  return { articles, corrections, urlHistory, comments };
}

const USER_AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0',
];

/** Threads of approved comments under about two dozen recent articles, plus a few held and one spam. */
function planComments(articles: PlannedArticle[], now: Date, random: Random): PlannedComment[] {
  const out: PlannedComment[] = [];
  const address = (i: number) => `192.0.2.${(i % 250) + 1}`;
  const open = articles
    .filter((a) => a.status === 'published' && a.commentMode === 'open' && a.key !== 'moved' && a.publishedAt!.getTime() < now.getTime() - 6 * HOUR)
    .filter((a) => now.getTime() - a.publishedAt!.getTime() < RECENT_DAYS * DAY)
    .sort((x, y) => y.publishedAt!.getTime() - x.publishedAt!.getTime());
  const chosen = open.filter((_, i) => i % 2 === 0).slice(0, 26);

  for (const article of chosen) {
    const total = random.int(2, 8);
    const start = article.publishedAt!.getTime() + 10 * MINUTE;
    const end = Math.min(now.getTime() - 5 * MINUTE, article.commentsCloseAt!.getTime() - HOUR);
    const step = (end - start) / (total + 1);
    const bodies = random.shuffle(COMMENT_BODIES[article.section!]);
    const thread: number[] = [];
    for (let i = 0; i < total; i++) {
      const candidates = thread.filter((idx) => out[idx]!.depth < 2);
      const reply = i > 0 && candidates.length > 0 && random.next() < 0.45;
      const parent = reply ? random.pick(candidates) : null;
      const parentAuthor = parent === null ? null : out[parent]!.authorName;
      let who = random.pick(COMMENTERS);
      while (who.name === parentAuthor) who = random.pick(COMMENTERS);
      const body = reply ? random.pick(REPLY_BODIES) : (bodies[i % bodies.length] ?? bodies[0]!);
      out.push({
        article: article.key,
        parent,
        depth: parent === null ? 0 : out[parent]!.depth + 1,
        authorName: who.name,
        authorEmail: who.email,
        body,
        status: 'approved',
        heldReason: null,
        clientAddress: address(out.length),
        userAgent: random.pick(USER_AGENTS),
        // Evenly spread, so every reply is later than its parent; the jitter keeps times distinct.
        createdAt: minuteFloor(start + step * (i + 1) + random.int(0, Math.max(0, Math.floor(step / 3))) ),
      });
      thread.push(out.length - 1);
    }
  }

  // One long conversation, more than a page (THREAD_PAGE_SIZE) of approved comments, under the
  // newest open article that has no thread yet. Its own generator, so adding it changes nothing
  // else in the plan.
  const busy = open.find((a) => !chosen.includes(a));
  if (busy) {
    const busyRandom = makeRandom(28_11_2026);
    const start = busy.publishedAt!.getTime() + 5 * MINUTE;
    const end = Math.min(now.getTime() - 2 * MINUTE, busy.commentsCloseAt!.getTime() - HOUR);
    const total = BUSY_THREAD_OPENINGS.length * BUSY_THREAD_POINTS.length - 4; // 60
    const step = (end - start) / (total + 1);
    const thread: number[] = [];
    for (let i = 0; i < total; i++) {
      const candidates = thread.filter((idx) => out[idx]!.depth < 2);
      const parent = i > 2 && busyRandom.next() < 0.3 ? busyRandom.pick(candidates) : null;
      const parentAuthor = parent === null ? null : out[parent]!.authorName;
      let who = busyRandom.pick(COMMENTERS);
      while (who.name === parentAuthor) who = busyRandom.pick(COMMENTERS);
      const opening = BUSY_THREAD_OPENINGS[i % BUSY_THREAD_OPENINGS.length]!;
      const point = BUSY_THREAD_POINTS[Math.floor(i / BUSY_THREAD_OPENINGS.length) % BUSY_THREAD_POINTS.length]!;
      out.push({
        article: busy.key,
        parent,
        depth: parent === null ? 0 : out[parent]!.depth + 1,
        authorName: who.name,
        authorEmail: who.email,
        body: `${opening} ${point}`,
        status: 'approved',
        heldReason: null,
        clientAddress: `192.0.2.${(i % 250) + 1}`,
        userAgent: busyRandom.pick(USER_AGENTS),
        createdAt: minuteFloor(start + step * (i + 1)),
      });
      thread.push(out.length - 1);
    }
  }

  // Held for moderation: first comments from new addresses under the three newest open articles.
  const newcomers = [
    { name: 'Nell Varcoe', email: 'nell.varcoe@example.com' },
    { name: 'Hugo Pendarves', email: 'hugo.p@example.net' },
    { name: 'Bea Tonkin', email: 'bea.tonkin@example.com' },
  ];
  open.slice(0, 3).forEach((article, i) => {
    out.push({
      article: article.key,
      parent: null,
      depth: 0,
      authorName: newcomers[i]!.name,
      authorEmail: newcomers[i]!.email,
      body: PENDING_BODIES[i]!,
      status: 'pending',
      heldReason: 'First comment from this address',
      clientAddress: `198.51.100.${i + 10}`,
      userAgent: USER_AGENTS[i % USER_AGENTS.length]!,
      createdAt: minuteFloor(now.getTime() - (i + 1) * 47 * MINUTE),
    });
  });
  const spamTarget = open[3] ?? open[0]!;
  out.push({
    article: spamTarget.key,
    parent: null,
    depth: 0,
    authorName: 'Best Deals Online',
    authorEmail: 'deals4u@example.net',
    body: SPAM_BODY,
    status: 'spam',
    heldReason: 'Marked as spam by a moderator',
    clientAddress: '203.0.113.66',
    userAgent: 'curl/8.5.0',
    createdAt: minuteFloor(now.getTime() - 3 * HOUR),
  });
  return out;
}

/** Catches mistakes in seed-content.ts before they reach the database. */
function check(p: Plan): void {
  const problems: string[] = [];
  const knownTags = new Set<string>(TAGS.map((t) => t.slug));
  for (const a of p.articles) {
    const where = `${a.key} (“${a.written.headline}”)`;
    if (a.written.headline.length > 110) problems.push(`${where}: headline longer than 110 characters`);
    const parsed = articleBodySchema.safeParse(a.body);
    if (!parsed.success) problems.push(`${where}: body is not a valid document: ${parsed.error.message}`);
    if (a.status === 'published' || a.status === 'withdrawn') {
      const blocks = a.body.content.length;
      if (blocks < 5 || blocks > 12) problems.push(`${where}: ${blocks} blocks, expected 5 to 12`);
      if (a.tags.length < 1 || a.tags.length > 4) problems.push(`${where}: ${a.tags.length} tags, expected 1 to 4`);
      if (a.authors.length === 0 && !a.wire) problems.push(`${where}: no authors and no wire credit`);
    }
    for (const t of a.tags) if (!knownTags.has(t)) problems.push(`${where}: unknown tag ${t}`);
  }
  for (const s of SECTIONS) {
    if (isReservedTopLevelPath(s.slug)) problems.push(`section slug ${s.slug} is reserved`);
  }
  // FIXTURES is computed from the headlines alone; a slug clash would make the seed differ from it.
  const pathOfKey = (key: string) => {
    const a = p.articles.find((x) => x.key === key);
    return a?.firstPublishedAt && a.section ? articlePath({ sectionSlug: a.section, slug: a.slug, firstPublishedAt: a.firstPublishedAt }, TZ) : null;
  };
  const expected: [string, string | null][] = [
    [FIXTURES.movedCurrentPath, pathOfKey(MOVED_STORY.key)],
    [FIXTURES.withdrawnPath, pathOfKey(WITHDRAWN_STORY.key)],
    [FIXTURES.oldArticlePath, pathOfKey(OLD_STORY.key)],
    [FIXTURES.wireArticlePath, pathOfKey(WIRE_FIXTURE_STORY.key)],
    [FIXTURES.correctedArticlePath, pathOfKey(CORRECTED_STORY.key)],
    [FIXTURES.embedArticlePath, pathOfKey(EMBED_STORY.key)],
  ];
  for (const [fixture, planned] of expected) if (fixture !== planned) problems.push(`FIXTURES names ${fixture}, but the seed would write ${planned}`);
  if (!p.articles.some((a) => a.slug === FIXTURES.draftSlug && a.status === 'draft')) problems.push(`FIXTURES.draftSlug ${FIXTURES.draftSlug} is not a draft's slug`);
  if (problems.length) throw new Error(`The demo content has problems:\n- ${problems.join('\n- ')}`);
}

// ---------------------------------------------------------------------------------------------
// Writing it

export type SeedCounts = Record<
  'sections' | 'staff' | 'tags' | 'media' | 'published' | 'withdrawn' | 'drafts' | 'inReview' | 'scheduled' | 'wire' | 'corrections' | 'urlHistory' | 'comments',
  number
>;

export async function seedDatabase(db: Db, options: { now?: Date } = {}): Promise<{ created: boolean; counts?: SeedCounts }> {
  const existing = await db.select({ id: schema.siteSettings.id }).from(schema.siteSettings).where(eq(schema.siteSettings.id, 1)).limit(1);
  if (existing.length > 0) return { created: false };

  const now = minuteFloor((options.now ?? new Date()).getTime());
  const p = plan(now);
  check(p);
  // One hash for every account: argon2 is deliberately slow, and the demo password is shared.
  const passwordHash = await hash(DEMO_PASSWORD);

  return db.transaction(async (tx) => {
    // Claimed first, so a second seeder running at the same moment inserts nothing.
    const claimed = await tx
      .insert(schema.siteSettings)
      .values({
        id: 1,
        name: PUBLICATION.name,
        tagline: PUBLICATION.tagline,
        description: PUBLICATION.description,
        locale: PUBLICATION.locale,
        timeZone: PUBLICATION.timeZone,
        staffEmailFormula: PUBLICATION.staffEmailFormula,
        commentPolicy: PUBLICATION.commentPolicy,
        commentsCloseAfterDays: PUBLICATION.commentsCloseAfterDays,
        commentMaxDepth: PUBLICATION.commentMaxDepth,
      })
      .onConflictDoNothing()
      .returning({ id: schema.siteSettings.id });
    if (claimed.length === 0) return { created: false };

    const sectionRows = await tx
      .insert(schema.sections)
      .values(SECTIONS.map((s, i) => ({ slug: s.slug, name: s.name, description: s.description, position: i + 1 })))
      .returning({ id: schema.sections.id, slug: schema.sections.slug });
    const sectionId = idMap(sectionRows, (r) => r.slug);

    const staffRows = await tx
      .insert(schema.staff)
      .values(
        STAFF.map((s) => ({
          slug: s.slug,
          name: `${s.firstName} ${s.lastName}`,
          firstName: s.firstName,
          lastName: s.lastName,
          email: 'emailOverride' in s ? s.emailOverride : staffEmail(PUBLICATION.staffEmailFormula, s),
          emailOverride: 'emailOverride' in s,
          bio: s.bio,
          jobTitle: s.jobTitle,
          role: s.role,
          passwordHash,
        })),
      )
      .returning({ id: schema.staff.id, slug: schema.staff.slug });
    const staffId = idMap(staffRows, (r) => r.slug);

    const tagRows = await tx
      .insert(schema.tags)
      .values(TAGS.map((t) => ({ slug: t.slug, name: t.name, description: t.description })))
      .returning({ id: schema.tags.id, slug: schema.tags.slug });
    const tagId = idMap(tagRows, (r) => r.slug);

    // Rendered and stored as uploads once the publication is claimed (db/seed-pictures.ts). Loaded
    // here, not at the top: the e2e helpers import this file for the demo accounts, and the image
    // pipeline is server-only.
    const { uploadDemoPictures, withDemoPictures } = await import('./seed-pictures');
    const pictures = await uploadDemoPictures(now);
    const picture = (name: ImageName) => pictures.get(name)!;
    const mediaRows = await tx
      .insert(schema.media)
      .values(
        IMAGES.map((image, i) => ({
          src: picture(image.name).src,
          mimeType: picture(image.name).mimeType,
          width: picture(image.name).width,
          height: picture(image.name).height,
          bytes: picture(image.name).bytes,
          variants: picture(image.name).variants,
          alt: image.alt,
          caption: image.caption,
          credit: imageCredit(image.name),
          uploadedBy: staffId(image.artist),
          createdAt: new Date(now.getTime() - (RECENT_DAYS + 2) * DAY + i * MINUTE),
          modifiedAt: new Date(now.getTime() - (RECENT_DAYS + 2) * DAY + i * MINUTE),
        })),
      )
      .returning({ id: schema.media.id, src: schema.media.src });
    const mediaId = idMap(mediaRows, (r) => r.src);

    const articleRows = await tx
      .insert(schema.articles)
      .values(
        p.articles.map((a) => ({
          slug: a.slug,
          path: a.firstPublishedAt && a.section ? articlePath({ sectionSlug: a.section, slug: a.slug, firstPublishedAt: a.firstPublishedAt }, TZ) : null,
          headline: a.written.headline,
          standfirst: a.written.standfirst,
          body: withDemoPictures(a.body, pictures),
          bodyText: bodyToText(a.body),
          status: a.status,
          sectionId: a.section ? sectionId(a.section) : null,
          firstPublishedAt: a.firstPublishedAt,
          publishedAt: a.publishedAt,
          updatedAt: a.updatedAt,
          withdrawnAt: a.withdrawnAt,
          featuredImageId: a.image ? mediaId(picture(a.image).src) : null,
          seoDescription: a.seoDescription,
          commentMode: a.commentMode,
          commentsCloseAt: a.commentsCloseAt,
          bylineText: a.wire ? WIRE_DESK.byline : null,
          wireInitials: a.wire?.initials ?? null,
          wireAgencies: a.wire?.agencies ?? [],
          createdBy: staffId(a.authors[0] ?? 'tobias-wren'),
          createdAt: a.createdAt,
          modifiedAt: a.modifiedAt,
        })),
      )
      .returning({ id: schema.articles.id, slug: schema.articles.slug });
    const idBySlug = idMap(articleRows, (r) => r.slug);
    const slugByKey = new Map(p.articles.map((a) => [a.key, a.slug]));
    const articleId = (key: string) => idBySlug(slugByKey.get(key) ?? `missing:${key}`);

    const authorRows = p.articles.flatMap((a) => a.authors.map((s, position) => ({ articleId: articleId(a.key), staffId: staffId(s), position })));
    if (authorRows.length) await tx.insert(schema.articleAuthors).values(authorRows);
    const tagLinks = p.articles.flatMap((a) => a.tags.map((t) => ({ articleId: articleId(a.key), tagId: tagId(t) })));
    if (tagLinks.length) await tx.insert(schema.articleTags).values(tagLinks);

    await tx.insert(schema.corrections).values(
      p.corrections.map((c) => ({ articleId: articleId(c.article), kind: c.kind, body: c.body, publishedAt: c.publishedAt, staffId: staffId(c.staff) })),
    );
    await tx.insert(schema.urlHistory).values(p.urlHistory.map((u) => ({ path: u.path, articleId: articleId(u.article), createdAt: u.createdAt })));
    // The demo's live blog: Storm Isolde, still blowing (db/seed-live-blog.ts).
    await seedLiveBlog(tx, { now, sectionId, staffId, timeZone: TZ });
    // The withdrawn demo story keeps the promise of its 410 page: the reason is on /corrections.
    await tx.insert(schema.articleWithdrawals).values({
      articleId: articleId(WITHDRAWN_STORY.key),
      headline: WITHDRAWN_STORY.written.headline,
      reason: 'The operator told us after publication that no decision on the home’s future had been made. We withdrew the story while we check it.',
      withdrawnAt: FIXED.withdrawnAt,
    });
    // An editor's choice of lead on the front page, until someone removes it (dashboard/front-page).
    await tx.insert(schema.frontPagePins).values({ sectionId: null, position: 0, articleId: articleId(PINNED_LEAD_STORY.key), pinnedBy: staffId('tobias-wren'), createdAt: now });
    await tx.insert(schema.auditLog).values({ staffId: staffId('tobias-wren'), action: 'layout.lead_pin', subject: `article:${articleId(PINNED_LEAD_STORY.key)}`, detail: { expiresAt: null }, createdAt: now });

    // Comments go in by depth, so each reply can name the id its parent was given.
    const commentIds = new Map<number, number>();
    const commentKey = (articleIdValue: number, createdAt: Date, email: string) => `${articleIdValue}|${createdAt.toISOString()}|${email}`;
    for (let depth = 0; depth <= 2; depth++) {
      const level = p.comments.map((c, index) => ({ c, index })).filter(({ c }) => c.depth === depth);
      if (level.length === 0) continue;
      const rows = await tx
        .insert(schema.comments)
        .values(
          level.map(({ c }) => ({
            articleId: articleId(c.article),
            parentId: c.parent === null ? null : commentIds.get(c.parent)!,
            authorName: c.authorName,
            authorEmail: c.authorEmail,
            body: c.body,
            status: c.status,
            heldReason: c.heldReason,
            clientAddress: c.clientAddress,
            userAgent: c.userAgent,
            depth: c.depth,
            createdAt: c.createdAt,
            modifiedAt: c.createdAt,
          })),
        )
        .returning({ id: schema.comments.id, articleId: schema.comments.articleId, createdAt: schema.comments.createdAt, authorEmail: schema.comments.authorEmail });
      const byKey = new Map(rows.map((r) => [commentKey(r.articleId, r.createdAt, r.authorEmail), r.id]));
      for (const { c, index } of level) {
        const id = byKey.get(commentKey(articleId(c.article), c.createdAt, c.authorEmail));
        if (id === undefined) throw new Error(`Could not find the id of a seeded comment on ${c.article}`);
        commentIds.set(index, id);
      }
    }

    // A week of made-up page views, so "Most read" and the audience charts have data (db/seed-views.ts).
    await seedViews(tx, now, PUBLICATION.timeZone);

    const count = (status: ArticleStatus) => p.articles.filter((a) => a.status === status).length;
    const counts: SeedCounts = {
      sections: sectionRows.length,
      staff: staffRows.length,
      tags: tagRows.length,
      media: mediaRows.length,
      published: count('published'),
      withdrawn: count('withdrawn'),
      drafts: count('draft'),
      inReview: count('in_review'),
      scheduled: count('scheduled'),
      wire: p.articles.filter((a) => a.wire).length,
      corrections: p.corrections.length,
      urlHistory: p.urlHistory.length,
      comments: p.comments.length,
    };
    return { created: true, counts };
  });
}

function idMap<R extends { id: number }>(rows: R[], keyOf: (row: R) => string): (key: string) => number {
  const map = new Map(rows.map((r) => [keyOf(r), r.id]));
  return (key) => {
    const id = map.get(key);
    if (id === undefined) throw new Error(`Seed: nothing inserted for "${key}"`);
    return id;
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const started = performance.now();
  (async () => {
    await migrateDatabase();
    const migrated = performance.now();
    const { db, location } = getConnection();
    const result = await seedDatabase(db);
    const seconds = ((performance.now() - migrated) / 1000).toFixed(1);
    const migrateSeconds = ((migrated - started) / 1000).toFixed(1);
    if (!result.created) {
      console.log(`Nothing to do: ${location} already has a publication. Seeding only fills an empty database.`);
    } else {
      const c = result.counts!;
      console.log(`Seeded ${location} with ${PUBLICATION.name} in ${seconds}s (migrations took ${migrateSeconds}s):`);
      console.log(`  ${c.sections} sections, ${c.tags} tags, ${c.media} images, ${c.staff} staff`);
      console.log(`  ${c.published} published articles (${c.wire} from the wire desk), ${c.withdrawn} withdrawn, ${c.drafts} drafts, ${c.inReview} in review, ${c.scheduled} scheduled`);
      console.log(`  ${c.corrections} corrections, ${c.urlHistory} old URLs, ${c.comments} comments`);
      console.log(`Sign in at /signin with any of these, password "${DEMO_PASSWORD}":`);
      for (const s of DEMO_STAFF) console.log(`  ${s.email.padEnd(28)} ${s.role.padEnd(12)} ${s.name}`);
    }
    await closeDb();
  })().catch(async (error: unknown) => {
    console.error(`Seeding failed: ${error instanceof Error ? error.message : String(error)}`);
    await closeDb().catch(() => {});
    process.exit(1);
  });
}
