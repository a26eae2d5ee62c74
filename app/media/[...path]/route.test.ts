import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startS3rver, type S3rverHandle } from '@/scripts/s3rver.mjs';
import { writeMediaFile } from '@/server/media/storage';
import { GET } from './route';

// /media/<file> as readers' browsers (and any cache in front) see it, from the local folder and
// from an S3 bucket: the bytes, a year's immutable caching, the ETag and its 304, a 404 for what
// is not there, and a 503 with Retry-After (never cached) while the store does not answer.

let tmp: string;
let s3: S3rverHandle;
const S3_KEYS = ['MEDIA_S3_BUCKET', 'MEDIA_S3_ENDPOINT', 'MEDIA_S3_REGION', 'MEDIA_S3_ACCESS_KEY_ID', 'MEDIA_S3_SECRET_ACCESS_KEY', 'MEDIA_S3_FORCE_PATH_STYLE', 'MEDIA_S3_PREFIX'];
const useEnv = (env: Record<string, string>) => {
  for (const k of S3_KEYS) delete process.env[k];
  Object.assign(process.env, env);
};

function get(src: string, headers: Record<string, string> = {}) {
  const parts = src.slice('/media/'.length).split('/');
  return GET(new NextRequest(`http://localhost${src}`, { headers }), { params: Promise.resolve({ path: parts }) });
}

let n = 0;
const newSrc = (ext: string) => `/media/2026/12/r${Date.now().toString(36)}${++n}.${ext}`;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'media-route-test-'));
  s3 = await startS3rver({ port: 0, dir: path.join(tmp, 's3') });
});
afterAll(async () => {
  await s3?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe.each([
  ['the local folder', () => ({ MEDIA_DIR: path.join(tmp, 'local') })],
  ['an S3 bucket', () => s3.env],
])('/media/... from %s', (_name, env) => {
  beforeEach(() => useEnv(env()));

  it('serves the stored bytes with their type, a year of immutable caching and an ETag', async () => {
    const src = newSrc('webp');
    const bytes = crypto.randomBytes(70_000);
    await writeMediaFile(src, bytes);
    const response = await get(src);
    expect(response.status).toBe(200);
    expect(Buffer.compare(Buffer.from(await response.arrayBuffer()), bytes)).toBe(0);
    expect(response.headers.get('content-type')).toBe('image/webp');
    expect(response.headers.get('content-length')).toBe(String(bytes.length));
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('etag')).toBe(`"${crypto.createHash('md5').update(bytes).digest('hex')}"`);
    expect(new Date(response.headers.get('last-modified')!).getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it('answers a revalidation with the same ETag by 304 and no body', async () => {
    const src = newSrc('jpg');
    await writeMediaFile(src, crypto.randomBytes(1000));
    const etag = (await get(src)).headers.get('etag')!;
    const again = await get(src, { 'if-none-match': `"other", ${etag}` });
    expect(again.status).toBe(304);
    expect((await again.arrayBuffer()).byteLength).toBe(0);
    expect(again.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await get(src, { 'if-none-match': '"something-else"' })).status).toBe(200);
  });

  it('is a 404 for a file that is not there, a type we do not serve, or a path that escapes', async () => {
    expect((await get(newSrc('png'))).status).toBe(404);
    const text = newSrc('txt');
    await writeMediaFile(text, Buffer.from('not an image'));
    expect((await get(text)).status).toBe(404);
    expect((await GET(new NextRequest('http://localhost/media/x'), { params: Promise.resolve({ path: ['..', '..', 'etc', 'passwd.jpg'] }) })).status).toBe(404);
  });
});

describe('/media/... while the bucket does not answer', () => {
  it('is a 503 with Retry-After that no cache keeps, and the image again once the store is back', async () => {
    const dir = path.join(tmp, 'outage');
    const store = await startS3rver({ port: 0, dir });
    useEnv(store.env);
    const src = newSrc('png');
    const bytes = crypto.randomBytes(5000);
    await writeMediaFile(src, bytes);
    await store.stop();

    const down = await get(src);
    expect(down.status).toBe(503);
    expect(down.headers.get('retry-after')).toBe('30');
    expect(down.headers.get('cache-control')).toBe('no-store');
    expect(await down.text()).toBe('This image is unavailable for a moment. Try again shortly.');

    const back = await startS3rver({ port: store.port, dir });
    try {
      const up = await get(src);
      expect(up.status).toBe(200);
      expect(Buffer.compare(Buffer.from(await up.arrayBuffer()), bytes)).toBe(0);
    } finally {
      await back.stop();
    }
  });
});
