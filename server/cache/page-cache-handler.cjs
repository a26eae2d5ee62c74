// Next's own page and data cache (the in-memory FileSystemCache), with one addition: every cached
// page and route answer carries its cache tags in an `xkey` response header, so Varnish (with the
// xkey module, deploy/varnish/broadsheet.vcl) can drop exactly the pages a change touched.
//
// Next records a page's tags in the `x-next-cache-tags` header of the cache entry but strips it
// from the response outside its "minimal mode". The entry's other headers are sent as they are, so
// a copy under another name reaches the client. The entry is the object the fresh render is
// answered from, so the first answer carries the header too. Next's implicit path tags (_N_T_...)
// are left out: the app never expires them by tag.
//
// It also tells the app when tags have actually been expired here. Next applies revalidateTag()
// after the server action or route handler that called it has returned, so a purge sent from that
// code would reach Varnish before this instance drops its copy, and Varnish could fetch the old page
// again from here in between. The purge is therefore sent from revalidateTag below, once this
// store has marked the tags (server/cache/http-purge.ts registers the hook).
//
// Loaded by `next start` through next.config.ts (cacheHandler); plain CommonJS, not bundled.
const FileSystemCache = require('next/dist/server/lib/incremental-cache/file-system-cache.js').default;

const NEXT_TAGS = 'x-next-cache-tags';
const EXPIRED_HOOK = Symbol.for('broadsheet.tagsExpired');
const XKEY = 'xkey';

function addXkey(value) {
  if (!value || (value.kind !== 'APP_PAGE' && value.kind !== 'APP_ROUTE') || !value.headers) return;
  const tags = value.headers[NEXT_TAGS];
  if (typeof tags !== 'string' || value.headers[XKEY]) return;
  const keys = tags.split(',').filter((t) => t && !t.startsWith('_N_T_'));
  if (keys.length > 0) value.headers[XKEY] = keys.join(' ');
}

module.exports = class PageCacheHandler extends FileSystemCache {
  async get(...args) {
    const entry = await super.get(...args);
    if (entry) addXkey(entry.value);
    return entry;
  }

  async set(key, data, ctx) {
    addXkey(data);
    return super.set(key, data, ctx);
  }

  async revalidateTag(tags, durations) {
    await super.revalidateTag(tags, durations);
    const hook = globalThis[EXPIRED_HOOK];
    if (typeof hook !== 'function') return;
    const expired = (typeof tags === 'string' ? [tags] : tags).filter((t) => t && !t.startsWith('_N_T_'));
    if (expired.length > 0) hook(expired);
  }
};
