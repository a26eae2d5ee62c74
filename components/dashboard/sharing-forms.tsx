'use client';

import { useActionState } from 'react';
import type { CorrectionState, PreviewLinkState, addCorrectionAction, createPreviewLinkAction } from '@/app/(dashboard)/dashboard/_actions/sharing';

export function PreviewLinkForm({ articleId, hours, action }: { articleId: number; hours: number; action: typeof createPreviewLinkAction }) {
  const [state, formAction, pending] = useActionState<PreviewLinkState, FormData>(action, { url: null, expiresAt: null, error: null });
  const full = state.url ? `${typeof window === 'undefined' ? '' : window.location.origin}${state.url}` : null;
  return (
    <form action={formAction} className="form">
      <input type="hidden" name="articleId" value={articleId} />
      <button type="submit" className="button" disabled={pending}>
        Create a secret preview link ({hours} hours)
      </button>
      <div aria-live="polite">
        {state.error ? <p className="form__error">{state.error}</p> : null}
        {full ? (
          <div className="notice">
            <label htmlFor="preview-link-url">Share this link; it is shown only now:</label>
            <input id="preview-link-url" type="text" readOnly value={full} onFocus={(e) => e.currentTarget.select()} style={{ width: '100%' }} />
          </div>
        ) : null}
      </div>
    </form>
  );
}

export function CorrectionForm({ articleId, action }: { articleId: number; action: typeof addCorrectionAction }) {
  const [state, formAction, pending] = useActionState<CorrectionState, FormData>(action, { error: null, done: false, body: '' });
  return (
    <form action={formAction} className="form">
      <input type="hidden" name="articleId" value={articleId} />
      <div className="field">
        <label htmlFor="correction-kind">Kind</label>
        <select id="correction-kind" name="kind" defaultValue="correction">
          <option value="correction">Correction</option>
          <option value="clarification">Clarification</option>
          <option value="update">Update</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="correction-body">Text shown to readers</label>
        <textarea id="correction-body" name="body" rows={3} maxLength={2000} defaultValue={state.body} required />
      </div>
      <p className={state.error ? 'form__error' : 'form__notice'} role="status" aria-live="polite">
        {state.error ?? (state.done ? 'Correction published: it shows on the article and the corrections page.' : '')}
      </p>
      <div>
        <button type="submit" className="button" disabled={pending}>
          Publish correction
        </button>
      </div>
    </form>
  );
}
