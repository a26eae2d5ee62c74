import { describe, expect, it } from 'vitest';
import {
  firstLexeme,
  normaliseQuery,
  parseDay,
  phraseAsWords,
  prefixWords,
  SEARCH_MAX_PAGE,
  SEARCH_MAX_QUERY_LENGTH,
  searchPageNumber,
  startOfDayInZone,
  toSegments,
  tsqueryProblem,
} from './search-query';

describe('what a person typed', () => {
  it('normalises control characters and broken surrogates away', () => {
    expect(normaliseQuery('a\u0000b\u0007c\ud800d').text).toBe('a b c d');
    expect(normaliseQuery(['x', 'y']).text).toBe('x');
    expect(normaliseQuery(undefined).text).toBe('');
  });

  it('strips the highlight marks, so a reader cannot forge a highlight', () => {
    expect(normaliseQuery('sea \uE000wall\uE001').text).toBe('sea wall');
  });

  it('cuts a long query at a word break and says it did', () => {
    const result = normaliseQuery('lighthouse '.repeat(40));
    expect(result.trimmed).toBe(true);
    expect(result.text.length).toBeLessThanOrEqual(SEARCH_MAX_QUERY_LENGTH);
    expect(result.text.endsWith('lighthouse')).toBe(true);
    expect(normaliseQuery('lighthouse keeper')).toEqual({ text: 'lighthouse keeper', trimmed: false });
  });

  it('reads the page asked for as a whole number from 1 to the last page searched', () => {
    expect(searchPageNumber('3')).toBe(3);
    expect(searchPageNumber(2.7)).toBe(2);
    expect(searchPageNumber(undefined)).toBe(1);
    expect(searchPageNumber('-4')).toBe(1);
    expect(searchPageNumber('x')).toBe(1);
    expect(searchPageNumber(9999)).toBe(SEARCH_MAX_PAGE);
  });

  it('builds prefixes from the positive words only', () => {
    expect(prefixWords('harbo -wall OR "sea de"')).toEqual(['harbo', 'sea']);
    expect(prefixWords('a b')).toEqual([]);
  });
});

describe('date filters', () => {
  it('accepts only yyyy-mm-dd dates that exist', () => {
    expect(parseDay('2024-02-29')).toBe('2024-02-29');
    expect(parseDay('2025-02-29')).toBeNull();
    expect(parseDay('2025-13-01')).toBeNull();
    expect(parseDay('1899-12-31')).toBeNull();
    expect(parseDay('1/2/2025')).toBeNull();
    expect(parseDay(['2025-01-01'])).toBeNull();
  });

  it('starts a day at midnight in the publication’s time zone, summer time included', () => {
    expect(startOfDayInZone('2026-01-10', 'Europe/London').toISOString()).toBe('2026-01-10T00:00:00.000Z');
    expect(startOfDayInZone('2026-07-01', 'Europe/London').toISOString()).toBe('2026-06-30T23:00:00.000Z');
    // The clocks go forward at 01:00 that morning: the day still began on GMT.
    expect(startOfDayInZone('2026-03-29', 'Europe/London').toISOString()).toBe('2026-03-29T00:00:00.000Z');
    expect(startOfDayInZone('2026-11-01', 'America/New_York').toISOString()).toBe('2026-11-01T04:00:00.000Z');
  });
});

describe('what PostgreSQL made of the query', () => {
  it('explains a query left with nothing to look for', () => {
    expect(tsqueryProblem({ nodes: 0, tree: 'T' })).toBe('stopwords');
    expect(tsqueryProblem({ nodes: 1, tree: 'T' })).toBe('negative-only');
    expect(tsqueryProblem({ nodes: 3, tree: "'budget'" })).toBeNull();
  });

  it('starts the snippet at the first word looked for, not one left out', () => {
    expect(firstLexeme("'sea' <-> 'wall'")).toBe('sea');
    expect(firstLexeme("'tax' & !'budget'")).toBe('tax');
    expect(firstLexeme("'o''neill'")).toBe("o'neill");
    expect(firstLexeme("!'budget'")).toBe('');
  });

  it('ranks a phrase by its words alone', () => {
    expect(phraseAsWords("'sea' <-> 'wall' & 'harbour' <2> 'arm'")).toBe("'sea' & 'wall' & 'harbour' & 'arm'");
  });
});

describe('highlighted results', () => {
  it('splits highlighted text into runs', () => {
    expect(toSegments('a \uE000b\uE001 c')).toEqual([
      { text: 'a ', mark: false },
      { text: 'b', mark: true },
      { text: ' c', mark: false },
    ]);
  });

  it('merges neighbouring runs of the same kind and drops empty ones', () => {
    expect(toSegments('\uE000sea\uE001\uE000 wall\uE001')).toEqual([{ text: 'sea wall', mark: true }]);
    expect(toSegments('')).toEqual([]);
  });
});
