'use client';

import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { fetchThread, newSubmissionKey, rememberedCommenter, rememberOwn, setRememberedCommenter } from './client-store';
import { CommentText } from '../ui/comment-text';
import type { Draft, ErrorResponse, IslandProps, PostResponse, ThreadComment, ThreadOrder, ThreadResponse } from '../../lib/comments/thread-types';
import { dateFormat } from '@/lib/dates';

// The interactive comment thread: replies, paging, ordering, permalinks, the commenter's own
// pending comments, and a form that keeps what was typed whatever goes wrong.

/** What the reader had typed into the plain form, where their focus was and where the caret sat. */
export type CarriedDraft = Draft & {
  focus: 'name' | 'email' | 'comment' | null;
  selection: { start: number; end: number; direction: 'forward' | 'backward' | 'none' } | null;
};

type FieldErrors = NonNullable<ErrorResponse['fieldErrors']>;

const countLabel = (n: number) => (n === 1 ? '1 comment' : `${n.toLocaleString('en-GB')} comments`);

const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();
function relativeFormat(locale: string): Intl.RelativeTimeFormat {
  let format = relativeFormats.get(locale);
  if (!format) relativeFormats.set(locale, (format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })));
  return format;
}

function relativeTime(iso: string, now: number, locale: string): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 45) return 'just now';
  const rtf = relativeFormat(locale);
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), 'minute');
  if (abs < 86_400) return rtf.format(Math.round(seconds / 3600), 'hour');
  if (abs < 7 * 86_400) return rtf.format(Math.round(seconds / 86_400), 'day');
  return dateFormat(locale, { day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(iso));
}

/**
 * The loaded comments in reading order, with the reader's own not-yet-visible comments placed
 * under their parent (after its last reply) or, for new conversations, at the end of the order.
 */
function arrange(loaded: ThreadComment[], own: ThreadComment[], order: ThreadOrder): ThreadComment[] {
  const ids = new Set(loaded.map((c) => c.id));
  const out = [...loaded];
  for (const c of own) {
    if (ids.has(c.id)) continue;
    ids.add(c.id);
    const at = c.parentId === null ? -1 : out.findIndex((x) => x.id === c.parentId);
    if (at === -1) {
      if (order === 'newest' && c.parentId === null) out.unshift(c);
      else out.push(c);
      continue;
    }
    let end = at + 1;
    while (end < out.length && out[end]!.depth > out[at]!.depth) end++;
    out.splice(end, 0, c);
  }
  return out;
}

export function CommentThread({ articleId, locale, timeZone, initial, takeDraft }: IslandProps & { initial: ThreadResponse; takeDraft: () => CarriedDraft }) {
  const [order, setOrder] = useState<ThreadOrder>(initial.order);
  const [loaded, setLoaded] = useState<ThreadComment[]>(initial.comments);
  const [next, setNext] = useState<string | null>(initial.next);
  const [count, setCount] = useState(initial.count);
  const [open, setOpen] = useState(initial.open);
  const [own, setOwn] = useState<ThreadComment[]>(initial.mine);
  const [loading, setLoading] = useState(false);
  const [listError, setListError] = useState('');
  const [now, setNow] = useState(() => Date.now());
  const [highlight, setHighlight] = useState<number | null>(null);

  const [replyTo, setReplyTo] = useState<number | null>(null);
  const remembered = useMemo(() => rememberedCommenter(), []);
  const [name, setName] = useState(remembered?.name ?? '');
  const [email, setEmail] = useState(remembered?.email ?? '');
  const [text, setText] = useState('');
  const [remember, setRemember] = useState(Boolean(remembered));
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const [sending, setSending] = useState(false);
  const formToken = useRef(initial.formToken);
  const submission = useRef<{ key: string; fingerprint: string } | null>(null);
  const textArea = useRef<HTMLTextAreaElement>(null);
  const fields = useRef<Record<string, HTMLInputElement | HTMLTextAreaElement | null>>({});
  const maxDepth = initial.maxDepth;

  const shown = useMemo(() => arrange(loaded, own, order), [loaded, own, order]);
  const byId = useMemo(() => new Map(shown.map((c) => [c.id, c])), [shown]);

  // Relative times stay true while the page is open.
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 30_000);
    return () => window.clearInterval(timer);
  }, []);

  // What was typed into the plain form, read as this form first reaches the page (see
  // comments-island.tsx), then the focus and caret once these fields hold that text. Layout
  // effects, so both happen before the browser delivers another keystroke.
  const [carried, setCarried] = useState<CarriedDraft | null>(null);
  useLayoutEffect(() => {
    const draft = takeDraft();
    if (draft.name) setName(draft.name);
    if (draft.email) setEmail(draft.email);
    if (draft.comment) setText(draft.comment);
    setCarried(draft);
    // Once, as the thread mounts: the plain form is gone afterwards.
  }, []);
  useLayoutEffect(() => {
    if (!carried?.focus) return;
    const el = fields.current[carried.focus];
    if (!el) return;
    el.focus();
    if (carried.selection && !(el instanceof HTMLInputElement && el.type === 'email')) el.setSelectionRange(carried.selection.start, carried.selection.end, carried.selection.direction);
  }, [carried]);

  const loadPage = useCallback(
    async (wanted: ThreadOrder, after: string | null) => {
      setLoading(true);
      setListError('');
      try {
        const page = await fetchThread(articleId, wanted, after);
        setLoaded((prev) => (after ? [...prev, ...page.comments] : page.comments));
        setNext(page.next);
        setCount(page.count);
        setOpen(page.open);
        if (!after) {
          setOwn(page.mine);
          formToken.current = page.formToken ?? formToken.current;
        }
        return page;
      } catch {
        setListError('Comments could not be loaded. Please try again.');
        return null;
      } finally {
        setLoading(false);
      }
    },
    [articleId],
  );

  // A permalink (#comment-123): load pages until that comment is here, then scroll to it.
  const revealed = useRef<string>('');
  useEffect(() => {
    const go = async () => {
      const m = /^#comment-(\d+)$/.exec(window.location.hash);
      if (!m || revealed.current === window.location.hash) return;
      revealed.current = window.location.hash;
      const id = Number(m[1]);
      let found = byId.has(id);
      let cursor = next;
      for (let i = 0; !found && cursor && i < 40; i++) {
        const page = await loadPage(order, cursor);
        if (!page) break;
        found = page.comments.some((c) => c.id === id);
        cursor = page.next;
      }
      setHighlight(id);
      requestAnimationFrame(() => document.getElementById(`comment-${id}`)?.scrollIntoView({ block: 'center' }));
    };
    void go();
    const onHash = () => {
      revealed.current = '';
      void go();
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
    // Runs once per hash; pages loaded meanwhile are read through the loop above.
  }, []);

  const changeOrder = (wanted: ThreadOrder) => {
    if (wanted === order || loading) return;
    setOrder(wanted);
    void loadPage(wanted, null);
  };

  const startReply = (id: number) => {
    setReplyTo(id);
    setError('');
    setNotice('');
    requestAnimationFrame(() => textArea.current?.focus());
  };

  const cancelReply = () => {
    const id = replyTo;
    setReplyTo(null);
    requestAnimationFrame(() => (id ? document.getElementById(`reply-button-${id}`)?.focus() : undefined));
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (sending) return;
    const form = event.currentTarget;
    const honeypot = (form.elements.namedItem('homepage') as HTMLInputElement | null)?.value ?? '';
    // The same submission retried (double click, network error) keeps its key: one comment.
    const fingerprint = JSON.stringify([name, email, text, replyTo]);
    if (!submission.current || submission.current.fingerprint !== fingerprint) submission.current = { key: newSubmissionKey(), fingerprint };
    setSending(true);
    setError('');
    setNotice('');
    setFieldErrors({});
    let res: Response;
    try {
      res = await fetch('/api/comments', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({
          articleId,
          parentId: replyTo,
          name,
          email,
          comment: text,
          homepage: honeypot,
          formToken: formToken.current ?? '',
          idempotencyKey: submission.current.key,
        }),
      });
    } catch {
      setSending(false);
      setError('Your comment could not be sent: check your connection and try again. Your text is still here.');
      return;
    }
    const body = (await res.json().catch(() => ({ error: 'Something went wrong. Please try again.' }))) as PostResponse | ErrorResponse;
    setSending(false);
    if (!res.ok || !('comment' in body)) {
      const problem = body as ErrorResponse;
      if (problem.formToken) formToken.current = problem.formToken;
      if (res.status === 403 && problem.error === 'Comments are closed') setOpen(false);
      const fe = problem.fieldErrors ?? {};
      setFieldErrors(fe);
      setError(problem.error || 'Your comment was not posted. Please try again.');
      const first = (['name', 'email', 'comment'] as const).find((f) => fe[f]);
      if (first) fields.current[first]?.focus();
      return;
    }
    const posted: ThreadComment = {
      id: body.comment.id,
      parentId: body.comment.parentId,
      depth: body.comment.depth,
      authorName: body.comment.authorName,
      body: body.comment.body,
      createdAt: body.comment.createdAt,
      replyToName: body.comment.parentId ? (byId.get(body.comment.parentId)?.authorName ?? null) : null,
      status: body.comment.status === 'pending' ? 'pending' : undefined,
    };
    if (posted.status === 'pending') rememberOwn(articleId, body.ownerToken);
    else if (res.status === 201) setCount((n) => n + 1);
    setOwn((prev) => [...prev.filter((c) => c.id !== posted.id), posted]);
    setRememberedCommenter(remember ? { name, email } : null);
    setText('');
    setReplyTo(null);
    submission.current = null;
    setNotice(body.message);
    setHighlight(posted.id);
    requestAnimationFrame(() => document.getElementById(`comment-${posted.id}`)?.scrollIntoView({ block: 'nearest' }));
  };

  const fieldProps = (id: 'name' | 'email' | 'comment') => ({
    'aria-invalid': fieldErrors[id] ? true : undefined,
    'aria-describedby': fieldErrors[id] ? `comment-${id}-error` : undefined,
  });

  const form = open ? (
    <div id="respond" className="comment-respond">
      <h3 id="reply-title" className="comment-respond__title">
        {replyTo ? `Reply to ${byId.get(replyTo)?.authorName ?? 'comment'}` : 'Leave a Reply'}
        {replyTo ? (
          <>
            {' '}
            <button type="button" className="comment-respond__cancel" onClick={cancelReply}>
              Cancel reply
            </button>
          </>
        ) : null}
      </h3>
      <form className="comment-form" onSubmit={submit} noValidate aria-labelledby="reply-title">
        <p className="comment-form__note">
          Your email address will not be published. Required fields are marked <span className="required" aria-hidden="true">*</span>
          <span className="visually-hidden">with an asterisk</span>
        </p>
        <p className="comment-form__field">
          <label htmlFor="comment-name">
            Name <span className="required" aria-hidden="true">*</span>
          </label>
          <input
            id="comment-name"
            name="name"
            type="text"
            required
            autoComplete="name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            ref={(el) => {
              fields.current.name = el;
            }}
            {...fieldProps('name')}
          />
          {fieldErrors.name ? (
            <span className="comment-form__error" id="comment-name-error">
              {fieldErrors.name}
            </span>
          ) : null}
        </p>
        <p className="comment-form__field">
          <label htmlFor="comment-email">
            Email <span className="required" aria-hidden="true">*</span>
          </label>
          <input
            id="comment-email"
            name="email"
            type="email"
            required
            autoComplete="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            ref={(el) => {
              fields.current.email = el;
            }}
            {...fieldProps('email')}
          />
          {fieldErrors.email ? (
            <span className="comment-form__error" id="comment-email-error">
              {fieldErrors.email}
            </span>
          ) : null}
        </p>
        <p className="comment-form__field">
          <label htmlFor="comment-text">
            Comment <span className="required" aria-hidden="true">*</span>
          </label>
          <textarea
            id="comment-text"
            name="comment"
            required
            rows={8}
            value={text}
            onChange={(e) => setText(e.target.value)}
            ref={(el) => {
              textArea.current = el;
              fields.current.comment = el;
            }}
            {...fieldProps('comment')}
          />
          {fieldErrors.comment ? (
            <span className="comment-form__error" id="comment-comment-error">
              {fieldErrors.comment}
            </span>
          ) : null}
        </p>
        <div className="comment-form__hp" aria-hidden="true">
          <label htmlFor="comment-homepage">Leave this field empty</label>
          <input id="comment-homepage" name="homepage" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
        </div>
        <p className="comment-form__remember">
          <input id="comment-remember" type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} />
          <label htmlFor="comment-remember">Save my name and email in this browser for the next time I comment.</label>
        </p>
        <p className="comment-form__privacy">
          We keep your name, email address, comment and network address to publish and moderate comments. Network addresses are deleted after 30 days.{' '}
          <a href="/privacy">How we handle your data</a>.
        </p>
        <p className="comment-form__submit">
          <button type="submit" aria-disabled={sending || undefined}>
            {sending ? 'Posting…' : 'Post Comment'}
          </button>
        </p>
      </form>
    </div>
  ) : (
    <p className="comments__closed">Comments are closed</p>
  );

  return (
    <>
      <h2 id="comments-heading">{countLabel(count)}</h2>
      <div className="comments__live" aria-live="polite" role="status">
        {notice}
      </div>
      <div className="comments__alert" role="alert">
        {error}
      </div>
      {shown.length > 1 || next ? (
        <div className="comments__order" role="group" aria-label="Order of comments">
          <button type="button" aria-pressed={order === 'oldest'} onClick={() => changeOrder('oldest')}>
            Oldest first
          </button>
          <button type="button" aria-pressed={order === 'newest'} onClick={() => changeOrder('newest')}>
            Newest first
          </button>
        </div>
      ) : null}
      {shown.length > 0 ? (
        <ol className="comment-list">
          {shown.map((c) => {
            const exact = dateFormat(locale, { timeZone, dateStyle: 'full', timeStyle: 'short' }).format(new Date(c.createdAt));
            return (
              <li
                key={c.id}
                id={`comment-${c.id}`}
                className={`comment comment--depth-${Math.min(c.depth, 9)}${c.status === 'pending' ? ' comment--pending' : ''}${highlight === c.id ? ' comment--highlight' : ''}`}
              >
                <article className="comment__inner" aria-label={`Comment by ${c.authorName}`}>
                  <p className="comment__meta">
                    <span className="comment__author">{c.authorName}</span>{' '}
                    <a className="comment__permalink" href={`#comment-${c.id}`} title={exact} data-exact={exact} onClick={() => setHighlight(c.id)}>
                      <time dateTime={c.createdAt}>{relativeTime(c.createdAt, now, locale)}</time>
                      <span className="visually-hidden">, {exact}</span>
                    </a>
                  </p>
                  {c.status === 'pending' ? <p className="comment__awaiting">Your comment is awaiting moderation.</p> : null}
                  {c.parentId && (c.replyToName ?? byId.get(c.parentId)?.authorName) ? (
                    <p className="comment__reply-to">
                      In reply to <a href={`#comment-${c.parentId}`}>{c.replyToName ?? byId.get(c.parentId)?.authorName}</a>
                    </p>
                  ) : null}
                  <div className="comment__body">
                    <CommentText text={c.body} />
                  </div>
                  {open && c.status !== 'pending' && c.depth < maxDepth - 1 ? (
                    <p className="comment__actions">
                      <button type="button" id={`reply-button-${c.id}`} className="comment__reply" onClick={() => startReply(c.id)} aria-expanded={replyTo === c.id}>
                        Reply<span className="visually-hidden"> to {c.authorName}</span>
                      </button>
                    </p>
                  ) : null}
                </article>
                {replyTo === c.id ? form : null}
              </li>
            );
          })}
        </ol>
      ) : (
        <p className="comments__empty">No comments yet.</p>
      )}
      {listError ? <p className="comments__alert-inline">{listError}</p> : null}
      {next ? (
        <p className="comments__more">
          <button type="button" onClick={() => void loadPage(order, next)} aria-disabled={loading || undefined}>
            {loading ? 'Loading…' : 'Load more comments'}
          </button>
        </p>
      ) : null}
      {replyTo === null || !byId.has(replyTo) ? form : null}
    </>
  );
}
