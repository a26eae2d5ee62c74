import { getLiveChanges } from '@/db/queries/live-blog';
import { cacheTags } from '@/db/tags';
import { updateCacheSeconds } from '@/lib/live-blog';

// GET /live/<article id>/updates.json?since=<version>: what changed in a live blog since the
// version a reader's page holds (lib/live-blog.ts LiveUpdate). The same for every reader at the
// same version, so a shared cache (Varnish) answers all of them for a few seconds: however many
// readers poll, the app renders each version's answer about once per window. The answer is read
// from Next's data cache under the blog's tag, and carries that tag in `xkey` so a purge by tag
// drops it the moment an entry changes.

export const dynamic = 'force-dynamic';

const json = (body: unknown, status: number, cacheControl: string, extra: Record<string, string> = {}) =>
  Response.json(body, { status, headers: { 'Cache-Control': cacheControl, ...extra } });

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const since = new URL(request.url).searchParams.get('since') ?? '';
  if (!/^\d{1,10}$/.test(id) || Number(id) > 2147483647) return json({ error: 'No such live blog.' }, 404, 'public, s-maxage=60, max-age=0');
  if (!/^\d{1,10}$/.test(since) || Number(since) > 2147483647) {
    return json({ error: 'Say which version the page has: ?since=<a whole number, 0 for none>.' }, 400, 'public, s-maxage=60, max-age=0');
  }
  const articleId = Number(id);
  const update = await getLiveChanges(articleId, Number(since));
  if (!update) return json({ error: 'No such live blog.' }, 404, 'public, s-maxage=10, max-age=0', { xkey: cacheTags.liveBlog(articleId) });
  // Once coverage has ended, pages stop asking; a late one may be kept for a minute.
  const seconds = update.live ? updateCacheSeconds(update.interval) : 60;
  return json(update, 200, `public, s-maxage=${seconds}, max-age=0`, { xkey: cacheTags.liveBlog(articleId) });
}
