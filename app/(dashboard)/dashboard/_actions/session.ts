'use server';

import { signOut } from '@/server/auth/auth';
import { endAllSessions } from '@/db/mutations/staff';
import { getStaffSession } from '@/server/auth/session';

/** Signs out here and everywhere else: the session version moves on, so every copy of the cookie stops working. */
export async function signOutAction(): Promise<void> {
  const session = await getStaffSession();
  if (session) await endAllSessions(session.id);
  await signOut({ redirectTo: '/signin?signedout=1' });
}
