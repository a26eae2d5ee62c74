import { NextResponse, type NextRequest } from 'next/server';
import { logger } from '@/server/log';
import { mediaContentType, mediaKey, MediaStoreUnavailableError, readMediaFile } from '@/server/media/storage';

// Serves uploaded images from the media store (the local folder or the shared bucket: see
// server/media/storage.ts). File names are random and never reused, so they can be cached for a
// year; a store that does not answer is a 503 the browser and any cache in front retry, never a
// 404 they would keep.
export const dynamic = 'force-dynamic';

const notFound = () => new NextResponse('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

export async function GET(request: NextRequest, { params }: { params: Promise<{ path: string[] }> }) {
  const parts = (await params).path;
  const src = `/media/${parts.join('/')}`;
  const type = mediaContentType(src);
  if (!mediaKey(src) || !type) return notFound();
  let file;
  try {
    file = await readMediaFile(src);
  } catch (error) {
    if (!(error instanceof MediaStoreUnavailableError)) throw error;
    logger().warn({ err: error, src }, 'media store unavailable: answered 503');
    return new NextResponse('This image is unavailable for a moment. Try again shortly.', {
      status: 503,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Retry-After': '30', 'Cache-Control': 'no-store' },
    });
  }
  if (!file) return notFound();
  const headers = {
    'Content-Type': type,
    'Cache-Control': 'public, max-age=31536000, immutable',
    'X-Content-Type-Options': 'nosniff',
    ETag: file.etag,
    'Last-Modified': file.lastModified.toUTCString(),
  };
  const wanted = request.headers.get('if-none-match');
  if (wanted && wanted.split(',').some((tag) => tag.trim().replace(/^W\//, '') === file.etag || tag.trim() === '*')) return new NextResponse(null, { status: 304, headers });
  return new NextResponse(new Uint8Array(file.bytes), { headers: { ...headers, 'Content-Length': String(file.bytes.length) } });
}
