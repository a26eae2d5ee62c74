import { describe, expect, it } from 'vitest';
import { applyInPlace, applyUpdate, coverageIsLive, cursorStartingAt, decodeEntryCursor, hasWaitingChanges, nextPollDelay, summaryPoints, unseenCount, updateCacheSeconds, type LiveEntryView, type LiveShown, type LiveUpdate } from './live-blog';
import { classifyReaderPath } from './reader-routes';

const entry = (id: number, minute: number, words = `Entry ${id}`): LiveEntryView => ({
  id,
  title: '',
  html: `<p>${words}</p>`,
  postedAt: new Date(Date.UTC(2026, 11, 1, 12, minute)).toISOString(),
  editedAt: null,
  keyEvent: false,
  pinned: false,
  correction: null,
  authors: [],
});
const update = (over: Partial<LiveUpdate>): LiveUpdate => ({ version: 9, interval: 5, live: true, reset: false, entries: [], deleted: [], pinned: null, keyEvents: [], ...over });
const shown = (entries: LiveEntryView[]): LiveShown => ({ entries, pinned: null, keyEvents: [], olderHref: null });

describe('a reader page applying an update', () => {
  it('new entries wait: the screen keeps what it had, the latest state has them in time order, and they are counted', () => {
    const screen = shown([entry(2, 2), entry(1, 1)]);
    const u = update({ entries: [entry(3, 3), entry(4, 4)] });
    const latest = applyUpdate(screen, u);
    expect(latest.entries.map((e) => e.id)).toEqual([4, 3, 2, 1]);
    expect(applyInPlace(screen, u).entries.map((e) => e.id)).toEqual([2, 1]);
    expect(unseenCount(screen, latest)).toBe(2);
    expect(hasWaitingChanges(screen, latest)).toBe(true);
  });

  it('an edit replaces the entry where it is, on screen at once; a deletion removes it at once', () => {
    const screen = shown([entry(2, 2), entry(1, 1)]);
    const u = update({ entries: [{ ...entry(1, 1, 'Corrected words'), editedAt: '2026-12-01T12:30:00.000Z' }], deleted: [2] });
    const now = applyInPlace(screen, u);
    expect(now.entries.map((e) => [e.id, e.html])).toEqual([[1, '<p>Corrected words</p>']]);
    expect(unseenCount(now, applyUpdate(screen, u))).toBe(0);
  });

  it('a reset replaces everything in the latest state, and the screen changes only when asked', () => {
    const screen = shown([entry(2, 2), entry(1, 1)]);
    const u = update({ reset: true, entries: [entry(7, 7), entry(2, 2)], olderHref: '/live/1/before/1-2' });
    expect(applyUpdate(screen, u)).toMatchObject({ entries: [{ id: 7 }, { id: 2 }], olderHref: '/live/1/before/1-2' });
    expect(applyInPlace(screen, u).entries.map((e) => e.id)).toEqual([2, 1]);
  });

  it('a newly pinned entry waits; the pinned entry on screen is edited in place and goes at once when deleted', () => {
    const pinned = { ...entry(1, 1), pinned: true };
    const screen: LiveShown = { ...shown([pinned]), pinned };
    expect(applyInPlace(screen, update({ pinned: { ...entry(5, 5), pinned: true } })).pinned?.id).toBe(1);
    expect(applyInPlace(screen, update({ pinned: { ...pinned, html: '<p>new</p>' }, entries: [{ ...pinned, html: '<p>new</p>' }] })).pinned?.html).toBe('<p>new</p>');
    expect(applyInPlace(screen, update({ deleted: [1] })).pinned).toBeNull();
  });
});

describe('polling rules', () => {
  it('polls at the server’s interval, doubling after each failure up to five minutes', () => {
    expect(nextPollDelay(5, 0)).toBe(5000);
    expect(nextPollDelay(5, 1)).toBe(10_000);
    expect(nextPollDelay(5, 3)).toBe(40_000);
    expect(nextPollDelay(30, 20)).toBe(300_000);
    expect(nextPollDelay(0, 0)).toBe(2000);
  });
  it('shared caches keep an answer for half the interval, one to ten seconds', () => {
    expect(updateCacheSeconds(5)).toBe(3);
    expect(updateCacheSeconds(2)).toBe(1);
    expect(updateCacheSeconds(600)).toBe(10);
  });
  it('coverage is live until it ends', () => {
    const now = new Date('2026-12-01T12:00:00Z');
    expect(coverageIsLive({ coverageStart: '2026-12-01T08:00:00Z', coverageEnd: null }, now)).toBe(true);
    expect(coverageIsLive({ coverageStart: '2026-12-01T08:00:00Z', coverageEnd: '2026-12-01T11:00:00Z' }, now)).toBe(false);
  });
});

describe('addresses', () => {
  it('a cursor starting at an entry finds that entry first (the keyset is exclusive)', () => {
    const c = decodeEntryCursor(cursorStartingAt({ postedAt: '2026-12-01T12:00:00.123Z', id: 41 }))!;
    expect(c).toEqual({ postedAt: new Date('2026-12-01T12:00:00.123Z'), id: 42 });
    expect(decodeEntryCursor('12-abc')).toBeNull();
    expect(decodeEntryCursor('1-99999999999')).toBeNull();
  });
  it('older-entry pages are reader pages the proxy checks; other /live addresses are not pages', () => {
    expect(classifyReaderPath('/live/12/before/1764590400000-5')).toEqual({ kind: 'live-page', articleId: 12, cursor: '1764590400000-5' });
    expect(classifyReaderPath('/live/12/before/nope')).toEqual({ kind: 'missing' });
    expect(classifyReaderPath('/live/12')).toEqual({ kind: 'missing' });
    expect(classifyReaderPath('/live')).toEqual({ kind: 'missing' });
  });
  it('summary points: one a line, list markers and blank lines dropped', () => {
    expect(summaryPoints('- Winds of 90 mph\n\n* Schools shut\n  Ferries cancelled  ')).toEqual(['Winds of 90 mph', 'Schools shut', 'Ferries cancelled']);
  });
});
