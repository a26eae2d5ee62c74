'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, type FormEvent } from 'react';
import type { LiveEntryActionResult } from '@/app/(dashboard)/dashboard/_actions/live-blog';
import type { ArticleBody } from '@/lib/article-body';
import { BodyEditor, type MediaChoice } from './body-editor';

// The live blog's quick composer, and the same form for editing an entry. The body is the article
// editor's (the same document model); the answer is announced in a live region. On a refusal the
// form keeps everything typed; after a post it empties for the next entry.

const EMPTY: ArticleBody = { type: 'doc', content: [] };

type Props = {
  mode: 'post' | 'edit';
  /** A server action bound to the blog (post) or the entry (edit). */
  submit: (input: { title: string; body: ArticleBody; keyEvent?: boolean; pinned?: boolean; correction?: string; expectedVersion?: number }) => Promise<LiveEntryActionResult>;
  media: MediaChoice[];
  /** Editors: key event and pin when posting; a correction note when editing. */
  moderator: boolean;
  initial?: { title: string; body: ArticleBody; correction: string | null; version: number };
  /** Where to go after a saved edit. */
  done?: string;
};

export function LiveEntryForm({ mode, submit, media, moderator, initial, done }: Props) {
  const router = useRouter();
  const uid = useId();
  const [title, setTitle] = useState(initial?.title ?? '');
  const [body, setBody] = useState<ArticleBody>(initial?.body ?? EMPTY);
  const [keyEvent, setKeyEvent] = useState(false);
  const [pinned, setPinned] = useState(false);
  const [correction, setCorrection] = useState(initial?.correction ?? '');
  const [editorKey, setEditorKey] = useState(0);
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<LiveEntryActionResult | null>(null);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    try {
      const answer = await submit(
        mode === 'post' ? { title, body, keyEvent, pinned } : { title, body, correction: moderator ? correction : undefined, expectedVersion: initial?.version ?? -1 },
      );
      setResult(answer);
      if (answer.ok && mode === 'post') {
        setTitle('');
        setBody(EMPTY);
        setKeyEvent(false);
        setPinned(false);
        setEditorKey((k) => k + 1);
        router.refresh();
      } else if (answer.ok && done) {
        router.push(done);
      }
    } catch {
      setResult({ ok: false, message: 'The newsroom could not be reached. Nothing was lost: try again.', fieldErrors: {} });
    } finally {
      setPending(false);
    }
  }

  const errors = result && !result.ok ? result.fieldErrors : {};
  return (
    <form className="form live-form" onSubmit={onSubmit} aria-labelledby={`${uid}-heading`}>
      <h2 id={`${uid}-heading`}>{mode === 'post' ? 'Post an update' : 'Edit this entry'}</h2>
      <div className="field">
        <label htmlFor={`${uid}-title`}>Title (optional; key events are listed by it)</label>
        <input id={`${uid}-title`} type="text" value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} aria-invalid={errors.title ? true : undefined} aria-describedby={errors.title ? `${uid}-title-error` : undefined} />
        {errors.title ? (
          <p className="field__error" id={`${uid}-title-error`}>
            {errors.title}
          </p>
        ) : null}
      </div>
      <div className="field">
        <span className="field__label" id={`${uid}-body-label`}>
          Entry
        </span>
        <BodyEditor key={editorKey} initial={body} media={media} onChange={setBody} labelId={`${uid}-body-label`} />
        {errors.body ? <p className="field__error">{errors.body}</p> : null}
      </div>
      {mode === 'post' && moderator ? (
        <fieldset className="field">
          <legend>As an editor</legend>
          <label className="checkbox">
            <input type="checkbox" checked={keyEvent} onChange={(e) => setKeyEvent(e.target.checked)} /> Key event
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={pinned} onChange={(e) => setPinned(e.target.checked)} /> Pin to the top
          </label>
        </fieldset>
      ) : null}
      {mode === 'edit' && moderator ? (
        <div className="field">
          <label htmlFor={`${uid}-correction`}>Correction note shown to readers (leave empty for none)</label>
          <textarea id={`${uid}-correction`} value={correction} maxLength={1000} onChange={(e) => setCorrection(e.target.value)} rows={2} aria-invalid={errors.correction ? true : undefined} />
          {errors.correction ? <p className="field__error">{errors.correction}</p> : null}
        </div>
      ) : null}
      <div>
        <button type="submit" className="button button--primary" disabled={pending}>
          {mode === 'post' ? (pending ? 'Posting…' : 'Post update') : pending ? 'Saving…' : 'Save entry'}
        </button>
      </div>
      <p className={result?.ok === false ? 'form__error' : 'form__notice'} role="status" aria-live="polite">
        {result?.message ?? ''}
      </p>
    </form>
  );
}
