import Link from 'next/link';
import { notFound } from 'next/navigation';
import { EditCommentForm } from '@/components/dashboard/edit-comment-form';
import { formatWhen } from '@/lib/newsroom-format';
import { getCommentForModeration } from '@/db/queries/comments';
import { getSiteSettings } from '@/db/queries/settings';
import { requireRole } from '@/server/auth/session';
import { rolesFor } from '@/lib/permissions';
import { CommentStatusBadge } from '../../../../../components/ui/comment-status-badge';
import { editCommentAction, moderateCommentsAction } from '../../_actions/comments';

export const metadata = { title: 'Edit comment' };

type Props = { params: Promise<{ id: string }> };

export default async function EditCommentPage({ params }: Props) {
  await requireRole(...rolesFor('comments.moderate'));
  const { id } = await params;
  if (!/^\d{1,15}$/.test(id)) notFound();
  const [c, settings] = await Promise.all([getCommentForModeration(Number(id)), getSiteSettings()]);
  if (!c) notFound();
  const returnTo = `/dashboard/comments/${c.id}`;
  return (
    <div>
      <p>
        <Link href={`/dashboard/comments?status=${c.status}`}>Back to the queue</Link>
      </p>
      <h1>Comment by {c.authorName}</h1>
      <dl className="details">
        <dt>Status</dt>
        <dd>
          <CommentStatusBadge status={c.status} />
          {c.heldReasons.length ? ` ${c.heldReasons.join('; ')}` : ''}
        </dd>
        <dt>On</dt>
        <dd>{c.articlePath ? <a href={`${c.articlePath}#comment-${c.id}`}>{c.articleHeadline}</a> : c.articleHeadline}</dd>
        <dt>E-mail</dt>
        <dd>
          <Link href={`/dashboard/comments/commenter?email=${encodeURIComponent(c.authorEmail)}`}>{c.authorEmail}</Link>
        </dd>
        <dt>Network address</dt>
        <dd>{c.clientAddress ?? 'dropped'}</dd>
        <dt>Browser</dt>
        <dd>{c.userAgent ?? 'dropped'}</dd>
        <dt>Posted</dt>
        <dd>{formatWhen(c.createdAt, settings.timeZone, settings.locale)}</dd>
      </dl>
      <form action={moderateCommentsAction} className="button-row">
        <input type="hidden" name="ids" value={c.id} />
        <input type="hidden" name="returnTo" value={returnTo} />
        {c.status !== 'approved' ? (
          <button className="button button--primary" name="action" value={c.status === 'pending' ? 'approve' : 'restore'} type="submit">
            {c.status === 'pending' ? 'Approve' : 'Restore'}
          </button>
        ) : null}
        {c.status !== 'spam' ? (
          <button className="button button--danger" name="action" value="spam" type="submit">
            Spam
          </button>
        ) : null}
        {c.status !== 'trash' ? (
          <button className="button button--danger" name="action" value="trash" type="submit">
            Trash
          </button>
        ) : null}
      </form>
      <h2>Edit</h2>
      <EditCommentForm id={c.id} name={c.authorName} body={c.body} action={editCommentAction} />
    </div>
  );
}
