import type { Metadata } from 'next';
import Link from 'next/link';
import { PlainCommentForm } from '@/components/site/plain-comment-form';
import { getCommentTarget } from '@/db/queries/comments';
import { getRefusedComment } from '@/db/queries/refused-comments';
import { signFormToken } from '@/server/comments/tokens';
import { commentRules } from '@/lib/comments/config';

// Where the plain (no JavaScript) comment form lands when the comment was refused: the reason,
// and the same form with everything the reader typed, ready to send again. The comment endpoint
// keeps the refused submission (db/mutations/refused-comments.ts) and answers 303 here, because a
// route handler cannot render a page of the site. It holds one reader's text and e-mail address,
// so it is rendered for each request and never cached, indexed or sent on as a referrer.

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ token: string }> };

const titleFor = (status: number) => (status === 403 ? 'Comments are closed' : 'Your comment was not posted');

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const refused = await getRefusedComment((await params).token);
  return { title: refused ? titleFor(refused.status) : 'Comment form expired', robots: { index: false, follow: false }, referrer: 'no-referrer' };
}

export default async function CommentNotPostedPage({ params }: Props) {
  const refused = await getRefusedComment((await params).token);
  if (!refused) {
    return (
      <div className="notice-page">
        <h1>Comment form expired</h1>
        <p>This page kept a comment that could not be posted, for an hour. It has expired, or the link is incomplete.</p>
        <p>
          <Link href="/">Go to the front page</Link>
        </p>
      </div>
    );
  }
  const target = refused.articleId !== null && refused.status !== 404 ? await getCommentTarget(refused.articleId) : null;
  const canRetry = target !== null && refused.status !== 403;
  const { values } = refused;
  // A reply whose target is what was wrong (gone, or nested too deep) is offered as a comment of
  // its own, as the message says; any other refusal keeps the reply where the reader put it.
  const replyTo = refused.fieldErrors.parentId ? '' : values.parentId;
  return (
    <div className="notice-page">
      <h1>{titleFor(refused.status)}</h1>
      <p className="comments__alert" role="alert">
        {refused.message}
      </p>
      {canRetry ? (
        <PlainCommentForm
          articleId={target.id}
          // The reader already spent time on the form: the new token does not make them wait again.
          formToken={signFormToken(target.id, Date.now() - commentRules(process.env).minFormSeconds * 1000)}
          parentId={replyTo}
          heading={replyTo ? 'Your reply' : values.parentId ? 'Your comment, to post on its own' : 'Your comment'}
          kept={{ values, fieldErrors: refused.fieldErrors }}
        />
      ) : values.comment ? (
        <>
          <p>Your comment, so you can keep it:</p>
          <pre style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', font: 'inherit', border: '1px solid var(--rule)', padding: '0.75rem' }}>{values.comment}</pre>
        </>
      ) : null}
      <p>{target?.path ? <Link href={`${target.path}#comments`}>Back to “{target.headline}”</Link> : <Link href="/">Go to the front page</Link>}</p>
    </div>
  );
}
