import Link from 'next/link';
import { notFound } from 'next/navigation';
import { LiveEntryForm } from '@/components/dashboard/live-entry-form';
import { listMedia } from '@/db/queries/media';
import { getLiveBlogForNewsroom } from '@/db/queries/live-blog';
import { can, canOnLiveEntry, rolesFor } from '@/lib/permissions';
import { requireRole } from '@/server/auth/session';
import { forbidden } from 'next/navigation';
import { editLiveEntryAction } from '../../../../_actions/live-blog';

type Props = { params: Promise<{ id: string; entryId: string }> };

export const metadata = { title: 'Edit a live entry' };

export default async function EditLiveEntryPage({ params }: Props) {
  const me = await requireRole(...rolesFor('live.post'));
  const { id, entryId } = await params;
  if (!/^\d{1,10}$/.test(id) || !/^\d{1,10}$/.test(entryId)) notFound();
  const [blog, media] = await Promise.all([getLiveBlogForNewsroom(Number(id), 1000), listMedia({ limit: 200 })]);
  const entry = blog?.entries.find((e) => e.id === Number(entryId));
  if (!blog || !entry) notFound();
  if (!canOnLiveEntry(me, 'edit', entry)) forbidden();
  return (
    <div>
      <p>
        <Link href={`/dashboard/live/${blog.articleId}`}>Back to “{blog.headline}”</Link>
      </p>
      <LiveEntryForm
        mode="edit"
        submit={editLiveEntryAction.bind(null, entry.id)}
        moderator={can(me, 'live.moderate')}
        initial={{ title: entry.title, body: entry.body, correction: entry.correction, version: entry.version }}
        done={`/dashboard/live/${blog.articleId}#entry-${entry.id}`}
        media={media.map((m) => ({ id: m.id, src: m.src, alt: m.alt, caption: m.caption, credit: m.credit, width: m.width, height: m.height }))}
      />
    </div>
  );
}
