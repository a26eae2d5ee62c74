import { describe, expect, it } from 'vitest';
import { publishBlockers, runChecklist, type ChecklistInput } from './checklist';

const good: ChecklistInput = {
  headline: 'Harbour wall holds through the storm',
  standfirst: 'Engineers say repairs worked.',
  seoDescription: null,
  sectionId: 1,
  authorCount: 1,
  bylineText: null,
  body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'All quiet.' }] }] },
  featuredAlt: 'The wall at dawn',
  hasFeaturedImage: true,
};

describe('the pre-publish checklist', () => {
  it('passes a finished article', () => {
    expect(runChecklist(good).every((r) => r.ok)).toBe(true);
  });

  it('catches each problem the newsroom asked for', () => {
    const failed = runChecklist({
      ...good,
      headline: 'x'.repeat(111),
      standfirst: '',
      sectionId: null,
      authorCount: 0,
      featuredAlt: '',
      body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Quote from TK here.' }] }, { type: 'image', attrs: { src: '/a.jpg', alt: '' } }] },
    })
      .filter((r) => !r.ok)
      .map((r) => r.id);
    expect(failed.sort()).toEqual(['alt_text', 'byline', 'description', 'headline_length', 'section', 'tk']);
  });

  it('finds a TK left in a table cell or an embed caption', () => {
    const tk = (body: ChecklistInput['body']) => runChecklist({ ...good, body }).find((r) => r.id === 'tk')!;
    expect(tk({ type: 'doc', content: [{ type: 'table', content: [{ type: 'tableRow', content: [{ type: 'tableCell', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Fare TK' }] }] }] }] }] }).ok).toBe(false);
    expect(tk({ type: 'doc', content: [{ type: 'embed', attrs: { url: 'https://vimeo.com/1', provider: 'vimeo', caption: 'Filmed by TK' } }] }).ok).toBe(false);
    expect(tk({ type: 'doc', content: [{ type: 'embed', attrs: { url: 'https://vimeo.com/1', provider: 'vimeo', caption: 'Filmed by the crew' } }] }).ok).toBe(true);
  });

  it('does not mistake words containing tk for the placeholder', () => {
    expect(runChecklist({ ...good, standfirst: 'Talks in Tkvarcheli and outskirts' }).find((r) => r.id === 'tk')!.ok).toBe(true);
  });

  it('lets warnings be overridden unless the settings make them blocking', () => {
    const results = runChecklist({ ...good, standfirst: '', sectionId: null });
    expect(publishBlockers(results, [], true)).toEqual([]);
    expect(publishBlockers(results, ['section'], true).map((r) => r.id)).toEqual(['section']);
    expect(publishBlockers(results, [], false).map((r) => r.id).sort()).toEqual(['description', 'section']);
  });

  it('never lets an image without alt text be published, override or not', () => {
    const results = runChecklist({ ...good, featuredAlt: '' });
    expect(publishBlockers(results, [], true).map((r) => r.id)).toEqual(['alt_text']);
  });
});
