import { describe, expect, it } from 'vitest';
import { cacheSecondsBefore, fillSlots, nextChange, parseStoryReference, parseStripLink, standingPins, wallTimeInZone, wallTimeValue } from './front-layout';

const s = (id: number) => ({ id });

describe('filling slots', () => {
  it('puts the pins first in their order, then the newest, never a story twice or an excluded one', () => {
    expect(fillSlots([s(9), s(2)], [s(1), s(2), s(3), s(4), s(5)], 4).map((x) => x.id)).toEqual([9, 2, 1, 3]);
    expect(fillSlots([s(9)], [s(1), s(2), s(3)], 4, new Set([1])).map((x) => x.id)).toEqual([9, 2, 3]);
    expect(fillSlots([s(9)], [s(1)], 4, new Set([9])).map((x) => x.id)).toEqual([1]);
  });

  it('keeps only the pins still standing, in position order', () => {
    const now = new Date('2026-12-01T12:00:00Z');
    const pins = [
      { card: 'b', position: 1, expiresAt: null },
      { card: 'a', position: 0, expiresAt: '2026-12-01T13:00:00Z' },
      { card: 'gone', position: 2, expiresAt: '2026-12-01T12:00:00Z' },
    ];
    expect(standingPins(pins, now)).toEqual(['a', 'b']);
    expect(nextChange(pins.map((p) => p.expiresAt), now)?.toISOString()).toBe('2026-12-01T13:00:00.000Z');
  });
});

describe('how long a page with an ending may be cached', () => {
  const now = new Date('2026-12-01T12:00:00Z');
  it('half the time left, at least a second, at most the page’s own lifetime', () => {
    expect(cacheSecondsBefore(null, now, 300)).toBe(300);
    expect(cacheSecondsBefore(new Date(now.getTime() + 3600_000), now, 300)).toBe(300);
    expect(cacheSecondsBefore(new Date(now.getTime() + 120_000), now, 300)).toBe(60);
    expect(cacheSecondsBefore(new Date(now.getTime() + 500), now, 300)).toBe(1);
  });
});

describe('what an editor may type', () => {
  it('names a story by number, newsroom address or reader address', () => {
    expect(parseStoryReference('12')).toEqual({ id: 12 });
    expect(parseStoryReference(' #12 ')).toEqual({ id: 12 });
    expect(parseStoryReference('http://localhost:3000/dashboard/articles/41/revisions')).toEqual({ id: 41 });
    expect(parseStoryReference('https://news.example/city/2026/12/01/tide-turns/')).toEqual({ path: '/city/2026/12/01/tide-turns' });
    for (const bad of ['', 'tide turns', '0', '99999999999', '/city', 'javascript:alert(1)']) expect(parseStoryReference(bad), bad).toBeNull();
  });

  it('links the strip to http(s) or a site path, and nothing else', () => {
    expect(parseStripLink('')).toEqual({ ok: true, href: null });
    expect(parseStripLink('/city/live')).toEqual({ ok: true, href: '/city/live' });
    expect(parseStripLink('https://example.org/roads')).toEqual({ ok: true, href: 'https://example.org/roads' });
    for (const bad of ['javascript:alert(1)', 'mailto:desk@example.org', '//elsewhere.example/x', 'www.example.org', '/a b']) expect(parseStripLink(bad).ok, bad).toBe(false);
  });

  it('reads a date-and-time field on the paper’s clock, summer and winter', () => {
    expect(wallTimeInZone('2026-12-01T18:30', 'Europe/London')?.toISOString()).toBe('2026-12-01T18:30:00.000Z');
    expect(wallTimeInZone('2026-07-01T18:30', 'Europe/London')?.toISOString()).toBe('2026-07-01T17:30:00.000Z');
    expect(wallTimeInZone('2026-12-01T09:00', 'America/New_York')?.toISOString()).toBe('2026-12-01T14:00:00.000Z');
    expect(wallTimeValue('2026-07-01T17:30:00.000Z', 'Europe/London')).toBe('2026-07-01T18:30');
    for (const bad of ['', 'tomorrow', '2026-02-30T10:00', '2026-12-01 25:00', '2026-12-01T24:00']) expect(wallTimeInZone(bad, 'Europe/London'), bad).toBeNull();
  });
});
