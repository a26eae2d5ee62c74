// The moderation decisions that need no database: when a thread closes, and what status a new
// comment gets from the facts the database gathered about it.
import type { CommentMode, CommentPolicy } from '../domain';

export const HOLD_REASONS = ['moderated', 'policy', 'first_time', 'links', 'moderation_word', 'too_fast', 'burst'] as const;
export const SPAM_REASONS = ['honeypot', 'blocked_word', 'banned'] as const;
export type HoldReason = (typeof HOLD_REASONS)[number];
export type SpamReason = (typeof SPAM_REASONS)[number];
export type ModerationReason = HoldReason | SpamReason;

/** How the moderation queue explains each reason. */
export const REASON_LABELS: Record<ModerationReason, string> = {
  moderated: 'Article is moderated',
  policy: 'Every comment is held (site setting)',
  first_time: 'First-time commenter',
  links: 'Too many links',
  moderation_word: 'Moderation word',
  too_fast: 'Posted very quickly after the form was shown',
  burst: 'Site-wide burst of comments',
  honeypot: 'Filled in the hidden field (a robot)',
  blocked_word: 'Blocked word',
  banned: 'Banned commenter',
};

export type ThreadTiming = { commentMode: CommentMode; commentsCloseAt: Date | null; firstPublishedAt: Date | null };

/**
 * When the thread stops taking comments: the article's own closing time if set, else N days
 * after first publication (N = 0: never). A closed article is closed from the start.
 */
export function closingTime(article: ThreadTiming, closeAfterDays: number): Date | null {
  if (article.commentMode === 'closed') return new Date(0);
  if (article.commentsCloseAt) return article.commentsCloseAt;
  if (closeAfterDays > 0 && article.firstPublishedAt) return new Date(article.firstPublishedAt.getTime() + closeAfterDays * 86_400_000);
  return null;
}

export function commentsOpen(article: ThreadTiming, closeAfterDays: number, now = new Date()): boolean {
  const closes = closingTime(article, closeAfterDays);
  return closes === null || closes.getTime() > now.getTime();
}

export type CommentFacts = {
  commentMode: CommentMode;
  policy: CommentPolicy;
  /** An earlier comment with this e-mail address has been approved. */
  knownCommenter: boolean;
  links: number;
  linkLimit: number;
  moderationWord: string | null;
  blockedWord: string | null;
  banned: boolean;
  honeypot: boolean;
  tooFast: boolean;
};

export type Verdict = { status: 'approved' | 'pending' | 'spam'; reasons: ModerationReason[]; word: string | null };

export function judge(f: CommentFacts): Verdict {
  const spam: SpamReason[] = [];
  if (f.honeypot) spam.push('honeypot');
  if (f.banned) spam.push('banned');
  if (f.blockedWord) spam.push('blocked_word');
  if (spam.length > 0) return { status: 'spam', reasons: spam, word: f.blockedWord };
  const hold: HoldReason[] = [];
  if (f.commentMode === 'moderated') hold.push('moderated');
  if (f.policy === 'hold_all') hold.push('policy');
  if (f.policy === 'hold_first' && !f.knownCommenter) hold.push('first_time');
  if (f.linkLimit > 0 && f.links >= f.linkLimit) hold.push('links');
  if (f.moderationWord) hold.push('moderation_word');
  if (f.tooFast) hold.push('too_fast');
  // 'burst' is added by the insert itself, which alone knows the exact count (db/mutations/comments.ts).
  return { status: hold.length > 0 ? 'pending' : 'approved', reasons: hold, word: f.moderationWord };
}

/** held_reason as stored: "first_time,links" plus the matched word, e.g. "moderation_word:casino". */
export function formatReasons(v: Verdict): string | null {
  if (v.reasons.length === 0) return null;
  return v.reasons.map((r) => (v.word && (r === 'moderation_word' || r === 'blocked_word') ? `${r}:${v.word}` : r)).join(',').slice(0, 500);
}

export function describeReasons(stored: string | null): string[] {
  if (!stored) return [];
  return stored.split(',').map((part) => {
    const [reason, ...word] = part.split(':');
    const label = REASON_LABELS[reason as ModerationReason] ?? reason ?? '';
    return word.length ? `${label} (“${word.join(':')}”)` : label;
  });
}
