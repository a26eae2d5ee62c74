import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/dashboard/sign-in-form';
import { safeCallbackPath } from '@/lib/auth/callback-url';
import { getStaffSession } from '@/server/auth/session';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Sign in – Newsroom' };

const MESSAGES: Record<string, string> = {
  invalid: 'That e-mail address and password do not match an account.',
  missing: 'Enter your e-mail address and password.',
  signedout: 'You have signed out.',
  reset: 'Your new password is set: sign in with it.',
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignInPage({ searchParams }: Props) {
  const params = await searchParams;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const callbackUrl = safeCallbackPath(one(params.callbackUrl));
  if (await getStaffSession()) redirect(callbackUrl);
  const code = one(params.error) ?? (one(params.signedout) ? 'signedout' : one(params.reset) ? 'reset' : undefined);
  const message = code ? (MESSAGES[code] ?? MESSAGES.invalid!) : undefined;
  return (
    <main className="signin" id="main">
      <h1>Sign in to the newsroom</h1>
      <SignInForm callbackUrl={callbackUrl} initialEmail={(one(params.email) ?? '').slice(0, 254)} initialMessage={message} notice={code === 'signedout' || code === 'reset'} />
      <p>
        <a href="/signin/forgot">Forgotten your password?</a>
      </p>
    </main>
  );
}
