import type { PublicComment } from '@/lib/comments/thread-types';
import { formatDateTime } from '@/lib/dates';
import { CommentText } from '../ui/comment-text';

// The approved comments as server-rendered HTML: what crawlers and readers without JavaScript
// see, and what everyone sees until the island takes over. Same for every reader.

export function countLabel(count: number): string {
  return count === 1 ? '1 comment' : `${count.toLocaleString('en-GB')} comments`;
}

export function StaticThread({ comments, maxDepth, locale, timeZone }: { comments: PublicComment[]; maxDepth: number; locale: string; timeZone: string }) {
  if (comments.length === 0) return null;
  return (
    <ol className="comment-list">
      {comments.map((c) => (
        <li key={c.id} id={`comment-${c.id}`} className={`comment comment--depth-${Math.min(c.depth, 9)}`}>
          <article className="comment__inner" aria-label={`Comment by ${c.authorName}`}>
            <p className="comment__meta">
              <span className="comment__author">{c.authorName}</span>{' '}
              <a className="comment__permalink" href={`#comment-${c.id}`}>
                <time dateTime={c.createdAt}>{formatDateTime(c.createdAt, locale, timeZone)}</time>
              </a>
            </p>
            {c.parentId && c.replyToName ? (
              <p className="comment__reply-to">
                In reply to <a href={`#comment-${c.parentId}`}>{c.replyToName}</a>
              </p>
            ) : null}
            <div className="comment__body">
              <CommentText text={c.body} />
            </div>
            {c.depth < maxDepth - 1 ? (
              <p className="comment__actions">
                <a className="comment__reply" href={`/comments/reply/${c.id}`} rel="nofollow">
                  Reply<span className="visually-hidden"> to {c.authorName}</span>
                </a>
              </p>
            ) : null}
          </article>
        </li>
      ))}
    </ol>
  );
}
