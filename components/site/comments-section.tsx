import { getFirstThreadPage } from '@/db/queries/comments';
import { getPublicCommentSettings } from '@/db/queries/settings';
import type { CommentMode } from '@/lib/domain';
import { closingTime, commentsOpen } from '@/lib/comments/rules';
import { signFormToken } from '@/server/comments/tokens';
import { logger } from '@/server/log';
import { CommentsIsland } from '../comments/comments-island';
import { PlainCommentForm } from './plain-comment-form';
import { Timestamp } from './timestamp';
import { countLabel, StaticThread } from './static-comment-thread';

// The comments under an article. The HTML is the same for every reader (so the page stays
// cacheable): the first page of approved comments and a plain form. The island takes over when
// the reader scrolls here, adding replies, paging, ordering and their own pending comments.

export type CommentsSectionArticle = {
  id: number;
  commentMode: CommentMode;
  commentsCloseAt: string | null;
  firstPublishedAt: string;
  approvedComments: number;
};

export async function CommentsSection({ article, locale, timeZone }: { article: CommentsSectionArticle; locale: string; timeZone: string }) {
  const [settings, page] = await Promise.all([getPublicCommentSettings(), getFirstThreadPage(article.id)]);
  const timing = { commentMode: article.commentMode, commentsCloseAt: article.commentsCloseAt ? new Date(article.commentsCloseAt) : null, firstPublishedAt: new Date(article.firstPublishedAt) };
  const open = commentsOpen(timing, settings.closeAfterDays);
  // When an open thread closes, told to readers before they write. A fixed instant, so the cached
  // page stays true (the page is refreshed when the article's comment settings change); shown in
  // the paper's time zone. Outside the island, so it stays when the live thread takes over.
  const closes = open ? closingTime(timing, settings.closeAfterDays) : null;
  let formToken: string | null = null;
  if (open) {
    try {
      formToken = signFormToken(article.id);
    } catch (error) {
      // No secret configured: the plain form cannot be checked, so the server will ask to resend.
      logger().error({ event: 'comments.form-token', err: (error as Error).message }, 'cannot sign the comment form');
    }
  }
  return (
    <section id="comments" className="comments" aria-labelledby="comments-heading">
      {closes ? (
        <p className="comments__closes">
          Comments close on <Timestamp iso={closes.toISOString()} locale={locale} timeZone={timeZone} />
        </p>
      ) : null}
      <CommentsIsland articleId={article.id} count={article.approvedComments} open={open} maxDepth={settings.maxDepth} locale={locale} timeZone={timeZone}>
        <h2 id="comments-heading">{countLabel(article.approvedComments)}</h2>
        <StaticThread comments={page.comments} maxDepth={settings.maxDepth} locale={locale} timeZone={timeZone} />
        {page.next ? (
          <p className="comments__more">
            <a href={`/comments/${article.id}/after/${page.next}`}>More comments</a>
          </p>
        ) : null}
        {open ? <PlainCommentForm articleId={article.id} formToken={formToken} /> : <p className="comments__closed">Comments are closed</p>}
      </CommentsIsland>
    </section>
  );
}
