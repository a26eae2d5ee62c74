import { describe, expect, it } from 'vitest';
import { conditionalResponse, etagFor } from './http';

const url = 'https://news.example/feeds/all.xml';
const opts = { contentType: 'application/rss+xml', lastModified: '2026-05-01T08:30:00.500Z' };

describe('conditionalResponse', () => {
  it('answers 200 with an ETag and Last-Modified', async () => {
    const res = conditionalResponse(new Request(url), '<rss/>', opts);
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe(etagFor('<rss/>'));
    expect(res.headers.get('last-modified')).toBe('Fri, 01 May 2026 08:30:00 GMT');
    expect(await res.text()).toBe('<rss/>');
  });

  it('answers 304 with no body when If-None-Match names the current version (weak or strong form)', async () => {
    const etag = etagFor('<rss/>');
    for (const header of [etag, etag.replace(/^W\//, ''), `"other", ${etag}`, '*']) {
      const res = conditionalResponse(new Request(url, { headers: { 'If-None-Match': header } }), '<rss/>', opts);
      expect(res.status).toBe(304);
      expect(await res.text()).toBe('');
      expect(res.headers.get('etag')).toBe(etag);
    }
  });

  it('answers 200 when the content changed since the client’s copy', () => {
    const old = etagFor('<rss>old</rss>');
    expect(conditionalResponse(new Request(url, { headers: { 'If-None-Match': old } }), '<rss/>', opts).status).toBe(200);
  });

  it('uses If-Modified-Since at second precision, and If-None-Match wins when both are sent', () => {
    const since = (value: string, extra: Record<string, string> = {}) => conditionalResponse(new Request(url, { headers: { 'If-Modified-Since': value, ...extra } }), '<rss/>', opts).status;
    expect(since('Fri, 01 May 2026 08:30:00 GMT')).toBe(304);
    expect(since('Fri, 01 May 2026 08:29:59 GMT')).toBe(200);
    expect(since('not a date')).toBe(200);
    expect(since('Fri, 01 May 2026 08:30:00 GMT', { 'If-None-Match': '"stale"' })).toBe(200);
  });

  it('sends headers without a body for HEAD', async () => {
    const res = conditionalResponse(new Request(url, { method: 'HEAD' }), '<rss/>', opts);
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBeTruthy();
    expect(await res.text()).toBe('');
  });
});
