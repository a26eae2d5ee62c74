// The audit log in plain words. Entries are stored with a short code (`article.publish`) so they
// can be filtered and exported reliably; people read them as sentences. A code missing here still
// reads as words rather than a code, so a new action is never shown as `thing.verb`.
import { ROLE_LABELS } from './permissions';
import type { StaffRole } from './domain';

export const AUDIT_ACTIONS: Record<string, string> = {
  'article.create': 'created an article',
  'article.update': 'edited a published article',
  'article.slug': 'changed an article’s address',
  'article.section': 'moved an article to another section',
  'article.comments': 'changed who may comment on an article',
  'article.submit': 'submitted an article for review',
  'article.return_to_draft': 'returned an article to draft',
  'article.schedule': 'scheduled an article',
  'article.unschedule': 'unscheduled an article',
  'article.publish': 'published an article',
  'article.withdraw': 'withdrew an article',
  'article.unwithdraw': 'restored a withdrawn article as a draft',
  'article.restore': 'restored an old revision of an article',
  'correction.add': 'published a correction',
  'preview.create': 'shared a preview link',
  'preview.revoke': 'revoked a preview link',
  'comment.approve': 'approved comments',
  'comment.unapprove': 'returned comments to the queue',
  'comment.spam': 'marked comments as spam',
  'comment.trash': 'moved comments to the trash',
  'comment.restore': 'restored comments to the queue',
  'comment.edit': 'edited a comment',
  'comment.ban': 'banned a commenter',
  'comment.unban': 'lifted a ban',
  'comment.erase': 'erased a commenter’s data',
  'media.upload': 'uploaded an image',
  'media.focal': 'set an image’s focal point',
  'media.crop': 'cropped an image (or reset its crop)',
  'media.delete': 'deleted an image',
  'layout.lead_pin': 'pinned the front page’s lead story',
  'layout.lead_unpin': 'unpinned the front page’s lead story',
  'layout.section_pin': 'pinned a section’s top story',
  'layout.section_unpin': 'unpinned a section’s top story',
  'layout.section_order': 'reordered a section’s top stories',
  'layout.breaking_set': 'put up a breaking-news strip',
  'layout.breaking_end': 'took down the breaking-news strip',
  'live.create': 'made a story a live blog',
  'live.settings': 'changed a live blog’s settings',
  'live.correct': 'corrected a live blog entry',
  'live.delete': 'deleted a live blog entry',
  'import.wordpress': 'started a WordPress import',
  'publication.import': 'imported a Broadsheet publication archive',
  'section.create': 'created a section',
  'section.update': 'changed a section',
  'section.delete': 'deleted a section',
  'tag.update': 'changed a topic',
  'tag.delete': 'deleted a topic',
  'settings.update': 'changed the site settings',
  'staff.create': 'created a staff account',
  'staff.reset': 'reset a staff account',
  'staff.invite': 'invited someone to the staff',
  'staff.role': 'changed someone’s role',
  'staff.deactivate': 'deactivated a staff account',
  'staff.reactivate': 'reactivated a staff account',
  'staff.profile': 'changed their profile',
  'staff.password': 'changed their password',
  'staff.password_reset': 'reset their password by e-mail',
  'staff.sessions_ended': 'signed out their other sessions',
  'auth.failed': 'failed to sign in',
  'auth.locked': 'was refused sign-in after too many failed attempts',
};

/** What an action code means, in words. */
export function auditWords(action: string): string {
  return AUDIT_ACTIONS[action] ?? action.replace(/[._]+/g, ' ');
}

/** The actions offered in the log's filter, in their plain words, alphabetically. */
export function auditActionChoices(): { value: string; label: string }[] {
  return Object.entries(AUDIT_ACTIONS)
    .map(([value, label]) => ({ value, label: label[0]!.toUpperCase() + label.slice(1) }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

const COMMENT_MODE_WORDS: Record<string, string> = { open: 'open', moderated: 'moderated first', closed: 'closed' };
const role = (r: unknown) => (typeof r === 'string' && r in ROLE_LABELS ? ROLE_LABELS[r as StaffRole] : String(r));
const quoted = (v: unknown) => `“${String(v ?? '')}”`;
/** An ISO time as 'YYYY-MM-DD HH:MM UTC': the detail is plain text, made without the paper's time zone at hand. */
const utcMinute = (v: unknown) => `${String(v ?? '').slice(0, 16).replace('T', ' ')} UTC`;

/** The detail of an entry in a sentence ('' when there is nothing worth saying). */
export function auditDetailText(action: string, detail: Record<string, unknown>): string {
  const d = detail ?? {};
  switch (action) {
    case 'article.withdraw':
      return d.reason ? `Reason: ${String(d.reason)}` : '';
    case 'article.publish':
      return d.republished ? 'Republished after a withdrawal.' : d.scheduled ? 'At its scheduled time.' : '';
    case 'article.slug':
      return `From ${quoted(d.from)} to ${quoted(d.to)}.`;
    case 'article.section':
      return `From ${d.from ? String(d.from) : 'no section'} to ${d.to ? String(d.to) : 'no section'}.`;
    case 'article.comments':
      return `From ${COMMENT_MODE_WORDS[String(d.from)] ?? String(d.from)} to ${COMMENT_MODE_WORDS[String(d.to)] ?? String(d.to)}.`;
    case 'article.update':
      return Array.isArray(d.changed) && d.changed.length ? `Changed: ${d.changed.join(', ')}.` : '';
    case 'staff.role':
      return d.from ? `From ${role(d.from)} to ${role(d.role)}.` : `Now ${role(d.role)}.`;
    case 'staff.invite':
    case 'staff.create':
      return d.role ? `As ${role(d.role)}.` : '';
    case 'correction.add':
      return d.kind ? `A ${String(d.kind)}.` : '';
    case 'layout.lead_pin':
    case 'layout.section_pin':
      return [d.section ? `In ${String(d.section)}.` : '', d.expiresAt ? `Until ${utcMinute(d.expiresAt)}.` : 'Until removed.'].filter(Boolean).join(' ');
    case 'layout.section_unpin':
      return d.section ? `From ${String(d.section)}.` : '';
    case 'layout.section_order':
      return d.section ? `Now number ${Number(d.to)} in ${String(d.section)}.` : '';
    case 'layout.breaking_set':
      return `${quoted(d.text)}${d.href ? `, linking to ${String(d.href)}` : ''}, until ${utcMinute(d.endsAt)}.`;
    case 'layout.breaking_end':
      return quoted(d.text);
    case 'comment.erase':
      return `${Number(d.deleted ?? 0)} deleted, ${Number(d.anonymised ?? 0)} anonymised.`;
    case 'auth.failed':
    case 'auth.locked':
      return [d.account === 'unknown' ? 'No account has that e-mail address.' : '', d.address ? `From ${String(d.address)}.` : ''].filter(Boolean).join(' ');
    default:
      if (action.startsWith('comment.') && Array.isArray(d.ids) && d.ids.length > 1) return `${d.ids.length} comments.`;
      return '';
  }
}

/** The log's filter as the page's query string carries it (a form with method GET). */
export type AuditQuery = { person?: string; article?: string; action?: string; from?: string; to?: string };
export type ParsedAuditFilter = { staffId?: number; articleId?: number; action?: string; from?: string; to?: string };

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const isDay = (v: string) => DAY.test(v) && !Number.isNaN(new Date(`${v}T00:00:00Z`).getTime()) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);
const positiveId = (v: string) => /^\d{1,10}$/.test(v) && Number(v) > 0 && Number(v) <= 2147483647;

/**
 * Reads the filter; a value that makes no sense is named in `errors` (and ignored), so the page
 * can say what was wrong while keeping what the person chose. An article may be given by its
 * number or by its newsroom address (/dashboard/articles/12).
 */
export function parseAuditFilter(query: AuditQuery): { filter: ParsedAuditFilter; errors: string[] } {
  const filter: ParsedAuditFilter = {};
  const errors: string[] = [];
  const person = (query.person ?? '').trim();
  if (person) {
    if (positiveId(person)) filter.staffId = Number(person);
    else errors.push('Choose a person from the list.');
  }
  const article = (query.article ?? '').trim().replace(/^.*\/dashboard\/articles\/(\d+).*$/, '$1');
  if (article) {
    if (positiveId(article)) filter.articleId = Number(article);
    else errors.push('Give the article’s number, or paste its newsroom address.');
  }
  const action = (query.action ?? '').trim();
  if (action) {
    if (action in AUDIT_ACTIONS) filter.action = action;
    else errors.push('Choose an action from the list.');
  }
  for (const key of ['from', 'to'] as const) {
    const v = (query[key] ?? '').trim();
    if (!v) continue;
    if (isDay(v)) filter[key] = v;
    else errors.push(`The “${key}” date is not a date (use the date picker, or YYYY-MM-DD).`);
  }
  if (filter.from && filter.to && filter.from > filter.to) errors.push('The “from” date is after the “to” date, so nothing can match.');
  return { filter, errors };
}

/** One CSV field: quoted, quotes doubled, and a leading = + - @ neutralised so a spreadsheet does not run it. */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}
