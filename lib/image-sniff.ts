// An upload's type from its first bytes, never from its name or the browser's claim.

export type ImageType = { mime: 'image/jpeg' | 'image/png' | 'image/gif' | 'image/webp' | 'image/avif'; ext: 'jpg' | 'png' | 'gif' | 'webp' | 'avif' };

const ascii = (bytes: Uint8Array, start: number, length: number) => String.fromCharCode(...bytes.subarray(start, start + length));

export function sniffImageType(bytes: Uint8Array): ImageType | null {
  if (bytes.length < 12) return null;
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return { mime: 'image/jpeg', ext: 'jpg' };
  if (bytes[0] === 0x89 && ascii(bytes, 1, 3) === 'PNG' && bytes[4] === 0x0d && bytes[5] === 0x0a && bytes[6] === 0x1a && bytes[7] === 0x0a) return { mime: 'image/png', ext: 'png' };
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') return { mime: 'image/gif', ext: 'gif' };
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return { mime: 'image/webp', ext: 'webp' };
  if (ascii(bytes, 4, 4) === 'ftyp') {
    // ISO base media: the major brand, then compatible brands, until the end of the ftyp box.
    const boxSize = ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0;
    const end = Math.min(bytes.length, boxSize || 32, 64);
    for (let offset = 8; offset + 4 <= end; offset += 4) {
      if (offset === 12) continue; // minor version, not a brand
      const brand = ascii(bytes, offset, 4);
      if (brand === 'avif' || brand === 'avis') return { mime: 'image/avif', ext: 'avif' };
    }
  }
  return null;
}

export const MAX_UPLOAD_BYTES = 15 * 1024 * 1024;
