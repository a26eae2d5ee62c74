import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { StateForm } from '@/components/dashboard/state-form';
import { getDb } from '@/db/client';
import { getOpenToken, resetPassword } from '@/db/mutations/account-tokens';
import { formValues, refused, type FormState } from '@/lib/form-state';
import { hashPassword, passwordProblem } from '@/server/auth/password';
import { logger } from '@/server/log';

// Choosing a new password with the link from the reset e-mail. The link works once; using it ends
// every session of the account (whoever knew the old password is signed out).

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Choose a new password – Newsroom', referrer: 'no-referrer', robots: { index: false } };

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  if (!(await getOpenToken(getDb(), 'reset', token))) {
    return (
      <main className="signin" id="main">
        <h1>This link cannot be used</h1>
        <p>It has expired or has already been used.</p>
        <p>
          <a href="/signin/forgot">Ask for a new link</a>
        </p>
      </main>
    );
  }
  async function resetAction(_prev: FormState, form: FormData): Promise<FormState> {
    'use server';
    const values = formValues(form);
    delete values.password;
    delete values.again;
    const password = String(form.get('password') ?? '');
    if (password !== String(form.get('again') ?? '')) return refused('The two passwords differ.', values, { again: 'Type the same password twice.' });
    const problem = passwordProblem(password);
    if (problem) return refused(problem, values, { password: problem });
    const result = await resetPassword(getDb(), token, await hashPassword(password));
    if (!result.ok) return refused(result.message, values);
    logger().info({ event: 'auth.password_reset' }, 'a password was reset with an e-mailed link');
    redirect(`/signin?reset=1&email=${encodeURIComponent(result.email)}`);
  }
  return (
    <main className="signin" id="main">
      <h1>Choose a new password</h1>
      <StateForm
        idPrefix="reset"
        action={resetAction}
        submitLabel="Set my new password"
        fields={[
          { name: 'password', label: 'New password', type: 'password', required: true, hint: 'At least 8 characters; a phrase is easiest to remember.' },
          { name: 'again', label: 'New password again', type: 'password', required: true },
        ]}
      />
    </main>
  );
}
