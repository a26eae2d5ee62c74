import { describe, expect, it } from 'vitest';
import { canCrop, imageVariants, variantSize } from './images';

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
