// Who may do what in the newsroom: the one place that says it. Pages use it to decide what to
// show, and every server action, route handler and mutation uses it to decide what to allow, so a
// hidden button is never the only thing standing in the way.
import type { ArticleStatus, StaffRole } from './domain';

export type Actor = { id: number; role: StaffRole };

/** Just what an ownership rule needs to know about an article. */
export type ArticleSubject = { createdBy: number | null; authorIds: number[]; status: ArticleStatus };

export const ROLE_LABELS: Record<StaffRole, string> = {
  contributor: 'Contributor',
  author: 'Author',
  editor: 'Editor',
  admin: 'Admin',
};

export const ROLE_DESCRIPTIONS: Record<StaffRole, string> = {
  contributor: 'Writes and edits their own drafts and submits them for review. Cannot publish or upload.',
  author: 'Also uploads media, and publishes and edits their own articles.',
  editor: "Edits and publishes everyone's articles, moderates comments, manages sections and tags.",
  admin: 'Also manages staff, roles and site settings, and reads the audit log.',
};

const RANK: Record<StaffRole, number> = { contributor: 0, author: 1, editor: 2, admin: 3 };

/** True when `role` is at least `minimum` in the ladder contributor < author < editor < admin. */
export const atLeast = (role: StaffRole, minimum: StaffRole) => RANK[role] >= RANK[minimum];

/** Actions that depend on the role alone. */
export type SiteAction =
  | 'article.create'
  | 'media.upload'
  | 'media.edit'
  /** Delete an image from the library (refused while an article uses it). */
  | 'media.delete'
  | 'comments.moderate'
  | 'sections.manage'
  | 'tags.manage'
  | 'staff.manage'
  | 'settings.manage'
  | 'audit.view'
  /** The front page's and sections' layout: pinned stories and the breaking-news strip. */
  | 'layout.manage'
  /** Post to any live blog (reporters). */
  | 'live.post'
  /** Run a live blog: make an article one, set its summary, coverage and poll interval; mark key events, pin, correct and delete any entry. */
  | 'live.moderate'
  /** The newsroom's audience figures (dashboard/audience). */
  | 'audience.view';

const MINIMUM: Record<SiteAction, StaffRole> = {
  'article.create': 'contributor',
  'media.upload': 'author',
  'media.edit': 'author',
  'media.delete': 'editor',
  'comments.moderate': 'editor',
  'sections.manage': 'editor',
  'tags.manage': 'editor',
  'staff.manage': 'admin',
  'settings.manage': 'admin',
  'audit.view': 'admin',
  'layout.manage': 'editor',
  'live.post': 'author',
  'live.moderate': 'editor',
  // Every writer also sees their own stories' figures on the editor page (canSeeArticleFigures).
  'audience.view': 'editor',
};

/** Roles that may perform a role-only action: for `requireRole(...rolesFor('media.upload'))`. */
export function rolesFor(action: SiteAction): StaffRole[] {
  return (Object.keys(RANK) as StaffRole[]).filter((r) => atLeast(r, MINIMUM[action]));
}

export function can(actor: Actor, action: SiteAction): boolean {
  return atLeast(actor.role, MINIMUM[action]);
}

/**
 * Whose articles the newsroom's article list, and its search, holds for someone: a contributor's
 * holds their own work (what they can act on, and no one else's unpublished drafts turning up in
 * their searches); every other role's holds everyone's. This shapes a list; it is not what guards
 * an article (canOnArticle does that).
 */
export function articleListScope(actor: Actor): 'all' | 'readable' | 'own' {
  if (atLeast(actor.role, 'editor')) return 'all';
  return actor.role === 'author' ? 'readable' : 'own';
}

/**
 * Who may read which article in the newsroom (editor, revisions, previews, headlines anywhere):
 * - editors and admins: every article, whatever its status (they commission, review and publish);
 * - authors and contributors: their own work (created by them, or with them in the byline), in
 *   any status, and anyone's published article, which readers can read anyway.
 * Nobody else's draft, review copy, scheduled or embargoed story, or withdrawn story: those can
 * hold embargoed or legally sensitive work. 'own-and-published' is enforced inside the queries
 * (db/queries/article-access.ts), as isLive() is for readers; canOnArticle(..., 'view') says the
 * same for one article in hand.
 */
export function articleReadScope(actor: Actor): 'all' | 'own-and-published' {
  return atLeast(actor.role, 'editor') ? 'all' : 'own-and-published';
}

/** Actions on one article, which depend on who wrote it and where it is in the workflow. */
export type ArticleAction =
  | 'view'
  | 'edit'
  | 'submit'
  | 'publish'
  | 'withdraw'
  | 'correct'
  | 'preview.share';

export const ownsArticle = (actor: Actor, article: ArticleSubject) => article.createdBy === actor.id || article.authorIds.includes(actor.id);

export function canOnArticle(actor: Actor, action: ArticleAction, article: ArticleSubject): boolean {
  const mine = ownsArticle(actor, article);
  if (atLeast(actor.role, 'editor')) return true;
  switch (action) {
    case 'view':
      // See articleReadScope: below editor, one's own work and what is published.
      return mine || article.status === 'published';
    case 'edit':
    case 'preview.share':
      if (actor.role === 'author') return mine;
      // A contributor's article leaves their hands once an editor schedules or publishes it.
      return mine && (article.status === 'draft' || article.status === 'in_review');
    case 'submit':
      return mine && article.status === 'draft';
    case 'publish':
    case 'withdraw':
    case 'correct':
      return actor.role === 'author' && mine;
  }
}

/** Whether someone sees an article's own audience figures on its editor page: editors and admins, and its own writers. */
export function canSeeArticleFigures(actor: Actor, article: ArticleSubject): boolean {
  return can(actor, 'audience.view') || ownsArticle(actor, article);
}

/** Thrown by mutations when the actor may not do what they asked; actions turn it into a 403. */
export class PermissionDeniedError extends Error {
  constructor(message = 'You do not have permission to do that.') {
    super(message);
    this.name = 'PermissionDeniedError';
  }
}

export function assertCan(actor: Actor, action: SiteAction): void {
  if (!can(actor, action)) throw new PermissionDeniedError();
}

export function assertCanOnArticle(actor: Actor, action: ArticleAction, article: ArticleSubject): void {
  if (!canOnArticle(actor, action, article)) throw new PermissionDeniedError();
}

/** Just what a rule about one live-blog entry needs: who posted it and who is credited. */
export type LiveEntrySubject = { createdBy: number | null; authorIds: number[] };

/** Actions on one live-blog entry. */
export type LiveEntryAction = 'edit' | 'delete' | 'key-event' | 'pin' | 'correct';

/**
 * Reporters (authors) post, fix their own entries' wording and take back their own entries;
 * editors also mark and unmark key events, pin and unpin, add correction notes, and edit or
 * delete anyone's entry.
 */
export function canOnLiveEntry(actor: Actor, action: LiveEntryAction, entry: LiveEntrySubject): boolean {
  if (can(actor, 'live.moderate')) return true;
  if ((action !== 'edit' && action !== 'delete') || !can(actor, 'live.post')) return false;
  return entry.createdBy === actor.id || entry.authorIds.includes(actor.id);
}

export function assertCanOnLiveEntry(actor: Actor, action: LiveEntryAction, entry: LiveEntrySubject): void {
  if (!canOnLiveEntry(actor, action, entry)) throw new PermissionDeniedError();
}
