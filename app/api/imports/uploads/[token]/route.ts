import { NextResponse, type NextRequest } from 'next/server';
import { requireRoleForApi } from '@/server/auth/session';
import { refuseForeignRequest } from '@/server/http/origin';
import { MediaStoreUnavailableError } from '@/server/media/storage';
import { PART_BYTES, storeUploadPart, UploadInputError } from '@/server/wordpress/stored-upload';

// One part (at most PART_BYTES) of one file of a dashboard WordPress upload: `?file=<n>&part=<n>`,
// the bytes as the body. Stored at once in the media store's private prefix, so the next part or
// the check may reach any instance.
export const dynamic = 'force-dynamic';

const fail = (status: number, error: string) => NextResponse.json({ ok: false, error }, { status, headers: { 'Cache-Control': 'no-store' } });

export async function PUT(request: NextRequest, { params }: { params: Promise<{ token: string }> }) {
  if (refuseForeignRequest(request)) return fail(403, 'Uploads must come from the newsroom itself.');
  await requireRoleForApi('admin');
  const { token } = await params;
  const file = Number(request.nextUrl.searchParams.get('file'));
  const part = Number(request.nextUrl.searchParams.get('part'));
  if (Number(request.headers.get('content-length') ?? 0) > PART_BYTES) return fail(413, 'That part is too large.');
  const bytes = Buffer.from(await request.arrayBuffer());
  if (bytes.length === 0 || bytes.length > PART_BYTES) return fail(400, 'That part is empty or too large.');
  try {
    await storeUploadPart(token, file, part, bytes);
  } catch (error) {
    if (error instanceof UploadInputError) return fail(400, error.message);
    if (error instanceof MediaStoreUnavailableError) return fail(503, 'The file store is unavailable for a moment. Try again shortly.');
    throw error;
  }
  return NextResponse.json({ ok: true }, { status: 201 });
}
