import { NextResponse, type NextRequest } from 'next/server';
import { postLiveEntry } from '@/db/mutations/live-blog';
import { PermissionDeniedError, rolesFor } from '@/lib/permissions';
import { expireTags } from '@/server/cache/expire';
import { refuseForeignRequest } from '@/server/http/origin';
import { requireRoleForApi } from '@/server/auth/session';

// POST /api/live/<article id>/entries: posts one entry to a live blog, for newsroom tools that are
// not the composer (a phone app, a results feed, the live benchmark). JSON in: { title?, body,
// keyEvent?, pinned? } with `body` in the article document format. The same mutation and checks
// as the composer: a reporter's session, key events and pins for editors, a clear 4xx otherwise.

export const dynamic = 'force-dynamic';

const fail = (status: number, error: string, fieldErrors?: Record<string, string>) => NextResponse.json({ ok: false, error, fieldErrors }, { status, headers: { 'Cache-Control': 'no-store' } });

export async function POST(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  if (refuseForeignRequest(request)) return fail(403, 'Entries must come from the newsroom itself.');
  const me = await requireRoleForApi(...rolesFor('live.post'));
  const { id } = await params;
  if (!/^\d{1,10}$/.test(id) || Number(id) > 2147483647) return fail(404, 'No such live blog.');
  let input: Record<string, unknown>;
  try {
    const parsed: unknown = await request.json();
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
    input = parsed as Record<string, unknown>;
  } catch {
    return fail(400, 'Send the entry as a JSON object: { "title": "…", "body": { "type": "doc", "content": […] } }.');
  }
  try {
    const result = await postLiveEntry(me, Number(id), {
      title: typeof input.title === 'string' ? input.title : '',
      body: input.body as never,
      keyEvent: input.keyEvent === true,
      pinned: input.pinned === true,
    });
    if (!result.ok) {
      const status = result.kind === 'invalid' ? 422 : result.kind === 'not_found' ? 404 : 409;
      return fail(status, result.message, result.kind === 'invalid' ? result.fieldErrors : undefined);
    }
    expireTags(result.expire);
    return NextResponse.json({ ok: true, id: result.id, version: result.version }, { status: 201, headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    if (error instanceof PermissionDeniedError) return fail(403, 'Only editors mark key events and pin entries.');
    throw error;
  }
}
