import { describe, expect, it } from 'vitest';
import { closingTime, commentsOpen, describeReasons, formatReasons, judge, type CommentFacts } from './rules';

const day = 86_400_000;
const base: CommentFacts = {
  commentMode: 'open',
  policy: 'hold_first',
  knownCommenter: true,
  links: 0,
  linkLimit: 2,
  moderationWord: null,
  blockedWord: null,
  banned: false,
  honeypot: false,
  tooFast: false,
};

describe('closing threads', () => {
  const published = new Date('2026-01-01T12:00:00Z');
  it('closes N days after first publication, never when N is 0, and at once when closed', () => {
    expect(closingTime({ commentMode: 'open', commentsCloseAt: null, firstPublishedAt: published }, 14)).toEqual(new Date(published.getTime() + 14 * day));
    expect(closingTime({ commentMode: 'open', commentsCloseAt: null, firstPublishedAt: published }, 0)).toBeNull();
    expect(commentsOpen({ commentMode: 'closed', commentsCloseAt: null, firstPublishedAt: published }, 0)).toBe(false);
  });
  it('lets an article’s own closing time win over the setting', () => {
    const own = new Date(published.getTime() + 60 * day);
    expect(commentsOpen({ commentMode: 'open', commentsCloseAt: own, firstPublishedAt: published }, 14, new Date(published.getTime() + 30 * day))).toBe(true);
  });
});

describe('judging a new comment', () => {
  it('approves a known commenter with a clean comment', () => {
    expect(judge(base)).toEqual({ status: 'approved', reasons: [], word: null });
  });
  it('names every reason it holds a comment for', () => {
    const v = judge({ ...base, knownCommenter: false, links: 2, moderationWord: 'casino', tooFast: true, commentMode: 'moderated' });
    expect(v.status).toBe('pending');
    expect(v.reasons).toEqual(['moderated', 'first_time', 'links', 'moderation_word', 'too_fast']);
    expect(formatReasons(v)).toBe('moderated,first_time,links,moderation_word:casino,too_fast');
    expect(describeReasons(formatReasons(v))).toContain('Moderation word (“casino”)');
  });
  it('lets spam signals win over holding', () => {
    expect(judge({ ...base, honeypot: true, knownCommenter: false }).status).toBe('spam');
    expect(judge({ ...base, banned: true }).status).toBe('spam');
    expect(judge({ ...base, blockedWord: 'x' }).reasons).toEqual(['blocked_word']);
  });
  it('ignores links when the limit is 0, and the first-time rule under publish_all', () => {
    expect(judge({ ...base, links: 10, linkLimit: 0 }).status).toBe('approved');
    expect(judge({ ...base, knownCommenter: false, policy: 'publish_all' }).status).toBe('approved');
    expect(judge({ ...base, policy: 'hold_all' }).reasons).toEqual(['policy']);
  });
});
