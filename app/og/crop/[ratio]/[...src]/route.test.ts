import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startS3rver, type S3rverHandle } from '@/scripts/s3rver.mjs';
import { mediaCropSrc, readMediaFile, writeMediaFile } from '@/server/media/storage';
import { keptCropSrc } from '@/lib/seo/images';
import { GET } from './route';

// Social crops of uploads read their originals from the media store (here an S3 bucket on a real
// S3-compatible server), are kept there once made so every instance serves the same crop, and
// answer 503 (not a cached error) while the store is down. Files under public/ are cropped too.

let tmp: string;
let s3: S3rverHandle;
const S3_KEYS = ['MEDIA_S3_BUCKET', 'MEDIA_S3_ENDPOINT', 'MEDIA_S3_REGION', 'MEDIA_S3_ACCESS_KEY_ID', 'MEDIA_S3_SECRET_ACCESS_KEY', 'MEDIA_S3_FORCE_PATH_STYLE', 'MEDIA_S3_PREFIX'];
const useEnv = (env: Record<string, string>) => {
  for (const k of S3_KEYS) delete process.env[k];
  Object.assign(process.env, env);
};
const crop = (ratio: string, src: string) => GET(new Request(`http://localhost/og/crop/${ratio}${src}`), { params: Promise.resolve({ ratio, src: src.slice(1).split('/') }) });

let n = 0;
async function upload(width: number, height: number) {
  const src = `/media/2026/12/c${Date.now().toString(36)}${++n}.png`;
  await writeMediaFile(src, await sharp({ create: { width, height, channels: 3, background: '#2266aa' } }).png().toBuffer());
  return src;
}

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'og-crop-test-'));
  s3 = await startS3rver({ port: 0, dir: path.join(tmp, 's3') });
});
afterAll(async () => {
  await s3?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});
beforeEach(() => useEnv(s3.env));

describe('/og/crop of an upload in the bucket', () => {
  it('is a JPEG at the ratio, 1200 px wide, kept in the bucket beside its original', async () => {
    const src = await upload(2000, 1500);
    const response = await crop('16x9', src);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/jpeg');
    expect(response.headers.get('cache-control')).toBe('public, max-age=86400');
    const bytes = Buffer.from(await response.arrayBuffer());
    const meta = await sharp(bytes).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 1200, 675]);
    const kept = await readMediaFile(mediaCropSrc(src, '16x9')!);
    expect(Buffer.compare(kept!.bytes, bytes)).toBe(0);
  });

  it('serves the kept crop afterwards, even to an instance that never made it', async () => {
    const src = await upload(1600, 1600);
    // What another instance kept: the route serves it rather than cropping again.
    const made = await sharp({ create: { width: 1200, height: 900, channels: 3, background: '#ff0000' } }).jpeg().toBuffer();
    await writeMediaFile(mediaCropSrc(src, '4x3')!, made);
    delete (globalThis as Record<symbol, unknown>)[Symbol.for('broadsheet.mediaStore')];
    const response = await crop('4x3', src);
    expect(Buffer.compare(Buffer.from(await response.arrayBuffer()), made)).toBe(0);
  });

  it('follows the focal point named in its URL: the square of a wide picture is cut around it, and kept under its own name', async () => {
    // Left half red, right half blue: which half the square shows says where it was cut.
    const src = `/media/2026/12/focal${Date.now().toString(36)}.png`;
    const half = { width: 800, height: 900, channels: 3 } as const;
    const red = await sharp({ create: { ...half, background: '#ff0000' } }).png().toBuffer();
    const blue = await sharp({ create: { ...half, background: '#0000ff' } }).png().toBuffer();
    await writeMediaFile(src, await sharp({ create: { width: 1600, height: 900, channels: 3, background: '#000000' } }).composite([{ input: red, left: 0, top: 0 }, { input: blue, left: 800, top: 0 }]).png().toBuffer());
    const mean = async (ratio: string) => {
      const response = await crop(ratio, src);
      expect(response.status).toBe(200);
      const stats = await sharp(Buffer.from(await response.arrayBuffer())).stats();
      return { red: stats.channels[0]!.mean, blue: stats.channels[2]!.mean };
    };
    const right = await mean('1x1-f90-50');
    const left = await mean('1x1-f10-50');
    expect(right.blue).toBeGreaterThan(200);
    expect(right.red).toBeLessThan(40);
    expect(left.red).toBeGreaterThan(200);
    expect(left.blue).toBeLessThan(40);
    expect(await readMediaFile(keptCropSrc(src, '1x1', { x: 90, y: 50 }))).not.toBeNull();
    expect(await readMediaFile(mediaCropSrc(src, '1x1')!)).toBeNull();
    expect((await crop('1x1-f120-50', src)).status).toBe(404);
  });

  it('is a 404 for an upload that is not there and for a ratio we do not make', async () => {
    expect((await crop('1x1', '/media/2026/12/absent.png')).status).toBe(404);
    expect((await crop('3x2', await upload(800, 600))).status).toBe(404);
  });

  it('is a 503 with Retry-After, never cached, while the bucket does not answer', async () => {
    const down = await startS3rver({ port: 0 });
    const env = down.env;
    await down.stop();
    useEnv(env);
    const response = await crop('1x1', '/media/2026/12/any.png');
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('30');
    expect(response.headers.get('cache-control')).toBe('no-store');
  });
});

describe('/og/crop of a file under public/', () => {
  it('crops the demo pictures shipped with the site', async () => {
    const demo = fs.readdirSync(path.join(process.cwd(), 'public', 'demo')).find((f) => /\.(svg|png|jpe?g)$/.test(f));
    expect(demo).toBeDefined();
    const response = await crop('1x1', `/demo/${demo}`);
    expect(response.status).toBe(200);
    const meta = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 1200, 1200]);
  });
});
