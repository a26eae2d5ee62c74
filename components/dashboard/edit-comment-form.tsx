'use client';

import { useActionState } from 'react';
import type { EditCommentState, editCommentAction } from '@/app/(dashboard)/dashboard/_actions/comments';

// Editing a comment's name and text. Errors come back per field and the form keeps the text.
export function EditCommentForm({ id, name, body, action }: { id: number; name: string; body: string; action: typeof editCommentAction }) {
  const [state, formAction, pending] = useActionState<EditCommentState, FormData>(action, { fieldErrors: {}, name, body });
  return (
    <form action={formAction} className="form">
      <input type="hidden" name="id" value={id} />
      <p className="form__notice" role="status">
        {state.saved ? 'Saved. The article shows the new text now.' : ''}
      </p>
      <div className="field">
        <label htmlFor="edit-name">Name</label>
        <input id="edit-name" name="name" type="text" defaultValue={state.name} key={`n${state.name}`} aria-invalid={state.fieldErrors.name ? true : undefined} aria-describedby={state.fieldErrors.name ? 'edit-name-error' : undefined} />
        {state.fieldErrors.name ? (
          <p className="field__error" id="edit-name-error">
            {state.fieldErrors.name}
          </p>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor="edit-body">Comment</label>
        <textarea id="edit-body" name="body" rows={10} defaultValue={state.body} key={`b${state.body}`} aria-invalid={state.fieldErrors.body ? true : undefined} aria-describedby={state.fieldErrors.body ? 'edit-body-error' : undefined} />
        {state.fieldErrors.body ? (
          <p className="field__error" id="edit-body-error">
            {state.fieldErrors.body}
          </p>
        ) : null}
      </div>
      <p className="form__error" role="alert">
        {Object.keys(state.fieldErrors).length ? 'The comment was not saved: see the messages above.' : ''}
      </p>
      <div className="button-row">
        <button className="button button--primary" type="submit" disabled={pending}>
          {pending ? 'Saving…' : 'Save changes'}
        </button>
      </div>
    </form>
  );
}
