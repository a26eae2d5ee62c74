'use client';

import { useActionState } from 'react';
import { emptyFormState, type FormState } from '@/lib/form-state';

// A small data-driven form for the newsroom's admin pages: the server page describes the fields,
// the server action answers with a message, per-field errors and the values it was sent, so a
// refused form comes back exactly as typed.

export type FieldSpec = {
  name: string;
  label: string;
  type: 'text' | 'email' | 'password' | 'textarea' | 'select' | 'number' | 'hidden' | 'checkboxes';
  defaultValue?: string | string[];
  options?: { value: string; label: string }[];
  hint?: string;
  required?: boolean;
  maxLength?: number;
};

export function StateForm({ action, fields, submitLabel, idPrefix, danger, inline }: { action: (prev: FormState, form: FormData) => Promise<FormState>; fields: FieldSpec[]; submitLabel: string; idPrefix: string; danger?: boolean; inline?: boolean }) {
  const [state, formAction, pending] = useActionState(action, emptyFormState);
  const value = (f: FieldSpec) => (f.name in state.values ? state.values[f.name] : f.defaultValue);
  return (
    <form action={formAction} className={inline ? 'filters' : 'form'}>
      {fields.map((f) => {
        const id = `${idPrefix}-${f.name}`;
        const v = value(f);
        const error = state.fieldErrors[f.name];
        const described = [f.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
        if (f.type === 'hidden') return <input key={f.name} type="hidden" name={f.name} value={String(v ?? '')} />;
        if (f.type === 'checkboxes') {
          const chosen = Array.isArray(v) ? v : [];
          return (
            <fieldset key={`${f.name}-${JSON.stringify(state.values[f.name] ?? '')}`} className="field">
              <legend>{f.label}</legend>
              {f.options?.map((o) => (
                <label key={o.value} className="checkbox">
                  <input type="checkbox" name={f.name} value={o.value} defaultChecked={chosen.includes(o.value)} /> {o.label}
                </label>
              ))}
              {f.hint ? <p className="field__hint">{f.hint}</p> : null}
            </fieldset>
          );
        }
        return (
          <div className="field" key={`${f.name}-${JSON.stringify(state.values[f.name] ?? '')}`}>
            <label htmlFor={id}>{f.label}</label>
            {f.type === 'textarea' ? (
              <textarea id={id} name={f.name} defaultValue={String(v ?? '')} required={f.required} maxLength={f.maxLength} aria-invalid={error ? true : undefined} aria-describedby={described} rows={3} />
            ) : f.type === 'select' ? (
              <select id={id} name={f.name} defaultValue={String(v ?? '')} aria-invalid={error ? true : undefined} aria-describedby={described}>
                {f.options?.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            ) : (
              <input id={id} name={f.name} type={f.type} defaultValue={String(v ?? '')} required={f.required} maxLength={f.maxLength} aria-invalid={error ? true : undefined} aria-describedby={described} />
            )}
            {f.hint ? (
              <p className="field__hint" id={`${id}-hint`}>
                {f.hint}
              </p>
            ) : null}
            {error ? (
              <p className="field__error" id={`${id}-error`}>
                {error}
              </p>
            ) : null}
          </div>
        );
      })}
      <div>
        <button type="submit" className={`button ${danger ? 'button--danger' : 'button--primary'}`} disabled={pending}>
          {submitLabel}
        </button>
      </div>
      <p className={state.ok === false ? 'form__error' : 'form__notice'} role="status" aria-live="polite">
        {state.message}
      </p>
    </form>
  );
}
