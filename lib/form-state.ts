import type { z } from 'zod';
// What a newsroom form's server action answers (components/dashboard/state-form.tsx), and helpers to
// build it: a message, per-field errors and the values it was sent, so a refused form comes back
// exactly as typed.

export type FormState = { ok: boolean | null; message: string; fieldErrors: Record<string, string>; values: Record<string, string | string[]> };

export const emptyFormState: FormState = { ok: null, message: '', fieldErrors: {}, values: {} };

export function formValues(form: FormData): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(form.keys())) {
    if (key.startsWith('$ACTION')) continue;
    const all = form.getAll(key).map(String);
    out[key] = all.length > 1 ? all : (all[0] ?? '');
  }
  return out;
}

export function invalid(error: z.ZodError, values: FormState['values'], message = 'Please correct the marked fields.'): FormState {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) fieldErrors[String(issue.path[0] ?? 'form')] ??= issue.message;
  return { ok: false, message, fieldErrors, values };
}

export const refused = (message: string, values: FormState['values'], fieldErrors: Record<string, string> = {}): FormState => ({ ok: false, message, fieldErrors, values });
export const done = (message: string): FormState => ({ ok: true, message, fieldErrors: {}, values: {} });
