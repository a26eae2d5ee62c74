import 'server-only';
import nodemailer from 'nodemailer';
import { logger } from '../log';
import { siteHost } from '../seo/site-url';

// E-mail over any SMTP server: SMTP_URL (smtp://user:pass@host:587, smtps://… for TLS from the
// start), sent from MAIL_FROM. Mail carries links into accounts, so one is never lost: when
// there is no SMTP server, or it refuses, the link is logged (and the caller may show it, as
// the staff page does for invitations). A transport per message: nothing here is kept in
// memory between requests, and an instance needs no warm-up.

export type Mail = { to: string; subject: string; text: string; /** The link the message exists for, logged if it cannot be sent. */ link: string };
export type MailOutcome = { sent: true } | { sent: false; reason: 'not-configured' | 'failed' };

export function mailConfigured(env: Record<string, string | undefined> = process.env): boolean {
  return Boolean(env.SMTP_URL?.trim());
}

export function mailFrom(env: Record<string, string | undefined> = process.env): string {
  return env.MAIL_FROM?.trim() || `Broadsheet <no-reply@${siteHost().replace(/:\d+$/, '')}>`;
}

export async function sendMail(mail: Mail): Promise<MailOutcome> {
  const url = process.env.SMTP_URL?.trim();
  if (!url) {
    logger().warn({ event: 'mail.not_configured', subject: mail.subject, link: mail.link }, `No SMTP_URL: not sent. Pass this link on by hand: ${mail.link}`);
    return { sent: false, reason: 'not-configured' };
  }
  try {
    const transport = nodemailer.createTransport(url, { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 });
    await transport.sendMail({ from: mailFrom(), to: mail.to, subject: mail.subject, text: mail.text });
    transport.close();
    logger().info({ event: 'mail.sent', subject: mail.subject }, 'e-mail sent');
    return { sent: true };
  } catch (error) {
    logger().error(
      { event: 'mail.failed', subject: mail.subject, link: mail.link, error: error instanceof Error ? error.message : String(error) },
      `The SMTP server did not take the message. Pass this link on by hand: ${mail.link}`,
    );
    return { sent: false, reason: 'failed' };
  }
}
