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

type Field = 'name' | 'email' | 'comment';

/** What a reader typed, and what was wrong with it, when the form is shown again after a refusal. */
export type KeptComment = { values: Record<Field, string>; fieldErrors: Partial<Record<Field, string>> };

/** The error under a field, tied to it as its description (the island marks its fields the same way). */
function fieldError(kept: KeptComment | undefined, field: Field) {
  const error = kept?.fieldErrors[field];
  return {
    control: error ? { 'aria-invalid': true, 'aria-describedby': `comment-${field}-error` } : {},
    message: error ? (
      <span className="comment-form__error" id={`comment-${field}-error`}>
        {error}
      </span>
    ) : null,
  };
}

export function PlainCommentForm({
  articleId,
  formToken,
  parentId = null,
  heading = 'Leave a Reply',
  kept,
}: {
  articleId: number;
  formToken: string | null;
  parentId?: number | string | null;
  heading?: string;
  /** Fills the fields in again (the page for a refused comment). */
  kept?: KeptComment;
}) {
  const name = fieldError(kept, 'name');
  const email = fieldError(kept, 'email');
  const comment = fieldError(kept, 'comment');
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
          <input id="comment-name" name="name" type="text" required autoComplete="name" defaultValue={kept?.values.name} {...name.control} />
          {name.message}
        </p>
        <p className="comment-form__field">
          <label htmlFor="comment-email">
            Email <span className="required" aria-hidden="true">*</span>
          </label>
          <input id="comment-email" name="email" type="email" required autoComplete="email" defaultValue={kept?.values.email} {...email.control} />
          {email.message}
        </p>
        <p className="comment-form__field">
          <label htmlFor="comment-text">
            Comment <span className="required" aria-hidden="true">*</span>
          </label>
          <textarea id="comment-text" name="comment" required rows={8} defaultValue={kept?.values.comment} {...comment.control} />
          {comment.message}
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
