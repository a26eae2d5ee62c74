import { describe, expect, it } from 'vitest';
import { articlePath, isSlug, parseArticlePath, slugify } from './urls';

describe('article URLs', () => {
  it('carry the section and the first-publication date in the publication time zone', () => {
    // 23:30 UTC on 31 March 2026 is already 1 April in London (BST).
    const at = new Date('2026-03-31T23:30:00Z');
    expect(articlePath({ sectionSlug: 'world', slug: 'ferry-returns', firstPublishedAt: at }, 'Europe/London')).toBe('/world/2026/04/01/ferry-returns');
    expect(articlePath({ sectionSlug: 'world', slug: 'ferry-returns', firstPublishedAt: at }, 'UTC')).toBe('/world/2026/03/31/ferry-returns');
  });

  it('parse only well-formed article paths', () => {
    expect(parseArticlePath('/world/2026/04/01/ferry-returns')).toEqual({ sectionSlug: 'world', yyyy: '2026', mm: '04', dd: '01', slug: 'ferry-returns' });
    for (const bad of ['/world/ferry', '/world/2026/4/1/x', '/World/2026/04/01/x', '/world/2026/04/01/..%2f', '/world/2026/04/01/a--b', `/world/2026/04/01/${'a'.repeat(200)}`]) {
      expect(parseArticlePath(bad), bad).toBeNull();
    }
  });

  it('accept as slugs only what the database can hold', () => {
    expect(isSlug('ferry-returns')).toBe(true);
    for (const bad of ['', 'Ferry', 'a_b', '%00', '..', 'a/b', '🚢', 'x'.repeat(121)]) expect(isSlug(bad), bad).toBe(false);
  });

  it('make slugs from headlines', () => {
    expect(slugify('Tide turns at Port Ellery’s old quay!')).toBe('tide-turns-at-port-ellerys-old-quay');
    expect(slugify('Café society: 10 years on')).toBe('cafe-society-10-years-on');
    expect(slugify('!!!')).toBe('untitled');
  });
});
