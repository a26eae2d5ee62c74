import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { StateForm } from '@/components/dashboard/state-form';
import { getOwnProfile } from '@/db/queries/profile';
import { requireRole } from '@/server/auth/session';
import { changePasswordAction, endOtherSessionsAction, updateProfileAction } from '../_actions/profile';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Your profile' };

// What the password and session actions did: they end with a redirect here (see their comment).
const DONE: Record<string, string> = {
  password: 'Password changed. You are still signed in here; every other session has ended.',
  sessions: 'Every other session has ended. You are still signed in here.',
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ProfilePage({ searchParams }: Props) {
  const me = await requireRole();
  const doneKey = (await searchParams).done;
  const notice = typeof doneKey === 'string' ? DONE[doneKey] : undefined;
  const profile = await getOwnProfile(me.id);
  if (!profile) notFound();
  return (
    <>
      <h1>Your profile</h1>
      {notice ? (
        <p role="status" className="notice">
          {notice}
        </p>
      ) : null}
      <p>You sign in as {profile.email}. An admin can change that address.</p>
      <section className="panel" aria-labelledby="profile-heading">
        <h2 id="profile-heading">Name and bio</h2>
        <StateForm
          idPrefix="profile"
          action={updateProfileAction}
          submitLabel="Save profile"
          fields={[
            { name: 'name', label: 'Name', type: 'text', defaultValue: profile.name, required: true, maxLength: 120 },
            { name: 'bio', label: 'Bio', type: 'textarea', defaultValue: profile.bio, hint: 'Shown on your author page.', maxLength: 2000 },
          ]}
        />
      </section>
      <section className="panel" aria-labelledby="password-heading">
        <h2 id="password-heading">Password</h2>
        <StateForm
          idPrefix="password"
          action={changePasswordAction}
          submitLabel="Change password"
          fields={[
            { name: 'current', label: 'Current password', type: 'password', required: true },
            { name: 'password', label: 'New password', type: 'password', required: true, hint: 'At least 8 characters. Every other session ends.' },
            { name: 'again', label: 'New password again', type: 'password', required: true },
          ]}
        />
      </section>
      <section className="panel" aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">Sessions</h2>
        <p>Signed in on a computer you no longer use, or lost a phone? End every session but this one.</p>
        <StateForm idPrefix="sessions" action={endOtherSessionsAction} submitLabel="Sign out everywhere else" fields={[]} />
      </section>
    </>
  );
}
