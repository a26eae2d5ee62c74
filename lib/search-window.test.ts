import { describe, expect, it } from 'vitest';
import { DAY_MS, estimatedTotal, firstWindowMs, newestWindow, periodLexemes, roundEstimate, widenedWindowMs, windowLexemes } from './search-window';

const day = (iso: string) => Math.round((Date.parse(iso) - Date.UTC(2000, 0, 1)) / DAY_MS);

describe('the window of newest days (article_search_facets in the search index)', () => {
  it('covers a span with whole years and months where they fit and single days at the edges', () => {
    const month = (y: number, m: number) => y * 12 + m - 1;
    expect(periodLexemes('p', new Date('2024-12-30T15:00:00Z'), new Date('2026-02-02T08:00:00Z'))).toEqual([
      `pd${day('2024-12-30')}`,
      `pd${day('2024-12-31')}`,
      'py2025',
      `pm${month(2026, 1)}`,
      `pd${day('2026-02-01')}`,
      `pd${day('2026-02-02')}`,
    ]);
    // A month that has not ended is asked for day by day; staff windows follow modified_at ('m').
    expect(periodLexemes('m', new Date('2026-03-01T00:00:00Z'), new Date('2026-03-03T23:59:59Z'))).toEqual([
      `md${day('2026-03-01')}`,
      `md${day('2026-03-02')}`,
      `md${day('2026-03-03')}`,
    ]);
  });

  it('asks for a long window in whole months or years, few keys for GIN to advance', () => {
    const upper = new Date('2026-11-28T10:00:00Z');
    const short = windowLexemes('p', Date.parse('2026-11-20T00:00:00Z'), upper);
    expect(short.lexemes).toHaveLength(9);
    expect(short.startMs).toBe(Date.parse('2026-11-20T00:00:00Z'));
    // 100 days: from the start of August, in months (the current one whole; the scope drops what is not yet due).
    const months = windowLexemes('p', Date.parse('2026-08-20T00:00:00Z'), upper);
    expect(months.startMs).toBe(Date.parse('2026-08-01T00:00:00Z'));
    expect(months.lexemes).toEqual([2026 * 12 + 7, 2026 * 12 + 8, 2026 * 12 + 9, 2026 * 12 + 10].map((m) => `pm${m}`));
    // Three years: whole years.
    const years = windowLexemes('m', Date.parse('2023-06-01T00:00:00Z'), upper);
    expect(years).toEqual({ lexemes: ['my2023', 'my2024', 'my2025', 'my2026'], startMs: Date.parse('2023-01-01T00:00:00Z') });
  });

  it('starts the newest window at the beginning of a UTC day', () => {
    const upper = new Date('2026-11-28T10:00:00Z');
    const window = newestWindow('p', 2.5 * DAY_MS, upper);
    expect(window.startMs).toBe(Date.parse('2026-11-25T00:00:00Z'));
    expect(window.lexemes).toEqual(['2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28'].map((d) => `pd${day(d)}`));
  });
});

describe('sizing and widening the window', () => {
  it('sizes the first window by how fast articles arrive, a month when none did lately', () => {
    expect(firstWindowMs(100 / DAY_MS, 1500)).toBeCloseTo(15 * DAY_MS);
    expect(firstWindowMs(0, 1500)).toBe(30 * DAY_MS);
  });

  it('widens by the density measured, at least twice and at most 16 times', () => {
    const [start, upper] = [0, 10 * DAY_MS];
    expect(widenedWindowMs(start, upper, 100, 300)).toBeCloseTo(10 * DAY_MS * 3.9);
    expect(widenedWindowMs(start, upper, 0, 300)).toBe(160 * DAY_MS);
    expect(widenedWindowMs(start, upper, 1, 300)).toBe(160 * DAY_MS);
    expect(widenedWindowMs(start, upper, 299, 300)).toBe(20 * DAY_MS);
  });
});

describe('the estimated count', () => {
  it('scales the matches in a window by its share of the time in scope', () => {
    // Ten days of a hundred held 50 matches: about 500 in all.
    expect(estimatedTotal(50, 90 * DAY_MS, 100 * DAY_MS, 0)).toBe(500);
    // A window as long as the span is the whole count.
    expect(estimatedTotal(37, 0, 100 * DAY_MS, 0)).toBe(37);
  });

  it('rounds to two significant figures', () => {
    expect(roundEstimate(12_347)).toBe(12_000);
    expect(roundEstimate(156)).toBe(160);
    expect(roundEstimate(42.4)).toBe(42);
  });
});
