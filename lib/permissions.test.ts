import { describe, expect, it } from 'vitest';
import type { ArticleStatus, StaffRole } from './domain';
import { articleListScope, articleReadScope, can, canOnArticle, canOnLiveEntry, rolesFor, type ArticleAction, type LiveEntryAction, type SiteAction } from './permissions';

const ROLES: StaffRole[] = ['contributor', 'author', 'editor', 'admin'];
const actor = (role: StaffRole) => ({ id: 1, role });

// The rules, written out as a table so a change to one cell is a visible decision.
const SITE: Record<SiteAction, StaffRole[]> = {
  'article.create': ['contributor', 'author', 'editor', 'admin'],
  'media.upload': ['author', 'editor', 'admin'],
  'media.edit': ['author', 'editor', 'admin'],
  'media.delete': ['editor', 'admin'],
  'comments.moderate': ['editor', 'admin'],
  'sections.manage': ['editor', 'admin'],
  'tags.manage': ['editor', 'admin'],
  'staff.manage': ['admin'],
  'settings.manage': ['admin'],
  'audit.view': ['admin'],
  'layout.manage': ['editor', 'admin'],
  'live.post': ['author', 'editor', 'admin'],
  'live.moderate': ['editor', 'admin'],
  'audience.view': ['editor', 'admin'],
};

describe('the permission matrix: who may do what', () => {
  for (const [action, allowed] of Object.entries(SITE) as [SiteAction, StaffRole[]][]) {
    for (const role of ROLES) {
      it(`${role} ${allowed.includes(role) ? 'may' : 'may not'} ${action}`, () => {
        expect(can(actor(role), action)).toBe(allowed.includes(role));
      });
    }
    it(`rolesFor(${action}) lists exactly the roles allowed`, () => {
      expect(rolesFor(action).sort()).toEqual([...allowed].sort());
    });
  }
});

type Case = { status: ArticleStatus; own: boolean; action: ArticleAction; allowed: StaffRole[] };
const ALL = ROLES;
const UP_FROM_AUTHOR: StaffRole[] = ['author', 'editor', 'admin'];
const EDITORS: StaffRole[] = ['editor', 'admin'];

const ARTICLE_CASES: Case[] = [
  // Own work.
  { status: 'draft', own: true, action: 'edit', allowed: ALL },
  { status: 'draft', own: true, action: 'submit', allowed: ALL },
  { status: 'in_review', own: true, action: 'edit', allowed: ALL },
  { status: 'draft', own: true, action: 'publish', allowed: UP_FROM_AUTHOR },
  { status: 'in_review', own: true, action: 'publish', allowed: UP_FROM_AUTHOR },
  { status: 'published', own: true, action: 'edit', allowed: UP_FROM_AUTHOR },
  { status: 'scheduled', own: true, action: 'edit', allowed: UP_FROM_AUTHOR },
  { status: 'published', own: true, action: 'withdraw', allowed: UP_FROM_AUTHOR },
  { status: 'published', own: true, action: 'correct', allowed: UP_FROM_AUTHOR },
  { status: 'draft', own: true, action: 'preview.share', allowed: ALL },
  // Someone else's work.
  // Reading unpublished work (issue 11, item 1): below editor, only one's own and what is published.
  { status: 'draft', own: true, action: 'view', allowed: ALL },
  { status: 'in_review', own: true, action: 'view', allowed: ALL },
  { status: 'scheduled', own: true, action: 'view', allowed: ALL },
  { status: 'withdrawn', own: true, action: 'view', allowed: ALL },
  { status: 'draft', own: false, action: 'view', allowed: EDITORS },
  { status: 'in_review', own: false, action: 'view', allowed: EDITORS },
  { status: 'scheduled', own: false, action: 'view', allowed: EDITORS },
  { status: 'withdrawn', own: false, action: 'view', allowed: EDITORS },
  { status: 'published', own: false, action: 'view', allowed: ALL },
  { status: 'draft', own: false, action: 'edit', allowed: EDITORS },
  { status: 'in_review', own: false, action: 'publish', allowed: EDITORS },
  { status: 'published', own: false, action: 'edit', allowed: EDITORS },
  { status: 'published', own: false, action: 'withdraw', allowed: EDITORS },
  { status: 'published', own: false, action: 'correct', allowed: EDITORS },
  { status: 'draft', own: false, action: 'preview.share', allowed: EDITORS },
  { status: 'draft', own: false, action: 'submit', allowed: EDITORS },
];

describe('the article permission matrix: ownership and workflow', () => {
  for (const c of ARTICLE_CASES) {
    for (const role of ROLES) {
      const ok = c.allowed.includes(role);
      it(`${role} ${ok ? 'may' : 'may not'} ${c.action} ${c.own ? 'their own' : "someone else's"} ${c.status} article`, () => {
        const article = { createdBy: c.own ? 1 : 2, authorIds: [], status: c.status };
        expect(canOnArticle(actor(role), c.action, article)).toBe(ok);
      });
    }
  }

  it('counts being a named author as ownership', () => {
    expect(canOnArticle(actor('author'), 'publish', { createdBy: 2, authorIds: [3, 1], status: 'draft' })).toBe(true);
  });
});

describe('whose articles the newsroom list holds', () => {
  it('holds only a contributor’s own work, what an author may read for an author, and everyone’s for editors and admins', () => {
    expect(ROLES.map((role) => [role, articleListScope(actor(role))])).toEqual([
      ['contributor', 'own'],
      ['author', 'readable'],
      ['editor', 'all'],
      ['admin', 'all'],
    ]);
  });
});

describe('who may read which unpublished article', () => {
  it('lets editors and admins read everything, and everyone else their own work and what is published', () => {
    expect(ROLES.map((role) => [role, articleReadScope(actor(role))])).toEqual([
      ['contributor', 'own-and-published'],
      ['author', 'own-and-published'],
      ['editor', 'all'],
      ['admin', 'all'],
    ]);
  });

  it('counts a byline as one’s own work when reading a colleague’s draft', () => {
    expect(canOnArticle(actor('contributor'), 'view', { createdBy: 2, authorIds: [1], status: 'draft' })).toBe(true);
    expect(canOnArticle(actor('author'), 'view', { createdBy: 2, authorIds: [3], status: 'in_review' })).toBe(false);
  });
});

describe('live-blog entries: reporters post and fix their own wording, editors moderate', () => {
  const mine = { createdBy: 1, authorIds: [1] };
  const shared = { createdBy: 2, authorIds: [2, 1] };
  const theirs = { createdBy: 2, authorIds: [2] };
  const MODERATION: LiveEntryAction[] = ['key-event', 'pin', 'correct'];
  it('an author edits or deletes an entry they posted or are credited on, and no one else\'s', () => {
    for (const action of ['edit', 'delete'] as LiveEntryAction[]) {
      expect(canOnLiveEntry(actor('author'), action, mine)).toBe(true);
      expect(canOnLiveEntry(actor('author'), action, shared)).toBe(true);
      expect(canOnLiveEntry(actor('author'), action, theirs)).toBe(false);
    }
  });
  it('an author cannot pin, mark key events or add corrections, even on their own entry', () => {
    for (const action of MODERATION) expect(canOnLiveEntry(actor('author'), action, mine)).toBe(false);
  });
  it('a contributor can do nothing to an entry, not even one credited to them', () => {
    for (const action of ['edit', 'delete', ...MODERATION] as LiveEntryAction[]) expect(canOnLiveEntry(actor('contributor'), action, mine)).toBe(false);
  });
  it('editors and admins may do everything to anyone\'s entry', () => {
    for (const role of ['editor', 'admin'] as StaffRole[]) for (const action of ['edit', 'delete', ...MODERATION] as LiveEntryAction[]) expect(canOnLiveEntry(actor(role), action, theirs)).toBe(true);
  });
});
