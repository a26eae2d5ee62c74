import fs from 'node:fs/promises';
import { NextResponse, type NextRequest } from 'next/server';
import { mediaFilePath } from '@/server/media/storage';

// Serves uploaded images from the media folder. File names are random and never reused, so they
// can be cached for a year.
const TYPES: Record<string, string> = { jpg: 'image/jpeg', png: 'image/png', gif: 'image/gif', webp: 'image/webp', avif: 'image/avif' };

export async function GET(_request: NextRequest, { params }: { params: Promise<{ path: string[] }> }) {
  const parts = (await params).path;
  const src = `/media/${parts.join('/')}`;
  const file = mediaFilePath(src);
  const type = TYPES[src.split('.').at(-1)?.toLowerCase() ?? ''];
  if (!file || !type) return new NextResponse('Not found', { status: 404 });
  try {
    const bytes = await fs.readFile(file);
    return new NextResponse(bytes, {
      headers: { 'Content-Type': type, 'Content-Length': String(bytes.length), 'Cache-Control': 'public, max-age=31536000, immutable', 'X-Content-Type-Options': 'nosniff' },
    });
  } catch {
    return new NextResponse('Not found', { status: 404 });
  }
}
