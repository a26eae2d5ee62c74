import { NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';
import { requireRoleForApi } from '@/server/auth/session';
import { refuseForeignRequest } from '@/server/http/origin';
import { logger } from '@/server/log';
import { MediaStoreUnavailableError } from '@/server/media/storage';
import { analyseUpload, newUploadToken, PART_BYTES, safeFileName, UploadInputError } from '@/server/wordpress/stored-upload';
import { UploadsArchiveError } from '@/server/wordpress/uploads-archive';
import { WxrError } from '@/server/wordpress/wxr-reader';

// The dashboard's WordPress upload (components/dashboard/wordpress-uploader.tsx), admins only:
// `begin` gives a fresh token; the files' parts go to ./[token]; `check` reads what arrived — the
// dry run — and keeps it beside the files, or answers 400 with the reader's message (the file and
// the line) when a file is not a WordPress export or the archive is refused. Nothing is imported
// here: the run is started from the mapping page, by a server action.
export const dynamic = 'force-dynamic';

const fail = (status: number, error: string) => NextResponse.json({ ok: false, error }, { status, headers: { 'Cache-Control': 'no-store' } });

const fileSchema = z.object({ name: z.string().min(1).max(300), parts: z.number().int().min(1).max(20_000), size: z.number().int().min(1) });
const bodySchema = z.discriminatedUnion('step', [
  z.object({ step: z.literal('begin') }),
  z.object({ step: z.literal('check'), token: z.string(), files: z.array(fileSchema).min(1).max(50), uploads: fileSchema.nullable() }),
]);

export async function POST(request: NextRequest) {
  if (refuseForeignRequest(request)) return fail(403, 'Uploads must come from the newsroom itself.');
  const me = await requireRoleForApi('admin');
  let body: z.infer<typeof bodySchema>;
  try {
    const parsed = bodySchema.safeParse(await request.json());
    if (!parsed.success) return fail(400, 'Choose at least one WordPress export file (.xml or .xml.gz).');
    body = parsed.data;
  } catch {
    return fail(400, 'That upload request was malformed.');
  }
  if (body.step === 'begin') return NextResponse.json({ ok: true, token: newUploadToken(), partBytes: PART_BYTES }, { headers: { 'Cache-Control': 'no-store' } });

  for (const f of body.files) {
    if (!/\.(xml|xml\.gz|gz)$/i.test(f.name)) return fail(400, `${safeFileName(f.name)} is not a WordPress export: give the .xml (or .xml.gz) file from Tools → Export.`);
  }
  if (body.uploads && !/\.(zip|tar\.gz|tgz)$/i.test(body.uploads.name)) return fail(400, `${safeFileName(body.uploads.name)}: give the uploads folder as a .zip, .tar.gz or .tgz archive.`);
  for (const f of [...body.files, ...(body.uploads ? [body.uploads] : [])]) if (f.parts !== Math.ceil(f.size / PART_BYTES)) return fail(400, 'That upload request was malformed.');
  try {
    const manifest = await analyseUpload(me.id, {
      token: body.token,
      files: body.files.map((f) => ({ ...f, name: safeFileName(f.name) })),
      uploads: body.uploads ? { ...body.uploads, name: safeFileName(body.uploads.name) } : null,
    });
    return NextResponse.json({ ok: true, location: `/dashboard/imports/new?upload=${manifest.token}` }, { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    if (error instanceof WxrError) return fail(400, `Cannot read the export: ${error.message}. Nothing was imported.`);
    if (error instanceof UploadsArchiveError || error instanceof UploadInputError) return fail(400, error.message);
    if (error instanceof MediaStoreUnavailableError) {
      logger().warn({ err: error }, 'WordPress upload: media store unavailable');
      return fail(503, 'The file store is unavailable for a moment, so the upload could not be read. Try again shortly.');
    }
    throw error;
  }
}
