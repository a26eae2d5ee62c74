import { describe, expect, it } from 'vitest';
import { archiveAddresses, articleSlugFor, effectiveStatus, mayBeOldAddress, normalizeOldPath, oldAddressesOfItem, sectionSlugFor, truncateBytes, uploadAddress, uploadPathOf, wordpressQuery } from './mapping';
import type { WxrSite } from './wxr';

const site: WxrSite = { title: 'T', link: 'https://paper.example', baseSiteUrl: 'https://paper.example', baseBlogUrl: 'https://paper.example/news', wxrVersion: '1.2', language: '' };

describe('old addresses', () => {
  it('are stored in one form: no trailing slash, upper-case escapes, only WordPress’s own query parameter', () => {
    expect(normalizeOldPath('/2024/03/05/story/')).toBe('/2024/03/05/story');
    expect(normalizeOldPath('/caf%c3%a9/')).toBe('/caf%C3%A9');
    expect(normalizeOldPath('/index.php', '?p=12&utm_source=x')).toBe('/?p=12');
    expect(normalizeOldPath('/', '?utm_source=x')).toBe('/');
    expect(normalizeOldPath('/wp-content/uploads/2024/03/lamp-1024x683.jpg')).toBe('/wp-content/uploads/2024/03/lamp.jpg');
    expect(wordpressQuery('?s=harbour')).toBeNull();
  });

  it('of a post: permalink, shortlink, GUID, one per old slug, and its comment feed', () => {
    const item = { id: 7, link: 'https://paper.example/news/2024/03/05/new-slug/', guid: 'https://paper.example/news/?p=7', type: 'post', slug: 'new-slug', meta: [{ key: '_wp_old_slug', value: 'first-slug' }] };
    expect(oldAddressesOfItem(item, site)).toEqual([
      { path: '/news/2024/03/05/new-slug', kind: 'permalink' },
      { path: '/news?p=7', kind: 'shortlink' },
      { path: '/news/2024/03/05/first-slug', kind: 'old-slug' },
      { path: '/news/2024/03/05/new-slug/feed', kind: 'feed' },
    ]);
  });

  it('of archives, under the blog’s folder, with their query forms', () => {
    expect(archiveAddresses('category', 'local/council', 6, site).map((a) => a.path)).toEqual(['/news/category/local/council', '/news/category/local/council/feed', '/news?cat=6']);
    expect(archiveAddresses('author', 'jdoe', 3, site).map((a) => a.path)).toContain('/news?author=3');
  });

  it('of uploads: the original behind a sized copy, under the site’s folder; nothing outside uploads/', () => {
    expect(uploadPathOf('https://paper.example/wp-content/uploads/2024/03/lamp-300x200.jpg')).toEqual({ path: '2024/03/lamp-300x200.jpg', original: '2024/03/lamp.jpg' });
    expect(uploadPathOf('https://paper.example/wp-content/uploads/../../wp-config.php')).toBeNull();
    expect(uploadAddress('2024/03/café.jpg', site)).toBe('/wp-content/uploads/2024/03/caf%C3%A9.jpg');
  });

  it('are never looked up under the site’s own folders', () => {
    expect(mayBeOldAddress('/2024/03/05/story')).toBe(true);
    for (const own of ['/dashboard/articles', '/api/health', '/search', '/media/2026/01/x.jpg', '/feeds/all.xml']) expect(mayBeOldAddress(own), own).toBe(false);
  });
});

describe('statuses and slugs', () => {
  const post = { status: 'publish', password: '', dateGmt: '2024-03-05 09:30:00', pubDate: '', date: '' };
  it('publishes only what WordPress published, with a date, and no password', () => {
    expect(effectiveStatus(post)).toBe('published');
    expect(effectiveStatus({ ...post, status: 'future' })).toBe('scheduled');
    expect(effectiveStatus({ ...post, status: 'pending' })).toBe('in_review');
    for (const status of ['draft', 'private', 'trash', 'auto-draft']) expect(effectiveStatus({ ...post, status })).toBe('draft');
    expect(effectiveStatus({ ...post, password: 'secret' })).toBe('draft');
    expect(effectiveStatus({ ...post, dateGmt: '0000-00-00 00:00:00' })).toBe('draft');
  });

  it('makes slugs Broadsheet accepts from encoded, trashed or missing WordPress slugs', () => {
    expect(articleSlugFor({ slug: 'caf%c3%a9-opens', title: 'x', id: 1 })).toBe('cafe-opens');
    expect(articleSlugFor({ slug: 'binned__trashed', title: 'x', id: 2 })).toBe('binned');
    expect(articleSlugFor({ slug: '', title: 'Storm warning!', id: 3 })).toBe('storm-warning');
    expect(sectionSlugFor('search')).toBe('search-news');
  });

  it('cuts names to a byte length without splitting a character', () => {
    expect(truncateBytes('ééé', 5)).toBe('éé');
  });
});
