import 'server-only';
import { getSiteSettings } from '../../db/queries/settings';
import { ROLE_LABELS } from '../../lib/permissions';
import type { StaffRole } from '../../lib/domain';
import { absoluteUrl } from '../seo/site-url';
import { sendMail, type MailOutcome } from './mailer';
import { invitationMail, passwordResetMail } from './messages';

// The account e-mails, with absolute links built from SITE_URL (never from the request's Host,
// which anyone can set: a reset link pointing at someone else's server would hand them the token).

async function publicationName(): Promise<string> {
  try {
    return (await getSiteSettings()).name;
  } catch {
    return 'Broadsheet';
  }
}

export async function sendInvitation(input: { to: string; name: string; role: StaffRole; inviter: string; token: string; expiresAt: Date }): Promise<MailOutcome & { link: string }> {
  const link = absoluteUrl(`/signin/invite/${input.token}`);
  const outcome = await sendMail(
    invitationMail({ to: input.to, name: input.name, inviter: input.inviter, role: ROLE_LABELS[input.role].toLowerCase(), link, expiresAt: input.expiresAt, publication: await publicationName() }),
  );
  return { ...outcome, link };
}

export async function sendPasswordReset(input: { to: string; name: string; token: string; expiresAt: Date }): Promise<MailOutcome & { link: string }> {
  const link = absoluteUrl(`/signin/reset/${input.token}`);
  const minutes = Math.round((input.expiresAt.getTime() - Date.now()) / 60_000);
  const outcome = await sendMail(passwordResetMail({ to: input.to, name: input.name, link, minutes, publication: await publicationName() }));
  return { ...outcome, link };
}
