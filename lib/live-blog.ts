// Live blogs, the pure part: what an entry and an update look like to a reader's page, the rules
// for input, and how a page applies an update to what it holds. Used by the server (queries,
// mutations, the update endpoint) and by the reader's island alike.
import { z } from 'zod';
import { articleBodySchema, bodyToText } from './article-body';

/** Entries on the live blog's first page and on each older page. */
export const LIVE_PAGE_SIZE = 20;
/** An update answer with more changed entries than this is sent as a fresh first page instead. */
export const LIVE_MAX_CHANGES = 100;
/** Poll interval bounds, in seconds (the database checks the same). */
export const LIVE_POLL_MIN = 2;
export const LIVE_POLL_MAX = 600;
export const LIVE_POLL_DEFAULT = 5;
/** How many of the newest entries the structured data and the RSS feed carry. */
export const LIVE_LATEST_UPDATES = 10;

export type LiveAuthor = { slug: string; name: string };

/** An entry as a reader's page shows it; `html` is the body rendered on the server (escaped, links checked). */
export type LiveEntryView = {
  id: number;
  title: string;
  html: string;
  postedAt: string;
  editedAt: string | null;
  keyEvent: boolean;
  pinned: boolean;
  correction: string | null;
  authors: LiveAuthor[];
};

export type KeyEventLink = { id: number; label: string; postedAt: string; href: string };

/**
 * What the update endpoint answers for "what changed since version V":
 * - `reset: false`: `entries` are the entries added or changed after V (newest first), `deleted`
 *   the ids removed after V;
 * - `reset: true`: V is unknown here (older than the oldest deletion record kept, newer than the
 *   blog, or too far behind): `entries` is the first page, to replace whatever the page holds.
 * Always: the blog's current version, the poll interval the server asks for, whether coverage is
 * still live (the page stops asking when it is not), the pinned entry and the key events.
 */
export type LiveUpdate = {
  version: number;
  interval: number;
  live: boolean;
  reset: boolean;
  entries: LiveEntryView[];
  deleted: number[];
  /** The pinned entry, in every answer (it may be far down the blog). */
  pinned: LiveEntryView | null;
  keyEvents: KeyEventLink[];
  /** Only with reset: the older-entries page after the first page, if any. */
  olderHref?: string | null;
};

/** Where a live blog's older entries are, for readers without JavaScript (keyset pages). */
export const liveOlderPath = (articleId: number, cursor: string) => `/live/${articleId}/before/${cursor}`;
export const liveUpdatesPath = (articleId: number) => `/live/${articleId}/updates.json`;
export const liveFeedPath = (articleSlug: string) => `/feeds/live/${articleSlug}.xml`;
export const entryAnchor = (id: number) => `entry-${id}`;

/** A position in a blog's newest-first entries: "<posted ms>-<id>"; a page shows the entries before it. */
export function encodeEntryCursor(entry: { postedAt: string | Date; id: number }): string {
  return `${new Date(entry.postedAt).getTime()}-${entry.id}`;
}

export function decodeEntryCursor(value: string): { postedAt: Date; id: number } | null {
  const m = /^(\d{1,15})-(\d{1,10})$/.exec(value);
  if (!m) return null;
  const id = Number(m[2]);
  const postedAt = new Date(Number(m[1]));
  if (id > 2147483647 || Number.isNaN(postedAt.getTime())) return null;
  return { postedAt, id };
}

/** The cursor of a page whose first entry is this one (the keyset is exclusive, so one id past it). */
export const cursorStartingAt = (entry: { postedAt: string | Date; id: number }) => `${new Date(entry.postedAt).getTime()}-${entry.id + 1}`;

/** The label of an entry in the key-events list: its title, else the start of its text. */
export function keyEventLabel(title: string, bodyText: string): string {
  const text = (title.trim() || bodyText.replace(/\s+/g, ' ').trim()) || 'Update';
  return text.length > 90 ? `${text.slice(0, 87).trimEnd()}…` : text;
}

/** The summary's key points: one a line, blank lines and list markers dropped. */
export function summaryPoints(summary: string): string[] {
  return summary
    .split('\n')
    .map((line) => line.replace(/^\s*[-*•]\s*/, '').trim())
    .filter(Boolean);
}

/** Whether coverage is live at `now`: started, and not ended. */
export function coverageIsLive(blog: { coverageStart: string | Date; coverageEnd: string | Date | null }, now: Date): boolean {
  if (new Date(blog.coverageStart).getTime() > now.getTime()) return true; // announced, not begun: still worth watching
  return blog.coverageEnd === null || new Date(blog.coverageEnd).getTime() > now.getTime();
}

/**
 * How long a shared cache may keep an update answer: half the poll interval, between 1 and 10
 * seconds. However many readers poll, the app renders each version's answer about once per window.
 */
export const updateCacheSeconds = (intervalSeconds: number) => Math.max(1, Math.min(10, Math.ceil(intervalSeconds / 2)));

// Input rules. FormData values are strings; the composer sends JSON for the body.

const title = z.string().trim().max(200, 'A title can be at most 200 characters.');
const body = articleBodySchema.refine((b) => bodyToText(b).trim().length > 0 || b.content.some((x) => x.type === 'image'), 'Write something before posting: the entry is empty.');

export const liveEntryInputSchema = z.object({
  title: title.default(''),
  body,
  keyEvent: z.boolean().default(false),
  pinned: z.boolean().default(false),
});
export type LiveEntryInput = z.input<typeof liveEntryInputSchema>;

export const liveEntryEditSchema = z.object({
  title: title.default(''),
  body,
  /** An editor's correction note shown with the entry; '' removes it. */
  correction: z.string().trim().max(1000, 'A correction note can be at most 1,000 characters.').optional(),
  /** The entry's version the editor started from, so a second editor's change is not overwritten. */
  expectedVersion: z.number().int().nonnegative(),
});
export type LiveEntryEdit = z.input<typeof liveEntryEditSchema>;

export const liveBlogSettingsSchema = z.object({
  summary: z.string().trim().max(4000, 'The summary can be at most 4,000 characters.').transform((s) => s.replace(/\r\n/g, '\n')),
  pollSeconds: z.coerce
    .number({ message: 'Enter a number of seconds.' })
    .int('Enter a whole number of seconds.')
    .min(LIVE_POLL_MIN, `Readers' pages can ask at most every ${LIVE_POLL_MIN} seconds.`)
    .max(LIVE_POLL_MAX, `Readers' pages must ask at least every ${LIVE_POLL_MAX} seconds.`),
  /** An ISO time with its zone; left out, coverage keeps its start. */
  coverageStart: z
    .string()
    .optional()
    .transform((v) => (v ? new Date(v) : undefined))
    .refine((d) => d === undefined || !Number.isNaN(d.getTime()), 'Enter a valid date and time.'),
});

// The reader's side: what a page holds, and how an update changes it.

export type LiveShown = { entries: LiveEntryView[]; pinned: LiveEntryView | null; keyEvents: KeyEventLink[]; olderHref: string | null };

const newestFirst = (a: LiveEntryView, b: LiveEntryView) => b.postedAt.localeCompare(a.postedAt) || b.id - a.id;

/**
 * The blog as it is after an update: deletions removed, edits in place, new entries in time order;
 * a reset replaces everything. The island keeps this as "latest" and shows it when asked.
 */
export function applyUpdate(state: LiveShown, update: LiveUpdate): LiveShown {
  if (update.reset) return { entries: [...update.entries].sort(newestFirst), pinned: update.pinned, keyEvents: update.keyEvents, olderHref: update.olderHref ?? null };
  const gone = new Set(update.deleted);
  const byId = new Map(state.entries.filter((e) => !gone.has(e.id)).map((e) => [e.id, e]));
  for (const e of update.entries) if (!gone.has(e.id)) byId.set(e.id, e);
  return { entries: [...byId.values()].sort(newestFirst), pinned: update.pinned, keyEvents: update.keyEvents, olderHref: state.olderHref };
}

/**
 * What changes on screen at once: edits and deletions of entries the reader already has (an edit
 * keeps its place). New entries, the pinned entry and the key events wait for the reader, so
 * nothing new pushes the text they are reading.
 */
export function applyInPlace(shown: LiveShown, update: LiveUpdate): LiveShown {
  const gone = new Set(update.reset ? [] : update.deleted);
  const changed = new Map(update.entries.map((e) => [e.id, e]));
  const keep = (e: LiveEntryView) => (changed.has(e.id) ? { ...changed.get(e.id)!, pinned: e.pinned } : e);
  // The pinned entry on screen is edited in place and goes at once if deleted; a change of which
  // entry is pinned waits for the reader like new entries do.
  const pinned = shown.pinned && update.pinned?.id === shown.pinned.id ? update.pinned : shown.pinned && gone.has(shown.pinned.id) ? null : shown.pinned;
  return { ...shown, pinned, entries: shown.entries.filter((e) => !gone.has(e.id)).map(keep) };
}

/** How many entries the latest state has that the screen does not: the "N new updates" count. */
export function unseenCount(shown: LiveShown, latest: LiveShown): number {
  const held = new Set(shown.entries.map((e) => e.id));
  return latest.entries.filter((e) => !held.has(e.id)).length;
}

/** Whether the latest state differs from the screen in anything that waits for the reader. */
export function hasWaitingChanges(shown: LiveShown, latest: LiveShown): boolean {
  return unseenCount(shown, latest) > 0 || (shown.pinned?.id ?? null) !== (latest.pinned?.id ?? null) || shown.keyEvents.map((k) => k.id).join() !== latest.keyEvents.map((k) => k.id).join();
}

/** The delay before the next poll: the server's interval while all is well, doubling after failures, at most five minutes. */
export function nextPollDelay(intervalSeconds: number, failures: number): number {
  const base = Math.max(LIVE_POLL_MIN, intervalSeconds) * 1000;
  return Math.min(300_000, base * 2 ** Math.min(failures, 8));
}

