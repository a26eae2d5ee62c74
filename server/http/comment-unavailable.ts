// What the comment endpoint answers while the database is unreachable. The island gets JSON; the
// no-JavaScript form gets a small page of its own, built here as a string: a route handler cannot
// render the site's React pages, the refusal page (/comments/not-posted/<token>) keeps what was
// typed in the database, which is down, and a redirect would put the reader's e-mail address in
// a URL (logs, history, Referer). So the page carries the typed text back in the response body
// only, in a form the reader can send again once the newspaper is back.

export const COMMENT_RETRY_AFTER_SECONDS = 30;

export const COMMENT_UNAVAILABLE_MESSAGE =
  'Your comment was not posted: the newspaper cannot reach its archive just now. Nothing you typed is lost: please try again in a minute.';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export type KeptComment = { articleId: string; parentId: string; formToken: string; name: string; email: string; comment: string };

/** The values to keep from a submission: strings only, cut to sane lengths, nothing else. */
export function keptComment(fields: Record<string, unknown> | null): KeptComment {
  const str = (v: unknown, max: number) => (typeof v === 'string' ? v.slice(0, max) : typeof v === 'number' ? String(v) : '');
  const f = fields ?? {};
  return {
    articleId: str(f.articleId, 20),
    parentId: str(f.parentId, 20),
    formToken: str(f.formToken, 500),
    name: str(f.name, 1000),
    email: str(f.email, 1000),
    comment: str(f.comment, 20000),
  };
}

/** A complete HTML page with the message and the reader's comment, ready to send again. */
export function commentUnavailablePage(kept: KeptComment): string {
  const v = Object.fromEntries(Object.entries(kept).map(([k, value]) => [k, escapeHtml(value)])) as KeptComment;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Comment not posted – temporarily unavailable</title>
<style>body{font:1.05rem/1.5 Georgia,serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#121212}label{display:block;font-weight:bold;margin-top:1rem}input,textarea{width:100%;font:inherit;padding:.4rem;box-sizing:border-box}button{margin-top:1rem;font:inherit;padding:.5rem 1rem}.kicker{text-transform:uppercase;letter-spacing:.05em;font-size:.85rem}</style>
</head>
<body>
<main id="main">
<p class="kicker">Error 503</p>
<h1>Your comment was not posted</h1>
<p role="alert">${escapeHtml(COMMENT_UNAVAILABLE_MESSAGE)}</p>
<form method="post" action="/api/comments">
<input type="hidden" name="articleId" value="${v.articleId}">
<input type="hidden" name="parentId" value="${v.parentId}">
<input type="hidden" name="formToken" value="${v.formToken}">
<label for="comment-name">Name</label>
<input id="comment-name" name="name" type="text" required autocomplete="name" value="${v.name}">
<label for="comment-email">Email</label>
<input id="comment-email" name="email" type="email" required autocomplete="email" value="${v.email}">
<label for="comment-text">Comment</label>
<textarea id="comment-text" name="comment" required rows="8">${v.comment}</textarea>
<button type="submit">Post Comment</button>
</form>
</main>
</body>
</html>
`;
}
