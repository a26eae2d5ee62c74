// Shapes the comment island and the comment endpoint share. Only public fields: no e-mail,
// address or browser ever reaches the browser.

/** An approved comment as readers see it. */
export type PublicComment = {
  id: number;
  parentId: number | null;
  depth: number;
  authorName: string;
  body: string;
  createdAt: string;
  /** The name on the comment this one answers, when that comment is visible. */
  replyToName: string | null;
};

export type ThreadComment = PublicComment & {
  /** Only on the commenter's own comments that await moderation. */
  status?: 'pending';
};

export type ThreadOrder = 'oldest' | 'newest';

export type ThreadResponse = {
  articleId: number;
  count: number;
  open: boolean;
  closesAt: string | null;
  maxDepth: number;
  order: ThreadOrder;
  comments: ThreadComment[];
  next: string | null;
  mine: ThreadComment[];
  gone: number[];
  formToken: string | null;
};

export type PostResponse = {
  comment: { id: number; parentId: number | null; depth: number; authorName: string; body: string; createdAt: string; status: 'approved' | 'pending' };
  ownerToken: string;
  message: string;
};

export type ErrorResponse = { error: string; fieldErrors?: Partial<Record<'name' | 'email' | 'comment' | 'parentId', string>>; retryAfter?: number; formToken?: string };

/** What the article page passes to the island: a few numbers and strings, never a database row. */
export type IslandProps = {
  articleId: number;
  count: number;
  open: boolean;
  maxDepth: number;
  locale: string;
  timeZone: string;
};

export type Draft = { name: string; email: string; comment: string };
