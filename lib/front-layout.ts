import { dateFormat } from './dates';

// The editors' front page: which stories fill which slots, and the rules for what an editor may
// type into the layout editor. Pure, so the same arrangement runs on a cached query's result at
// every render (a pin that expired since the query was cached drops out without a refresh).

/** How many top stories a section has: its lead and the secondary row (and its block on the front page). */
export const SECTION_TOP_SLOTS = 4;
/** The front page's own pins: the lead only. */
export const FRONT_LEAD_SLOTS = 1;

export type PinnedStory<T> = { card: T; position: number; expiresAt: string | null };

/** The pinned stories still standing at `now`, in their editor's order. */
export function standingPins<T>(pins: PinnedStory<T>[], now: Date): T[] {
  return pins
    .filter((p) => p.expiresAt === null || new Date(p.expiresAt).getTime() > now.getTime())
    .sort((a, b) => a.position - b.position)
    .map((p) => p.card);
}

/**
 * `size` slots: the pinned stories first, in order, then the newest of `newest` (already newest
 * first), never a story twice and never one in `exclude` (a story shown elsewhere on the page).
 */
export function fillSlots<T extends { id: number }>(pinned: T[], newest: T[], size: number, exclude: ReadonlySet<number> = new Set()): T[] {
  const out: T[] = [];
  const seen = new Set(exclude);
  for (const story of [...pinned, ...newest]) {
    if (out.length >= size) break;
    if (seen.has(story.id)) continue;
    seen.add(story.id);
    out.push(story);
  }
  return out;
}

/** The first of these times after `now` (a pin's expiry, the strip's end), or null. */
export function nextChange(times: (string | null | undefined)[], now: Date): Date | null {
  let next: number | null = null;
  for (const t of times) {
    if (!t) continue;
    const ms = new Date(t).getTime();
    if (ms > now.getTime() && (next === null || ms < next)) next = ms;
  }
  return next === null ? null : new Date(next);
}

/**
 * How long a page that shows something ending at `next` may be kept by any cache: half the time
 * left (at least a second), never more than `maxSeconds`. Half, because a copy taken from a cache
 * late in its life is kept again for the lifetime it was rendered with: with half the remaining
 * time, that second copy still ends by `next` (docs/decisions/2026-12-01-edited-front-page.md).
 */
export function cacheSecondsBefore(next: Date | null, now: Date, maxSeconds: number): number {
  if (!next) return maxSeconds;
  const left = (next.getTime() - now.getTime()) / 1000;
  return Math.max(1, Math.min(maxSeconds, Math.floor(left / 2)));
}

// ---------------------------------------------------------------------------------------------
// What an editor types

/**
 * A story as an editor names it: its number ("12"), its newsroom address (/dashboard/articles/12)
 * or its reader address (/city/2026/12/01/slug), with or without the site's origin.
 */
export type StoryReference = { id: number } | { path: string };

export function parseStoryReference(value: string): StoryReference | null {
  const v = value.trim();
  if (/^#?\d{1,10}$/.test(v)) {
    const id = Number(v.replace('#', ''));
    return id > 0 && id <= 2147483647 ? { id } : null;
  }
  let path = v;
  if (/^https?:\/\//i.test(v)) {
    try {
      path = new URL(v).pathname;
    } catch {
      return null;
    }
  }
  const newsroom = /^\/dashboard\/articles\/(\d{1,10})(?:\/.*)?$/.exec(path);
  if (newsroom) {
    const id = Number(newsroom[1]);
    return id > 0 && id <= 2147483647 ? { id } : null;
  }
  const reader = /^(\/[a-z0-9-]{1,120}\/\d{4}\/\d{2}\/\d{2}\/[a-z0-9-]{1,120})\/?$/.exec(path);
  return reader ? { path: reader[1]! } : null;
}

/**
 * The strip's link: empty (no link), an http or https address, or a path on this site ("/live").
 * Anything else (javascript:, mailto:, "//elsewhere", plain words) is refused with a reason.
 */
export function parseStripLink(value: string): { ok: true; href: string | null } | { ok: false; message: string } {
  const v = value.trim();
  if (!v) return { ok: true, href: null };
  if (v.length > 500) return { ok: false, message: 'At most 500 characters.' };
  if (v.startsWith('/')) {
    if (v.startsWith('//') || /\s/.test(v)) return { ok: false, message: 'A site path starts with a single “/” and has no spaces, like /city/live.' };
    return { ok: true, href: v };
  }
  if (/^https?:\/\//i.test(v)) {
    try {
      const url = new URL(v);
      if (url.hostname) return { ok: true, href: url.toString() };
    } catch {
      // Falls through to the refusal.
    }
    return { ok: false, message: 'That address is not a web address anyone can open.' };
  }
  return { ok: false, message: 'Give an http:// or https:// address, or a path on this site starting with “/”.' };
}

const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

function zoneOffsetMs(ms: number, timeZone: string): number {
  const parts = dateFormat('en-GB', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(new Date(ms));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - Math.floor(ms / 1000) * 1000;
}

/**
 * A date-and-time field's value ("2026-12-01T18:30", as <input type="datetime-local"> sends it),
 * read as the clock on the wall in the paper's time zone; null when it is not such a time.
 */
export function wallTimeInZone(value: string, timeZone: string): Date | null {
  const m = WALL_TIME.exec(value.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map((n) => Number(n ?? 0)) as [number, number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(wall);
  if (y < 1970 || y > 2999 || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return null;
  const first = wall - zoneOffsetMs(wall, timeZone);
  return new Date(wall - zoneOffsetMs(first, timeZone));
}

/** The value for a datetime-local field showing `iso` on the paper's clock. */
export function wallTimeValue(iso: string, timeZone: string): string {
  const ms = new Date(iso).getTime();
  const local = new Date(Math.floor(ms / 1000) * 1000 + zoneOffsetMs(ms, timeZone));
  return local.toISOString().slice(0, 16);
}
