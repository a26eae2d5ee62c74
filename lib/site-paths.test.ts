import { describe, expect, it } from 'vitest';
import { APP_TOP_LEVEL_PATHS } from './app-paths.generated';
import { classifyReaderPath } from './reader-routes';
import { FIXED_PAGE_SLUGS, isReservedTopLevelPath } from './site-paths';

describe('the site’s own top-level paths', () => {
  it('reserves every route and public folder of the tree, every fixed page and Next’s assets', () => {
    for (const path of [...APP_TOP_LEVEL_PATHS, ...FIXED_PAGE_SLUGS, '_next']) expect(isReservedTopLevelPath(path), path).toBe(true);
    expect(APP_TOP_LEVEL_PATHS).toEqual(expect.arrayContaining(['search', 'dashboard', 'signin', 'feeds', 'sitemap.xml', 'robots.txt', 'manifest.webmanifest']));
  });

  it('leaves a section-shaped word free for sections', () => {
    expect(isReservedTopLevelPath('world')).toBe(false);
    expect(isReservedTopLevelPath('newsletter')).toBe(false);
  });

  it('the proxy leaves the site’s own pages to their routes and takes other first segments for sections', () => {
    expect(classifyReaderPath('/search')).toEqual({ kind: 'other' });
    expect(classifyReaderPath('/ethics')).toEqual({ kind: 'other' });
    expect(classifyReaderPath('/manifest.webmanifest')).toEqual({ kind: 'other' });
    expect(classifyReaderPath('/world')).toEqual({ kind: 'listing', listing: { type: 'section', slug: 'world', cursor: null } });
    expect(classifyReaderPath('/comments/not-posted/abc')).toEqual({ kind: 'refusal', token: 'abc' });
    // Rewrite targets have no public address of their own.
    expect(classifyReaderPath('/edition/front')).toEqual({ kind: 'missing' });
  });
});
