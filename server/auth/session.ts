import 'server-only';
import { headers } from 'next/headers';
import { forbidden, redirect, unauthorized } from 'next/navigation';
import { cache } from 'react';
import { auth } from './auth';
import { getStaffIdentity } from '../../db/queries/staff';
import type { StaffRole } from '../../lib/domain';
import { safeCallbackPath } from '../../lib/auth/callback-url';

// The one way dashboard code learns who is asking. Every dashboard page, server action and route
// handler calls requireRole (or getStaffSession) itself; the proxy's redirect is only a courtesy.

export type StaffSession = { id: number; slug: string; name: string; email: string; role: StaffRole };

/**
 * The signed-in staff member, or null. Reads the staff row on every request, so signing out
 * elsewhere, deactivation and role changes take effect on the very next request.
 */
export const getStaffSession = cache(async (): Promise<StaffSession | null> => {
  const session = (await auth()) as { staffId?: number; sessionVersion?: number } | null;
  if (!session?.staffId || session.sessionVersion === undefined) return null;
  const person = await getStaffIdentity(session.staffId);
  if (!person || !person.active || person.sessionVersion !== session.sessionVersion) return null;
  return { id: person.id, slug: person.slug, name: person.name, email: person.email, role: person.role };
});

/** The sign-in URL that brings the person back to the page they asked for. */
async function signInUrl(): Promise<string> {
  const wanted = safeCallbackPath((await headers()).get('x-dashboard-path'), '/dashboard');
  return `/signin?callbackUrl=${encodeURIComponent(wanted)}`;
}

/**
 * The signed-in staff member if their role is one of `roles` (any role when none are given).
 * Signed out: pages and actions are sent to sign in. Wrong role: 403 (forbidden()), and nothing
 * after this call runs.
 */
export async function requireRole(...roles: StaffRole[]): Promise<StaffSession> {
  const session = await getStaffSession();
  if (!session) redirect(await signInUrl());
  if (roles.length > 0 && !roles.includes(session.role)) forbidden();
  return session;
}

/** For route handlers that answer fetch() calls: 401 rather than a redirect when signed out. */
export async function requireRoleForApi(...roles: StaffRole[]): Promise<StaffSession> {
  const session = await getStaffSession();
  if (!session) unauthorized();
  if (roles.length > 0 && !roles.includes(session.role)) forbidden();
  return session;
}
