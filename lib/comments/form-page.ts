// The page a reader without JavaScript gets when their comment could not be posted: the reason,
// and the form again with everything they typed, ready to send once more. The comment endpoint
// is a route handler, so this is a small self-contained HTML document rather than a React page.

export type FormPageInput = {
  status: number;
  title: string;
  message: string;
  fieldErrors: Partial<Record<'name' | 'email' | 'comment', string>>;
  values: { name: string; email: string; comment: string; parentId: string };
  articleId: number | null;
  articlePath: string | null;
  articleHeadline: string | null;
  /** A fresh form token, or null when the form cannot be sent again (closed, unknown article). */
  formToken: string | null;
};

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const STYLE = `
:root{color-scheme:light dark;--paper:#fbfaf7;--ink:#16181b;--muted:#4f5459;--rule:#d9d5cc;--accent:#9e1b1b;--link:#0b4f8a;--focus:#1a5fb4}
@media (prefers-color-scheme:dark){:root{--paper:#15171a;--ink:#ecebe7;--muted:#b3b7bc;--rule:#3a3e44;--accent:#ff8a80;--link:#8cc4ff;--focus:#8cc4ff}}
*{box-sizing:border-box}body{margin:0;background:var(--paper);color:var(--ink);font:1.0625rem/1.6 system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif}
main{max-width:42rem;margin:0 auto;padding:1.5rem 1rem}h1{font-family:Charter,Georgia,serif;line-height:1.2}
a{color:var(--link)}:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.alert{border-left:4px solid var(--accent);padding:.5rem .75rem;font-weight:600}
label{display:block;font-weight:600;margin-top:1rem}.required{color:var(--accent)}
input,textarea{display:block;width:100%;font:inherit;padding:.5rem;border:1px solid var(--muted);border-radius:2px;background:var(--paper);color:var(--ink)}
textarea{min-height:10rem}.field-error{color:var(--accent);margin:.25rem 0 0;font-size:.95rem}
button{margin-top:1rem;font:inherit;font-weight:700;padding:.6rem 1.2rem;min-height:44px;border:0;background:var(--ink);color:var(--paper);cursor:pointer}
.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
`;

function field(id: 'name' | 'email' | 'comment', label: string, input: FormPageInput): string {
  const error = input.fieldErrors[id];
  const describedBy = error ? ` aria-invalid="true" aria-describedby="${id}-error"` : '';
  const value = escapeHtml(input.values[id]);
  const control =
    id === 'comment'
      ? `<textarea id="comment" name="comment" required rows="8"${describedBy}>${value}</textarea>`
      : `<input id="${id}" name="${id}" type="${id === 'email' ? 'email' : 'text'}" required autocomplete="${id}" value="${value}"${describedBy}>`;
  return `<label for="${id}">${label} <span class="required" aria-hidden="true">*</span></label>${control}${error ? `<p class="field-error" id="${id}-error">${escapeHtml(error)}</p>` : ''}`;
}

export function renderFormPage(input: FormPageInput): string {
  const back = input.articlePath
    ? `<p><a href="${escapeHtml(input.articlePath)}#comments">Back to “${escapeHtml(input.articleHeadline ?? 'the article')}”</a></p>`
    : '<p><a href="/">Go to the front page</a></p>';
  const form =
    input.formToken && input.articleId
      ? `<form method="post" action="/api/comments">
<input type="hidden" name="articleId" value="${input.articleId}">
<input type="hidden" name="parentId" value="${escapeHtml(input.values.parentId)}">
<input type="hidden" name="formToken" value="${escapeHtml(input.formToken)}">
<p>Your email address will not be published. Required fields are marked <span class="required" aria-hidden="true">*</span><span class="hp">(asterisk)</span></p>
${field('name', 'Name', input)}
${field('email', 'Email', input)}
${field('comment', 'Comment', input)}
<div class="hp" aria-hidden="true"><label for="homepage">Leave this field empty</label><input id="homepage" name="homepage" tabindex="-1" autocomplete="off"></div>
<button type="submit">Post Comment</button>
</form>`
      : input.values.comment
        ? `<p>Your comment, so you can keep it:</p><pre style="white-space:pre-wrap;font:inherit;border:1px solid var(--rule);padding:.75rem">${escapeHtml(input.values.comment)}</pre>`
        : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
<title>${escapeHtml(input.title)}</title><style>${STYLE}</style></head>
<body><main id="main">
<h1>${escapeHtml(input.title)}</h1>
<p class="alert" role="alert">${escapeHtml(input.message)}</p>
${form}
${back}
</main></body></html>`;
}
