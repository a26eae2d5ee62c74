import type { Metadata } from 'next';
import { StateForm } from '@/components/dashboard/state-form';
import type { FormState } from '@/lib/form-state';
import { acceptInvite, getOpenInvite } from '@/db/mutations/staff';
import { ROLE_LABELS } from '@/lib/permissions';
import { hashPassword, passwordProblem } from '@/server/auth/password';
import { formValues, refused } from '@/lib/form-state';
import { redirect } from 'next/navigation';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Join the newsroom', referrer: 'no-referrer' };

export default async function AcceptInvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invite = await getOpenInvite(token);
  if (!invite) {
    return (
      <main className="signin" id="main">
        <h1>This invitation cannot be used</h1>
        <p>It has expired or has already been used. Ask an admin to send a new one.</p>
      </main>
    );
  }
  async function acceptAction(_prev: FormState, form: FormData): Promise<FormState> {
    'use server';
    const values = formValues(form);
    delete values.password;
    const name = String(form.get('name') ?? '').trim();
    const password = String(form.get('password') ?? '');
    if (!name || name.length > 120) return refused('Give your name.', values, { name: 'Give your name (up to 120 characters).' });
    const current = await getOpenInvite(token);
    if (!current) return refused('This invitation has expired or has already been used.', values);
    const problem = passwordProblem(password, current.email);
    if (problem) return refused(problem, values, { password: problem });
    const result = await acceptInvite(token, { name, passwordHash: await hashPassword(password) });
    if (!result.ok) return refused(result.message, values);
    redirect(`/signin?email=${encodeURIComponent(result.email)}`);
  }
  return (
    <main className="signin" id="main">
      <h1>Join the newsroom</h1>
      <p>
        You are invited as {ROLE_LABELS[invite.role].toLowerCase()} with the address {invite.email}. Choose a password of at least 8 characters.
      </p>
      <StateForm
        idPrefix="accept"
        action={acceptAction}
        submitLabel="Create my account"
        fields={[
          { name: 'name', label: 'Your name', type: 'text', defaultValue: invite.name, required: true },
          { name: 'password', label: 'Password', type: 'password', required: true, hint: 'At least 8 characters; a phrase is easiest to remember.' },
        ]}
      />
    </main>
  );
}
