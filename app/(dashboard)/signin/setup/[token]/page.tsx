import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { StateForm } from '@/components/dashboard/state-form';
import { getDb } from '@/db/client';
import { createFirstAdmin, getOpenToken } from '@/db/mutations/account-tokens';
import { formValues, invalid, refused, type FormState } from '@/lib/form-state';
import { hashPassword, passwordProblem } from '@/server/auth/password';
import { logger } from '@/server/log';

// The first admin of an empty newsroom, from the one-time link the server printed in its log at
// start-up (instrumentation.ts). The token is the only authority here, so it is checked again,
// and claimed, inside the transaction that creates the account.

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Set up the newsroom', referrer: 'no-referrer', robots: { index: false } };

const setupSchema = z.object({
  name: z.string().trim().min(1, 'Give your name.').max(120, 'Use at most 120 characters.'),
  email: z.string().trim().max(254, 'That e-mail address is too long.').regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'Give an e-mail address such as ana@example.org.'),
  password: z.string(),
});

export default async function SetUpPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  if (!(await getOpenToken(getDb(), 'setup', token))) {
    return (
      <main className="signin" id="main">
        <h1>This set-up link cannot be used</h1>
        <p>It has expired or has already been used. Restarting the server prints a new one while the newsroom has no staff; an admin can also be created with <code>npm run user</code>.</p>
      </main>
    );
  }
  async function setUpAction(_prev: FormState, form: FormData): Promise<FormState> {
    'use server';
    const values = formValues(form);
    delete values.password;
    const parsed = setupSchema.safeParse(Object.fromEntries(form));
    if (!parsed.success) return invalid(parsed.error, values);
    const problem = passwordProblem(parsed.data.password, parsed.data.email);
    if (problem) return refused(problem, values, { password: problem });
    const result = await createFirstAdmin(getDb(), token, { name: parsed.data.name, email: parsed.data.email, passwordHash: await hashPassword(parsed.data.password) });
    if (!result.ok) return refused(result.message, values);
    logger().info({ event: 'auth.first_admin' }, 'the first admin account was created with the set-up link');
    redirect(`/signin?email=${encodeURIComponent(result.email)}`);
  }
  return (
    <main className="signin" id="main">
      <h1>Set up the newsroom</h1>
      <p>Create the first admin account. This link works once; afterwards, invite everyone else from the staff page.</p>
      <StateForm
        idPrefix="setup"
        action={setUpAction}
        submitLabel="Create the admin account"
        fields={[
          { name: 'name', label: 'Your name', type: 'text', required: true },
          { name: 'email', label: 'E-mail address', type: 'email', required: true },
          { name: 'password', label: 'Password', type: 'password', required: true, hint: 'At least 8 characters; a phrase is easiest to remember.' },
        ]}
      />
    </main>
  );
}
