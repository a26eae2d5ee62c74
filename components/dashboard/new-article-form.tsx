'use client';

import { useActionState } from 'react';
import type { CreateArticleState, createArticleAction } from '@/app/(dashboard)/dashboard/_actions/articles';

export function NewArticleForm({ sections, action }: { sections: { id: number; name: string }[]; action: typeof createArticleAction }) {
  const [state, formAction, pending] = useActionState<CreateArticleState, FormData>(action, { fieldErrors: {}, headline: '', sectionId: '' });
  return (
    <form className="form" action={formAction}>
      <p className="form__error" role="alert">
        {state.fieldErrors.form ?? ''}
      </p>
      <div className="field">
        <label htmlFor="new-headline">Headline</label>
        <input
          id="new-headline"
          name="headline"
          type="text"
          required
          maxLength={300}
          defaultValue={state.headline}
          aria-invalid={state.fieldErrors.headline ? true : undefined}
          aria-describedby={state.fieldErrors.headline ? 'new-headline-error' : undefined}
        />
        {state.fieldErrors.headline ? (
          <p className="field__error" id="new-headline-error">
            {state.fieldErrors.headline}
          </p>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor="new-section">Section</label>
        <select id="new-section" name="sectionId" defaultValue={state.sectionId}>
          <option value="">Choose later</option>
          {sections.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
        {state.fieldErrors.sectionId ? <p className="field__error">{state.fieldErrors.sectionId}</p> : null}
      </div>
      <div>
        <button className="button button--primary" type="submit" disabled={pending}>
          {pending ? 'Creating…' : 'Create draft'}
        </button>
      </div>
    </form>
  );
}
