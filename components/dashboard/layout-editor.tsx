'use client';

import { useActionState } from 'react';
import { emptyFormState, type FormState } from '@/lib/form-state';
import './layout-editor.css';

// The layout editor's forms (dashboard/front-page). Each is an ordinary form posting to a server
// action, so every change (pin, unpin, move up or down, the strip) works by keyboard and without
// drag-and-drop; a refused form comes back with its message and exactly what was typed.

type Action = (prev: FormState, form: FormData) => Promise<FormState>;

function Message({ state }: { state: FormState }) {
  return (
    <p className={state.ok === false ? 'form__error' : 'form__notice'} role="status" aria-live="polite">
      {state.message}
    </p>
  );
}

function FieldError({ id, error }: { id: string; error?: string }) {
  return error ? (
    <p className="field__error" id={id}>
      {error}
    </p>
  ) : null;
}

const text = (state: FormState, name: string, fallback = '') => {
  const v = state.values[name];
  return typeof v === 'string' ? v : fallback;
};

export type StoryChoice = { id: number; label: string };

/** Pin a story: as the lead, or among a section's top stories, until removed or a time. */
export function PinForm({ action, idPrefix, place, submitLabel, choices, timeZoneLabel }: { action: Action; idPrefix: string; place: string; submitLabel: string; choices: StoryChoice[]; timeZoneLabel: string }) {
  const [state, formAction, pending] = useActionState(action, emptyFormState);
  const storyError = state.fieldErrors.story;
  const untilError = state.fieldErrors.expiresAt;
  const listId = `${idPrefix}-choices`;
  return (
    <form action={formAction} className="form" key={JSON.stringify(state.values)}>
      <input type="hidden" name="place" value={place} />
      <div className="field">
        <label htmlFor={`${idPrefix}-story`}>Story</label>
        <input
          id={`${idPrefix}-story`}
          name="story"
          type="text"
          required
          list={listId}
          defaultValue={text(state, 'story')}
          aria-invalid={storyError ? true : undefined}
          aria-describedby={[`${idPrefix}-story-hint`, storyError ? `${idPrefix}-story-error` : ''].filter(Boolean).join(' ')}
        />
        <datalist id={listId}>
          {choices.map((c) => (
            <option key={c.id} value={String(c.id)}>
              {c.label}
            </option>
          ))}
        </datalist>
        <p className="field__hint" id={`${idPrefix}-story-hint`}>
          Its number (as in /dashboard/articles/12), or its address on the site. Only a published story can be pinned.
        </p>
        <FieldError id={`${idPrefix}-story-error`} error={storyError} />
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-until`}>Unpin at ({timeZoneLabel}; leave empty to keep it until you remove it)</label>
        <input
          id={`${idPrefix}-until`}
          name="expiresAt"
          type="datetime-local"
          defaultValue={text(state, 'expiresAt')}
          aria-invalid={untilError ? true : undefined}
          aria-describedby={untilError ? `${idPrefix}-until-error` : undefined}
        />
        <FieldError id={`${idPrefix}-until-error`} error={untilError} />
      </div>
      <div>
        <button type="submit" className="button button--primary" disabled={pending}>
          {submitLabel}
        </button>
      </div>
      <Message state={state} />
    </form>
  );
}

/** Put up the breaking-news strip: a line, an optional link, and when it ends. */
export function StripForm({ action, timeZoneLabel, defaultEnd }: { action: Action; timeZoneLabel: string; defaultEnd: string }) {
  const [state, formAction, pending] = useActionState(action, emptyFormState);
  const errors = state.fieldErrors;
  const described = (name: string, hint?: string) => [hint, errors[name] ? `strip-${name}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <form action={formAction} className="form" key={JSON.stringify(state.values)}>
      <div className="field">
        <label htmlFor="strip-text">Text</label>
        <input id="strip-text" name="text" type="text" required maxLength={200} defaultValue={text(state, 'text')} aria-invalid={errors.text ? true : undefined} aria-describedby={described('text')} />
        <FieldError id="strip-text-error" error={errors.text} />
      </div>
      <div className="field">
        <label htmlFor="strip-link">Link (optional)</label>
        <input id="strip-link" name="link" type="text" maxLength={500} defaultValue={text(state, 'link')} aria-invalid={errors.link ? true : undefined} aria-describedby={described('link', 'strip-link-hint')} />
        <p className="field__hint" id="strip-link-hint">
          An address starting with https:// or http://, or a path on this site such as /news.
        </p>
        <FieldError id="strip-link-error" error={errors.link} />
      </div>
      <div className="field">
        <label htmlFor="strip-ends">Ends at ({timeZoneLabel})</label>
        <input id="strip-ends" name="endsAt" type="datetime-local" required defaultValue={text(state, 'endsAt', defaultEnd)} aria-invalid={errors.endsAt ? true : undefined} aria-describedby={described('endsAt')} />
        <FieldError id="strip-endsAt-error" error={errors.endsAt} />
      </div>
      <div>
        <button type="submit" className="button button--primary" disabled={pending}>
          Show the strip
        </button>
      </div>
      <Message state={state} />
    </form>
  );
}

/** One button that sends a few hidden values: unpin, move up or down, end the strip. */
export function ButtonForm({ action, values, label, accessibleName, danger }: { action: Action; values: Record<string, string>; label: string; accessibleName?: string; danger?: boolean }) {
  const [state, formAction, pending] = useActionState(action, emptyFormState);
  return (
    <form action={formAction} className="layout-button">
      {Object.entries(values).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className={`button button--small${danger ? ' button--danger' : ''}`} disabled={pending} aria-label={accessibleName}>
        {label}
      </button>
      {state.message ? <Message state={state} /> : <span role="status" aria-live="polite" />}
    </form>
  );
}
