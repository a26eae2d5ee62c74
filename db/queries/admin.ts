import 'server-only';
import { and, desc, eq, gt, gte, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { getDb } from '../client';
import { articles, auditLog, comments, media, siteSettings, staff, staffInvites } from '../schema';
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

export type AuditFilter = {
  /** Who did it. */
  staffId?: number;
  /** Entries about this article, its comments included. */
  articleId?: number;
  action?: string;
  /** Days in the site's time zone (YYYY-MM-DD), both included. */
  from?: string;
  to?: string;
};

/** One line of the audit log as people read it: names and headlines, not ids. */
export type AuditEntry = {
  id: number;
  at: string;
  who: string | null;
  action: string;
  /** The article's headline, the person's name, the section's name, ...; the code only as a last resort. */
  subject: string;
  /** Where the subject can be looked at in the newsroom, if anywhere. */
  href: string | null;
  detail: Record<string, unknown>;
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const INT_MAX = 2147483647;

function subjectId(subject: string, prefix: string): number | null {
  if (!subject.startsWith(prefix)) return null;
  const n = Number(subject.slice(prefix.length));
  return Number.isSafeInteger(n) && n > 0 && n <= INT_MAX ? n : null;
}

/** The newest entries matching the filter, newest first. */
export async function listAudit(filter: AuditFilter = {}, limit = 200): Promise<AuditEntry[]> {
  const db = getDb();
  const [settings] = await db.select({ timeZone: siteSettings.timeZone }).from(siteSettings).where(eq(siteSettings.id, 1));
  const tz = settings?.timeZone ?? 'Europe/London';
  const where: SQL[] = [];
  if (filter.staffId) where.push(eq(auditLog.staffId, filter.staffId));
  if (filter.action) where.push(eq(auditLog.action, filter.action));
  if (filter.articleId) {
    where.push(
      or(
        eq(auditLog.subject, `article:${filter.articleId}`),
        inArray(auditLog.subject, db.select({ s: sql<string>`'comment:' || ${comments.id}` }).from(comments).where(eq(comments.articleId, filter.articleId))),
      )!,
    );
  }
  // A day starts at midnight where the newsroom is, not in UTC.
  if (filter.from && DAY.test(filter.from)) where.push(gte(auditLog.createdAt, sql`(${filter.from}::timestamp AT TIME ZONE ${tz})`));
  if (filter.to && DAY.test(filter.to)) where.push(lt(auditLog.createdAt, sql`((${filter.to}::date + 1)::timestamp AT TIME ZONE ${tz})`));
  const rows = await db
    .select({ id: auditLog.id, who: staff.name, action: auditLog.action, subject: auditLog.subject, detail: auditLog.detail, at: auditLog.createdAt })
    .from(auditLog)
    .leftJoin(staff, eq(staff.id, auditLog.staffId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(limit);

  // Names for the subjects, a few batched reads for the whole page.
  const ids = (prefix: string) => [...new Set(rows.map((r) => subjectId(r.subject, prefix)).filter((n): n is number => n !== null))];
  const [articleRows, staffRows, commentRows, mediaRows] = await Promise.all([
    ids('article:').length ? db.select({ id: articles.id, headline: articles.headline }).from(articles).where(inArray(articles.id, ids('article:'))) : [],
    ids('staff:').length ? db.select({ id: staff.id, name: staff.name }).from(staff).where(inArray(staff.id, ids('staff:'))) : [],
    ids('comment:').length
      ? db
          .select({ id: comments.id, articleId: comments.articleId, headline: articles.headline })
          .from(comments)
          .innerJoin(articles, eq(articles.id, comments.articleId))
          .where(inArray(comments.id, ids('comment:')))
      : [],
    ids('media:').length ? db.select({ id: media.id, alt: media.alt, src: media.src }).from(media).where(inArray(media.id, ids('media:'))) : [],
  ]);
  const headlines = new Map(articleRows.map((a) => [a.id, a.headline]));
  const names = new Map(staffRows.map((p) => [p.id, p.name]));
  const commentsById = new Map(commentRows.map((c) => [Number(c.id), c]));
  const mediaById = new Map(mediaRows.map((m) => [m.id, m]));

  function describe(subject: string): { subject: string; href: string | null } {
    const article = subjectId(subject, 'article:');
    if (article) return { subject: headlines.get(article) ?? 'a deleted article', href: headlines.has(article) ? `/dashboard/articles/${article}` : null };
    const person = subjectId(subject, 'staff:');
    if (person) return { subject: names.get(person) ?? 'a former staff member', href: null };
    const comment = subjectId(subject, 'comment:');
    if (comment) {
      const c = commentsById.get(comment);
      return c ? { subject: `a comment on “${c.headline}”`, href: `/dashboard/comments/${comment}` } : { subject: 'a comment since deleted', href: null };
    }
    const image = subjectId(subject, 'media:');
    if (image) {
      const m = mediaById.get(image);
      return { subject: m ? m.alt || m.src.split('/').at(-1)! : 'a deleted image', href: null };
    }
    const many = /^comments:(\d+)$/.exec(subject);
    if (many) return { subject: `${many[1]} comments`, href: null };
    for (const [prefix, label] of [
      ['section:', 'the section'],
      ['tag:', 'the topic'],
      ['invite:', 'an invitation for'],
    ] as const) {
      if (subject.startsWith(prefix)) return { subject: `${label} ${subject.slice(prefix.length)}`, href: null };
    }
    if (subject === 'site') return { subject: 'the site', href: null };
    if (subject === 'front-page') return { subject: 'the front page', href: '/dashboard/front-page' };
    if (subject === 'sign-in') return { subject: 'an unknown account', href: null };
    if (subject.startsWith('ban:')) return { subject: 'a commenter ban', href: null };
    return { subject, href: null };
  }

  return rows.map((r) => ({ id: r.id, at: r.at.toISOString(), who: r.who, action: r.action, detail: r.detail, ...describe(r.subject) }));
}

/** Everyone who appears in the log as the one who acted, for the log's filter. */
export async function listAuditPeople(): Promise<{ id: number; name: string }[]> {
  return getDb()
    .selectDistinct({ id: staff.id, name: staff.name })
    .from(staff)
    .innerJoin(auditLog, eq(auditLog.staffId, staff.id))
    .orderBy(staff.name);
}
