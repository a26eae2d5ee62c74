import Link from 'next/link';

// The comment form as plain HTML: it posts to /api/comments and works without JavaScript. The
// island renders the same fields (with the same labels) once it takes over.

export const PRIVACY_NOTICE_LEAD = 'We keep your name, email address, comment and network address to publish and moderate comments.';

export function RequiredNote() {
  return (
    <p className="comment-form__note">
      Your email address will not be published. Required fields are marked <span className="required" aria-hidden="true">*</span>
      <span className="visually-hidden">with an asterisk</span>
    </p>
  );
}

export function PrivacyNotice() {
  return (
    <p className="comment-form__privacy">
      {PRIVACY_NOTICE_LEAD} Network addresses are deleted after 30 days. <Link href="/privacy">How we handle your data</Link>.
    </p>
  );
}

export function Honeypot() {
  return (
    <div className="comment-form__hp" aria-hidden="true">
      <label htmlFor="comment-homepage">Leave this field empty</label>
      <input id="comment-homepage" name="homepage" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
    </div>
  );
}

export function PlainCommentForm({ articleId, formToken, parentId = null, heading = 'Leave a Reply' }: { articleId: number; formToken: string | null; parentId?: number | null; heading?: string }) {
  return (
    <div id="respond" className="comment-respond">
      <h3 id="reply-title" className="comment-respond__title">
        {heading}
      </h3>
      <form className="comment-form" method="post" action="/api/comments" aria-labelledby="reply-title">
        <input type="hidden" name="articleId" value={articleId} />
        <input type="hidden" name="parentId" value={parentId ?? ''} />
        <input type="hidden" name="formToken" value={formToken ?? ''} />
        <RequiredNote />
        <p className="comment-form__field">
          <label htmlFor="comment-name">
            Name <span className="required" aria-hidden="true">*</span>
          </label>
          <input id="comment-name" name="name" type="text" required autoComplete="name" />
        </p>
        <p className="comment-form__field">
          <label htmlFor="comment-email">
            Email <span className="required" aria-hidden="true">*</span>
          </label>
          <input id="comment-email" name="email" type="email" required autoComplete="email" />
        </p>
        <p className="comment-form__field">
          <label htmlFor="comment-text">
            Comment <span className="required" aria-hidden="true">*</span>
          </label>
          <textarea id="comment-text" name="comment" required rows={8} />
        </p>
        <Honeypot />
        <PrivacyNotice />
        <p className="comment-form__submit">
          <button type="submit">Post Comment</button>
        </p>
      </form>
    </div>
  );
}
