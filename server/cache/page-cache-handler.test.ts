import { createRequire } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';

// The page store Next loads (page-cache-handler.cjs), as Next calls it: a shared-cache purge must
// follow the moment this store has expired the tags, never come before it, or Varnish could fetch
// the old page from this instance once more and keep it.

const require = createRequire(import.meta.url);
const PageCacheHandler = require('./page-cache-handler.cjs');
const { tagsManifest } = require('next/dist/server/lib/incremental-cache/tags-manifest.external.js');
const HOOK = Symbol.for('broadsheet.tagsExpired');
const hooks = globalThis as Record<symbol, unknown>;

afterEach(() => {
  delete hooks[HOOK];
});

describe('the page store', () => {
  const store = () => new PageCacheHandler({ fs: undefined, flushToDisk: false, serverDistDir: '/nowhere', revalidatedTags: [], maxMemoryCacheSize: 1024 * 1024 });

  it('tells the app which tags it expired, after marking them expired, leaving out Next’s path tags', async () => {
    const seen: { tags: string[]; expiredAlready: boolean[] }[] = [];
    hooks[HOOK] = (tags: string[]) => seen.push({ tags, expiredAlready: tags.map((t) => tagsManifest.get(t)?.expired !== undefined) });
    await store().revalidateTag(['article:41', '_N_T_/news', 'comments:41'], { expire: 0 });
    expect(seen).toEqual([{ tags: ['article:41', 'comments:41'], expiredAlready: [true, true] }]);
  });

  it('says nothing when only path tags were expired, and works with no hook registered', async () => {
    const seen: string[][] = [];
    await store().revalidateTag('article:42', { expire: 0 });
    hooks[HOOK] = (tags: string[]) => seen.push(tags);
    await store().revalidateTag(['_N_T_/'], { expire: 0 });
    expect(seen).toEqual([]);
    await store().revalidateTag('article:43', { expire: 0 });
    expect(seen).toEqual([['article:43']]);
  });
});
