import { NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';
import { recordUpload } from '@/db/mutations/media';
import { permitted } from '@/server/auth/guard';
import { refuseForeignRequest } from '@/server/http/origin';
import { requireRoleForApi } from '@/server/auth/session';
import { processUpload, UnreadableImageError } from '@/server/media/image-processing';
import { MAX_UPLOAD_BYTES, sniffImageType } from '@/lib/image-sniff';
import { removeMediaFiles } from '@/server/media/storage';
import { rolesFor } from '@/lib/permissions';

// Image uploads for the media library: one file per request (the uploader sends each file on its
// own, with its own progress bar). Type from the bytes, 15 MB at most, re-encoded without metadata.
export const dynamic = 'force-dynamic';

const textSchema = z.object({
  alt: z.string().trim().max(500, 'Alt text can be at most 500 characters.').default(''),
  caption: z.string().trim().max(1000, 'The caption can be at most 1,000 characters.').default(''),
  credit: z.string().trim().max(200, 'The credit can be at most 200 characters.').default(''),
});

const fail = (status: number, error: string) => NextResponse.json({ ok: false, error }, { status });

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
  const file = form.get('file');
  if (!(file instanceof File)) return fail(400, 'Choose an image to upload.');
  if (file.size === 0) return fail(400, 'That file is empty.');
  if (file.size > MAX_UPLOAD_BYTES) return fail(413, `“${file.name}” is larger than 15 MB. Export a smaller version and try again.`);
  const text = textSchema.safeParse({ alt: form.get('alt') ?? undefined, caption: form.get('caption') ?? undefined, credit: form.get('credit') ?? undefined });
  if (!text.success) return fail(400, text.error.issues[0]!.message);
  const bytes = Buffer.from(await file.arrayBuffer());
  const type = sniffImageType(bytes);
  if (!type) return fail(415, `“${file.name}” is not a JPEG, PNG, WebP, AVIF or GIF image.`);
  let processed;
  try {
    processed = await processUpload(bytes, type);
  } catch (error) {
    if (error instanceof UnreadableImageError) return fail(415, `“${file.name}”: ${error.message}`);
    throw error;
  }
  try {
    const id = await permitted(() => recordUpload(me, { ...processed, mimeType: type.mime, ...text.data }));
    return NextResponse.json({ ok: true, id, src: processed.src, width: processed.width, height: processed.height }, { status: 201 });
  } catch (error) {
    await removeMediaFiles([processed.src, ...processed.variants.map((v) => v.src)]);
    throw error;
  }
}
