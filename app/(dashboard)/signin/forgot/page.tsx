import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { z } from 'zod';
import { StateForm } from '@/components/dashboard/state-form';
import { getDb } from '@/db/client';
import { issueResetToken, tokenLifetimeMs } from '@/db/mutations/account-tokens';
import { bookSignInAttempt } from '@/db/mutations/login-attempts';
import { resetRequestKeys, waitText } from '@/lib/auth/throttle';
import { done, formValues, invalid, refused, type FormState } from '@/lib/form-state';
import { clientAddress } from '@/server/auth/client-address';
import { sendPasswordReset } from '@/server/mail/account-mail';

// Asking for a password-reset link. The answer is the same whether or not the address belongs to
// someone, so the form does not tell a stranger who works here; requests are throttled per
// address asked for and per client address (in the database, like sign-in), so nobody can flood
// a journalist's inbox.

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Forgotten password – Newsroom', robots: { index: false } };

const forgotSchema = z.object({
  email: z.string().trim().min(1, 'Enter your e-mail address.').max(254, 'That e-mail address is too long.').regex(/^[^\s@]+@[^\s@]+$/, 'Enter an e-mail address like name@example.org.'),
});

async function requestResetAction(_prev: FormState, form: FormData): Promise<FormState> {
  'use server';
  const values = formValues(form);
  const parsed = forgotSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  const email = parsed.data.email.toLowerCase();
  const address = clientAddress(await headers());
  const booking = await bookSignInAttempt(resetRequestKeys(email, address));
  if (!booking.ok) return refused(`Too many requests for a new password. Try again in ${waitText(booking.lockedUntil)}.`, values);
  const link = await issueResetToken(getDb(), email);
  if (link) await sendPasswordReset({ to: link.email, name: link.name, token: link.token, expiresAt: link.expiresAt });
  const minutes = Math.round(tokenLifetimeMs('reset') / 60_000);
  return done(`If ${parsed.data.email} belongs to a newsroom account, a link to set a new password is on its way. It works once, for ${minutes} minutes.`);
}

export default function ForgotPasswordPage() {
  return (
    <main className="signin" id="main">
      <h1>Forgotten your password?</h1>
      <p>Give the e-mail address you sign in with, and we will send you a link to choose a new password.</p>
      <StateForm
        idPrefix="forgot"
        action={requestResetAction}
        submitLabel="Send me a link"
        fields={[{ name: 'email', label: 'Email', type: 'email', required: true }]}
      />
      <p>
        <a href="/signin">Back to sign in</a>
      </p>
    </main>
  );
}
