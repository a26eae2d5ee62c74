import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processUpload } from './image-processing';
import { sniffImageType } from '../../lib/image-sniff';
import { mediaFilePath } from './storage';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'media-test-'));
  process.env.MEDIA_DIR = dir;
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Noise, so that every format has real work to do and sizes are photo-like. */
async function noisyPhoto(width: number, height: number): Promise<Buffer> {
  const raw = Buffer.alloc(width * height * 3);
  for (let i = 0; i < raw.length; i++) raw[i] = ((i * 2654435761) >>> 24) & 0x3f | ((i / (width * 3)) & 0x80);
  return sharp(raw, { raw: { width, height, channels: 3 } }).blur(1.2).jpeg({ quality: 90 }).toBuffer();
}

describe('uploads are re-encoded without metadata, in responsive sizes', () => {
  it('strips EXIF (camera owner, location) and keeps the picture', async () => {
    const photo = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#884422' } })
      .jpeg()
      .withExif({ IFD0: { Artist: 'Someone Private', Copyright: 'Secret location notes' } })
      .toBuffer();
    expect((await sharp(photo).metadata()).exif).toBeDefined();
    const result = await processUpload(photo, sniffImageType(photo)!);
    const stored = fs.readFileSync(mediaFilePath(result.src)!);
    const meta = await sharp(stored).metadata();
    expect(meta.exif).toBeUndefined();
    expect(stored.includes(Buffer.from('Someone Private'))).toBe(false);
    expect([meta.width, meta.height]).toEqual([1200, 800]);
    const jpegs = result.variants.filter((v) => v.type === 'image/jpeg');
    expect(jpegs.map((v) => v.width)).toEqual([320, 640, 1024]);
    for (const v of result.variants) {
      const variant = fs.readFileSync(mediaFilePath(v.src)!);
      expect((await sharp(variant).metadata()).width).toBe(v.width);
      expect(variant.includes(Buffer.from('Someone Private'))).toBe(false);
    }
  });

  it('makes AVIF, WebP and the original format at every width below the original, each really that format and size, each smaller than the original', async () => {
    const result = await processUpload(await noisyPhoto(1800, 1200), { mime: 'image/jpeg', ext: 'jpg' });
    const widthsOf = (type: string) => result.variants.filter((v) => v.type === type).map((v) => v.width);
    // Wider than 1600 px: no page asks for more, so no full-size AVIF or WebP is made.
    expect(widthsOf('image/avif')).toEqual([320, 640, 1024, 1600]);
    expect(widthsOf('image/webp')).toEqual([320, 640, 1024, 1600]);
    expect(widthsOf('image/jpeg')).toEqual([320, 640, 1024, 1600]);
    for (const v of result.variants) {
      const bytes = fs.readFileSync(mediaFilePath(v.src)!);
      const meta = await sharp(bytes).metadata();
      expect(sniffImageType(bytes)!.mime, v.src).toBe(v.type);
      expect([meta.width, meta.height], v.src).toEqual([v.width, v.height]);
      expect(bytes.length).toBe(v.bytes);
      expect(v.bytes, `${v.src} is smaller than the original`).toBeLessThan(result.bytes);
    }
  });

  it('offers an original up to 1600 px wide in AVIF and WebP at its own width too', async () => {
    const result = await processUpload(await noisyPhoto(1200, 675), { mime: 'image/jpeg', ext: 'jpg' });
    expect(result.variants.filter((v) => v.width === 1200).map((v) => v.type).sort()).toEqual(['image/avif', 'image/webp']);
    expect(result.variants.every((v) => v.width <= 1200)).toBe(true);
  });

  it('never scales up: an image narrower than every listed width gets only its own width, in the smaller formats', async () => {
    const result = await processUpload(await noisyPhoto(300, 200), { mime: 'image/jpeg', ext: 'jpg' });
    expect(result.width).toBe(300);
    expect(result.variants.every((v) => v.width <= 300)).toBe(true);
    expect(result.variants.map((v) => `${v.type} ${v.width}`).sort()).toEqual(['image/avif 300', 'image/webp 300']);
  });

  it('keeps no derivative that would cost more bytes than the original (a sharp pattern that compresses well as PNG)', async () => {
    const w = 1700;
    const h = 900;
    const raw = Buffer.alloc(w * h * 3);
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) raw.fill(((x / 3) | 0) + ((y / 3) | 0) & 1 ? 255 : 0, (y * w + x) * 3, (y * w + x) * 3 + 3);
    const png = await sharp(raw, { raw: { width: w, height: h, channels: 3 } }).png().toBuffer();
    const result = await processUpload(png, { mime: 'image/png', ext: 'png' });
    // Resized, the 3 px checks turn to grey shades that PNG stores worse than the pattern: the
    // 640, 1024 and 1600 px PNGs (and the larger AVIF and WebP) would be bigger, so they are not kept.
    expect(result.variants.length).toBeGreaterThan(0);
    expect(result.variants.filter((v) => v.type === 'image/png' && v.width >= 640)).toEqual([]);
    for (const v of result.variants) expect(v.bytes).toBeLessThan(result.bytes);
    const stored = fs.readdirSync(path.dirname(mediaFilePath(result.src)!)).filter((f) => f.startsWith(path.basename(result.src, '.png')));
    expect(stored.sort()).toEqual([result.src, ...result.variants.map((v) => v.src)].map((s) => path.basename(s)).sort());
  });

  it('never maps a URL outside the media folder', () => {
    expect(mediaFilePath('/media/../../etc/passwd')).toBeNull();
    expect(mediaFilePath('/media/2026/%2e%2e/x.jpg')).toBeNull();
    expect(mediaFilePath('/elsewhere/x.jpg')).toBeNull();
    expect(mediaFilePath('/media/2026/11/abc.jpg')).toBe(path.join(dir, '2026', '11', 'abc.jpg'));
  });
});
