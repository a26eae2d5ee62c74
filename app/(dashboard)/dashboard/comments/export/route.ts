import { exportCommenterData } from '@/db/queries/comments';
import { requireRoleForApi } from '@/server/auth/session';
import { rolesFor } from '@/lib/permissions';

// A commenter's data as a JSON file, for answering a request for a copy of it. Editors and admins
// only; never cached.

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  await requireRoleForApi(...rolesFor('comments.moderate'));
  const email = (new URL(request.url).searchParams.get('email') ?? '').trim().toLowerCase();
  if (!email || email.length > 100 || !email.includes('@')) return Response.json({ error: 'Give the e-mail address to export.' }, { status: 400 });
  const data = await exportCommenterData(email);
  const file = `commenter-${email.replace(/[^a-z0-9._-]+/g, '_')}.json`;
  return new Response(JSON.stringify(data, null, 2), {
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Content-Disposition': `attachment; filename="${file}"`, 'Cache-Control': 'no-store' },
  });
}
