import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { CommentText } from '@/components/ui/comment-text';
import { PlainCommentForm } from '@/components/site/plain-comment-form';
import { getReplyTarget } from '@/db/queries/comments';
import { getSiteSettings } from '@/db/queries/settings';
import { signFormToken } from '@/server/comments/tokens';
import { formatDateTime } from '@/lib/dates';

// Replying without JavaScript: the comment being answered and a plain form that posts the reply.
// The island replaces the Reply links that lead here with an inline form.

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Reply to a comment', robots: { index: false } };

type Props = { params: Promise<{ id: string }> };

export default async function ReplyPage({ params }: Props) {
  const { id } = await params;
  if (!/^\d{1,15}$/.test(id)) notFound();
  const [target, settings] = await Promise.all([getReplyTarget(Number(id)), getSiteSettings()]);
  if (!target) notFound();
  const { comment, thread } = target;
  const canReply = thread.open && comment.depth < thread.maxDepth - 1;
  return (
    <div className="notice-page">
      <p>
        <Link href={`${target.articlePath}#comment-${comment.id}`}>Back to “{target.articleHeadline}”</Link>
      </p>
      <h1>Reply to {comment.authorName}</h1>
      <div className="comment">
        <p className="comment__meta">
          <span className="comment__author">{comment.authorName}</span> <time dateTime={comment.createdAt}>{formatDateTime(comment.createdAt, settings.locale, settings.timeZone)}</time>
        </p>
        <div className="comment__body">
          <CommentText text={comment.body} />
        </div>
      </div>
      {canReply ? (
        <PlainCommentForm articleId={thread.articleId} formToken={signFormToken(thread.articleId)} parentId={comment.id} heading={`Your reply to ${comment.authorName}`} />
      ) : (
        <p className="comments__closed">{thread.open ? 'This conversation cannot nest any deeper. Reply to an earlier comment instead.' : 'Comments are closed'}</p>
      )}
    </div>
  );
}
