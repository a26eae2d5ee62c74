import { NextResponse, type NextRequest } from 'next/server';
import { refuseForeignRequest } from '@/server/http/origin';
import { requireRoleForApi } from '@/server/auth/session';
import { acceptUpload } from '@/server/media/upload';
import { MAX_UPLOAD_BYTES } from '@/lib/image-sniff';
import { rolesFor } from '@/lib/permissions';

// Image uploads for the media library: one file per request (the uploader sends each file on its
// own, with its own progress bar). Type from the bytes, 15 MB at most, re-encoded without metadata,
// stored in the media store (server/media/upload.ts); a store that is down is a 503 with a message.
export const dynamic = 'force-dynamic';

const fail = (status: number, error: string, headers?: Record<string, string>) => NextResponse.json({ ok: false, error }, { status, headers });

export async function POST(request: NextRequest) {
  if (refuseForeignRequest(request)) return fail(403, 'Uploads must come from the newsroom itself.');
  const me = await requireRoleForApi(...rolesFor('media.upload'));
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > MAX_UPLOAD_BYTES + 64 * 1024) return fail(413, 'That file is larger than 15 MB. Export a smaller version and try again.');
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return fail(400, 'The upload did not arrive whole. Try again.');
  }
  const outcome = await acceptUpload(me, form);
  if (!outcome.ok) return fail(outcome.status, outcome.error, outcome.retryAfter ? { 'Retry-After': String(outcome.retryAfter) } : undefined);
  return NextResponse.json({ ok: true, id: outcome.id, src: outcome.src, width: outcome.width, height: outcome.height }, { status: 201 });
}
