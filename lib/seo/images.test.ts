import { describe, expect, it } from 'vitest';
import { canCrop, imageVariants, keptCropSrc, parseCropSegment, variantSize } from './images';

describe('image variants', () => {
  it('gives a vector all three shapes at 1200 px wide', () => {
    const variants = imageVariants({ src: '/demo/harbour.svg', width: 1600, height: 900, mimeType: 'image/svg+xml' });
    expect(variants.map((v) => [v.ratio, v.width, v.height, v.url])).toEqual([
      ['1x1', 1200, 1200, '/og/crop/1x1/demo/harbour.svg'],
      ['4x3', 1200, 900, '/og/crop/4x3/demo/harbour.svg'],
      ['16x9', 1200, 675, '/og/crop/16x9/demo/harbour.svg'],
    ]);
  });

  it('never scales a small raster up: the largest crop it holds', () => {
    expect(variantSize('16x9', { src: '/a.jpg', width: 800, height: 600 })).toEqual({ width: 800, height: 450 });
    expect(variantSize('1x1', { src: '/a.jpg', width: 800, height: 600 })).toEqual({ width: 600, height: 600 });
    expect(variantSize('4x3', { src: '/a.jpg', width: 4000, height: 3000 })).toEqual({ width: 1200, height: 900 });
  });

  it('crops only site files, never another host or a path that climbs out', () => {
    expect(canCrop('/media/2026/a.jpg')).toBe(true);
    expect(canCrop('//evil.example/a.jpg')).toBe(false);
    expect(canCrop('https://evil.example/a.jpg')).toBe(false);
    expect(canCrop('/demo/../../etc/passwd.png')).toBe(false);
    expect(canCrop('/demo/a.txt')).toBe(false);
    expect(imageVariants({ src: 'https://evil.example/a.jpg', width: 2000, height: 1000 })).toEqual([]);
  });
});

describe('crops that follow a focal point', () => {
  it('name the point in the URL, so a new point is a new URL (and a new kept file)', () => {
    const urls = imageVariants({ src: '/media/2026/12/a.jpg', width: 1600, height: 900, focal: { x: 20, y: 62.5 } }).map((v) => v.url);
    expect(urls).toEqual(['/og/crop/1x1-f20-62.5/media/2026/12/a.jpg', '/og/crop/4x3-f20-62.5/media/2026/12/a.jpg', '/og/crop/16x9-f20-62.5/media/2026/12/a.jpg']);
    expect(imageVariants({ src: '/media/2026/12/a.jpg', width: 1600, height: 900, focal: null })[0]!.url).toBe('/og/crop/1x1/media/2026/12/a.jpg');
    expect(keptCropSrc('/media/2026/12/a.jpg', '16x9', { x: 20, y: 62.5 })).toBe('/media/2026/12/a.jpg.og-16x9-f20-62.5.jpg');
    expect(keptCropSrc('/media/2026/12/a.jpg', '16x9')).toBe('/media/2026/12/a.jpg.og-16x9.jpg');
  });

  it('read back only a known ratio with a point inside the picture', () => {
    expect(parseCropSegment('16x9')).toEqual({ ratio: '16x9', focal: null });
    expect(parseCropSegment('4x3-f0-100')).toEqual({ ratio: '4x3', focal: { x: 0, y: 100 } });
    expect(parseCropSegment('1x1-f101-5')).toBeNull();
    expect(parseCropSegment('3x2-f10-10')).toBeNull();
    expect(parseCropSegment('16x9-f1e3-5')).toBeNull();
  });
});
