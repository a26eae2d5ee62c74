import { describe, expect, it } from 'vitest';
import { articleDraftSchema, draftFromArticle, type ArticleDraftColumns } from './article-draft';

const row: ArticleDraftColumns & { id: number; status: string; bodyText: string } = {
  id: 7,
  status: 'published',
  bodyText: 'The wall held.',
  headline: 'Harbour wall holds',
  standfirst: 'Engineers say the repairs worked.',
  slug: 'harbour-wall-holds',
  sectionId: 2,
  bylineText: null,
  wireInitials: 'ab/cd',
  wireAgencies: ['AP'],
  featuredImageId: 4,
  featuredAlt: 'The wall at dawn',
  featuredCaption: null,
  featuredCredit: 'Photo desk',
  body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'The wall held.' }] }] },
  seoTitle: null,
  seoDescription: 'Repairs worked.',
  canonicalUrl: null,
  commentMode: 'moderated',
  commentsCloseAt: new Date('2026-03-01T18:00:00+01:00'),
  embargoUntil: null,
};

describe('an article row in the editor’s shape', () => {
  it('is a draft the save schema accepts unchanged, so opening and saving an article alters nothing', () => {
    const draft = draftFromArticle(row, { tags: ['Harbour', 'Weather'], authorIds: [3, 1] });
    expect(articleDraftSchema.parse(draft)).toEqual(draft);
  });

  it('carries the tags and the byline order given, dates as UTC ISO strings, and none of the row’s other columns', () => {
    const draft = draftFromArticle(row, { tags: ['Harbour'], authorIds: [3, 1] });
    expect(draft.tags).toEqual(['Harbour']);
    expect(draft.authorIds).toEqual([3, 1]);
    expect(draft.commentsCloseAt).toBe('2026-03-01T17:00:00.000Z');
    expect(draft.embargoUntil).toBeNull();
    expect(Object.keys(draft).sort()).toEqual(Object.keys(articleDraftSchema.parse({ headline: 'x', slug: 'x', body: row.body })).sort());
  });
});
