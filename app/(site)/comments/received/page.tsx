import type { Metadata } from 'next';
import Link from 'next/link';
import { CommentText } from '@/components/ui/comment-text';
import { getReceivedComment } from '@/db/queries/comments';
import { getSiteSettings } from '@/db/queries/settings';
import { readOwnerToken } from '@/server/comments/tokens';
import { formatDateTime } from '@/lib/dates';

// Where the plain (no JavaScript) comment form lands after posting. The signed token in the
// address proves the reader posted this comment, so they may see it while it awaits moderation.

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Comment received', robots: { index: false } };

type Props = { searchParams: Promise<{ c?: string | string[] }> };

export default async function CommentReceivedPage({ searchParams }: Props) {
  const token = (await searchParams).c;
  const id = typeof token === 'string' ? readOwnerToken(token) : null;
  const [comment, settings] = await Promise.all([id ? getReceivedComment(id) : null, getSiteSettings()]);
  if (!comment) {
    return (
      <div className="notice-page">
        <h1>Comment not found</h1>
        <p>We could not find that comment. It may have been removed, or the link is incomplete.</p>
        <p>
          <Link href="/">Go to the front page</Link>
        </p>
      </div>
    );
  }
  const published = comment.status === 'approved';
  return (
    <div className="notice-page comment-received">
      <h1>Thank you: your comment was received</h1>
      <p role="status">
        {published
          ? 'Your comment has been published.'
          : 'Your comment is awaiting moderation. It will appear under the article once a moderator has approved it.'}
      </p>
      <div className={`comment${published ? '' : ' comment--pending'}`}>
        <p className="comment__meta">
          <span className="comment__author">{comment.authorName}</span> <time dateTime={comment.createdAt}>{formatDateTime(comment.createdAt, settings.locale, settings.timeZone)}</time>
        </p>
        {published ? null : <p className="comment__awaiting">Your comment is awaiting moderation.</p>}
        <div className="comment__body">
          <CommentText text={comment.body} />
        </div>
      </div>
      <p>
        <Link href={`${comment.articlePath}#${published ? `comment-${comment.id}` : 'comments'}`}>Back to “{comment.articleHeadline}”</Link>
      </p>
    </div>
  );
}
