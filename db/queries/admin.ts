import 'server-only';
import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import { getDb } from '../client';
import { auditLog, siteSettings, staff, staffInvites } from '../schema';
import { type CommentPolicy } from '../../lib/domain';

export type EditableSettings = { name: string; tagline: string; timeZone: string; staffEmailFormula: string; commentPolicy: CommentPolicy; commentsCloseAfterDays: number; blockingChecks: string[] };

export async function getEditableSettings(): Promise<EditableSettings | null> {
  const [row] = await getDb()
    .select({
      name: siteSettings.name,
      tagline: siteSettings.tagline,
      timeZone: siteSettings.timeZone,
      staffEmailFormula: siteSettings.staffEmailFormula,
      commentPolicy: siteSettings.commentPolicy,
      commentsCloseAfterDays: siteSettings.commentsCloseAfterDays,
      blockingChecks: siteSettings.blockingChecks,
    })
    .from(siteSettings)
    .where(eq(siteSettings.id, 1));
  return row ?? null;
}

export async function listOpenInvites(now = new Date()) {
  const rows = await getDb()
    .select({ id: staffInvites.id, email: staffInvites.email, role: staffInvites.role, expiresAt: staffInvites.expiresAt })
    .from(staffInvites)
    .where(and(isNull(staffInvites.usedAt), gt(staffInvites.expiresAt, now)))
    .orderBy(desc(staffInvites.createdAt));
  return rows.map((r) => ({ ...r, expiresAt: r.expiresAt.toISOString() }));
}

export async function listAudit(limit = 200) {
  const rows = await getDb()
    .select({ id: auditLog.id, who: staff.name, action: auditLog.action, subject: auditLog.subject, detail: auditLog.detail, at: auditLog.createdAt })
    .from(auditLog)
    .leftJoin(staff, eq(staff.id, auditLog.staffId))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(limit);
  return rows.map((r) => ({ ...r, at: r.at.toISOString() }));
}
