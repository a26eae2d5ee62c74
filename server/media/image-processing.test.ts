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
    expect(result.variants.map((v) => v.width)).toEqual([320, 640, 1024]);
    for (const v of result.variants) expect((await sharp(fs.readFileSync(mediaFilePath(v.src)!)).metadata()).width).toBe(v.width);
  });

  it('never maps a URL outside the media folder', () => {
    expect(mediaFilePath('/media/../../etc/passwd')).toBeNull();
    expect(mediaFilePath('/media/2026/%2e%2e/x.jpg')).toBeNull();
    expect(mediaFilePath('/elsewhere/x.jpg')).toBeNull();
    expect(mediaFilePath('/media/2026/11/abc.jpg')).toBe(path.join(dir, '2026', '11', 'abc.jpg'));
  });
});
