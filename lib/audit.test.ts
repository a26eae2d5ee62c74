import { describe, expect, it } from 'vitest';
import { auditDetailText, auditWords, csvField, parseAuditFilter } from './audit';

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

  it('says what a layout change did: where, until when, what the strip said', () => {
    expect(auditWords('layout.lead_pin')).toBe('pinned the front page’s lead story');
    expect(auditDetailText('layout.lead_pin', { expiresAt: null })).toBe('Until removed.');
    expect(auditDetailText('layout.section_pin', { section: 'News', expiresAt: '2026-12-01T18:30:00.000Z' })).toBe('In News. Until 2026-12-01 18:30 UTC.');
    expect(auditDetailText('layout.section_order', { section: 'News', to: 1 })).toBe('Now number 1 in News.');
    expect(auditDetailText('layout.breaking_set', { text: 'Ferry aground', href: '/news', endsAt: '2026-12-01T20:00:00.000Z' })).toBe('“Ferry aground”, linking to /news, until 2026-12-01 20:00 UTC.');
  });

  it('quotes CSV fields and defuses formulas a spreadsheet would run', () => {
    expect(csvField('He said "no", twice')).toBe('"He said ""no"", twice"');
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvField('-1')).toBe(`"'-1"`);
  });
});
