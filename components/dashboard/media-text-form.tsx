'use client';

import { useActionState } from 'react';
import type { MediaTextState, updateMediaTextAction } from '@/app/(dashboard)/dashboard/_actions/media';

export function MediaTextForm({ id, alt, caption, credit, action }: { id: number; alt: string; caption: string; credit: string; action: typeof updateMediaTextAction }) {
  const [state, formAction, pending] = useActionState<MediaTextState, FormData>(action, { error: null, saved: false });
  return (
    <form action={formAction} className="form" style={{ gap: '0.4rem' }}>
      <input type="hidden" name="id" value={id} />
      <div className="field">
        <label htmlFor={`alt-${id}`}>Alt text</label>
        <input id={`alt-${id}`} name="alt" type="text" defaultValue={alt} maxLength={500} aria-describedby={!alt ? `alt-${id}-missing` : undefined} />
        {!alt ? (
          <p className="field__error" id={`alt-${id}-missing`}>
            Needed before this image can appear in a published article.
          </p>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor={`caption-${id}`}>Caption</label>
        <input id={`caption-${id}`} name="caption" type="text" defaultValue={caption} maxLength={1000} />
      </div>
      <div className="field">
        <label htmlFor={`credit-${id}`}>Credit</label>
        <input id={`credit-${id}`} name="credit" type="text" defaultValue={credit} maxLength={200} />
      </div>
      <button type="submit" className="button button--small" disabled={pending}>
        Save details
      </button>
      <p className={state.error ? 'form__error' : 'form__notice'} role="status">
        {state.error ?? (state.saved ? 'Saved.' : '')}
      </p>
    </form>
  );
}
