'use client';

import { useRef, useState, type FormEvent } from 'react';

type Props = { callbackUrl: string; initialEmail: string; initialMessage?: string; notice?: boolean };

// Posts to the throttled sign-in route. With JavaScript it stays on the page and shows the answer
// (including "try again in 10 minutes" on a 429); without, the browser posts the form and the
// route redirects back here with the message.
export function SignInForm({ callbackUrl, initialEmail, initialMessage, notice }: Props) {
  const [message, setMessage] = useState(initialMessage ?? '');
  const [isNotice, setIsNotice] = useState(Boolean(notice));
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  const passwordRef = useRef<HTMLInputElement>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setIsNotice(false);
    try {
      const response = await fetch('/api/auth/login', {
        method: 'POST',
        headers: { Accept: 'application/json' },
        body: new FormData(event.currentTarget),
      });
      const data = (await response.json().catch(() => ({}))) as { ok?: boolean; redirectTo?: string; error?: string; fieldErrors?: Record<string, string> };
      if (response.ok && data.ok && data.redirectTo) {
        window.location.assign(data.redirectTo);
        return;
      }
      setFieldErrors(data.fieldErrors ?? {});
      setMessage(data.error ?? 'Signing in failed. Try again.');
      if (passwordRef.current) passwordRef.current.value = '';
      passwordRef.current?.focus();
    } catch {
      setMessage('The newsroom could not be reached. Check your connection and try again.');
    }
    setPending(false);
  }

  return (
    <form className="form signin__form" method="post" action="/api/auth/login" onSubmit={onSubmit} noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <p className={isNotice ? 'form__notice' : 'form__error'} role={isNotice ? 'status' : 'alert'} aria-live="polite">
        {message}
      </p>
      <div className="field">
        <label htmlFor="signin-email">Email</label>
        <input
          id="signin-email"
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={initialEmail}
          aria-invalid={fieldErrors.email ? true : undefined}
          aria-describedby={fieldErrors.email ? 'signin-email-error' : undefined}
        />
        {fieldErrors.email ? (
          <p className="field__error" id="signin-email-error">
            {fieldErrors.email}
          </p>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor="signin-password">Password</label>
        <input
          id="signin-password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          ref={passwordRef}
          aria-invalid={fieldErrors.password ? true : undefined}
          aria-describedby={fieldErrors.password ? 'signin-password-error' : undefined}
        />
        {fieldErrors.password ? (
          <p className="field__error" id="signin-password-error">
            {fieldErrors.password}
          </p>
        ) : null}
      </div>
      <button className="button button--primary" type="submit" disabled={pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
