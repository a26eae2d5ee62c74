import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { sniffImageType } from './image-sniff';

const pixel = () => sharp({ create: { width: 4, height: 4, channels: 3, background: '#336699' } });

describe('upload types come from the bytes', () => {
  it.each([
    ['jpeg', 'image/jpeg'],
    ['png', 'image/png'],
    ['gif', 'image/gif'],
    ['webp', 'image/webp'],
    ['avif', 'image/avif'],
  ] as const)('recognises %s', async (format, mime) => {
    const bytes = await pixel().toFormat(format).toBuffer();
    expect(sniffImageType(bytes)?.mime).toBe(mime);
  });

  it('refuses other files whatever their name says', () => {
    expect(sniffImageType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"></svg>'))).toBeNull();
    expect(sniffImageType(Buffer.from('%PDF-1.7 fake document body'))).toBeNull();
    expect(sniffImageType(Buffer.from('MZ\x90\x00 an executable header'))).toBeNull();
    expect(sniffImageType(Buffer.alloc(4))).toBeNull();
  });
});
