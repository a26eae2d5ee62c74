import { describe, expect, it } from 'vitest';
import { auditWords, csvField, parseAuditFilter } from './audit';

describe('the audit log’s filter and export', () => {
  it('reads a filter from the query string, accepting an article’s newsroom address for its number', () => {
    expect(parseAuditFilter({ person: '4', article: 'https://news.example/dashboard/articles/12/revisions', action: 'article.publish', from: '2026-11-01', to: '2026-11-30' })).toEqual({
      filter: { staffId: 4, articleId: 12, action: 'article.publish', from: '2026-11-01', to: '2026-11-30' },
      errors: [],
    });
    expect(parseAuditFilter({})).toEqual({ filter: {}, errors: [] });
  });

  it('names each nonsensical value in plain words instead of failing', () => {
    const { filter, errors } = parseAuditFilter({ person: 'bob', article: '99999999999', action: 'drop.table', from: '2026-02-30', to: 'yesterday' });
    expect(filter).toEqual({});
    expect(errors).toHaveLength(5);
    expect(parseAuditFilter({ from: '2026-12-02', to: '2026-12-01' }).errors).toEqual(['The “from” date is after the “to” date, so nothing can match.']);
  });

  it('shows words, not codes, even for an action it does not know', () => {
    expect(auditWords('media.upload')).toBe('uploaded an image');
    expect(auditWords('thing.went_missing')).toBe('thing went missing');
  });

  it('quotes CSV fields and defuses formulas a spreadsheet would run', () => {
    expect(csvField('He said "no", twice')).toBe('"He said ""no"", twice"');
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvField('-1')).toBe(`"'-1"`);
  });
});
