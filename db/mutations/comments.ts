import 'server-only';
import crypto from 'node:crypto';
import { eq, inArray, sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Sql } from 'postgres';
import { commentRules, type CommentRules } from '../../lib/comments/config';
import { closingTime, formatReasons, judge } from '../../lib/comments/rules';
import { countLinks, findListedWord } from '../../lib/comments/text';
import { getConnection, getDb, type Db } from '../client';
import { INVALIDATION_CHANNEL, recorded } from '../invalidation';
import { DEFAULT_COMMENT_SETTINGS } from '../queries/comments';
import { articles, auditLog, commentBans, comments } from '../schema';
import { commentChangeTags } from '../tags';
import { type CommentMode, type CommentPolicy, type CommentStatus } from '../../lib/domain';
import { assertCan, type Actor } from '../../lib/permissions';

// Writing comments. Posting applies every rule inside one transaction that first takes advisory
// locks on the commenter's e-mail address and client address, so two requests from the same
// person are decided one after the other: a duplicate, a flood or a retried submission can never
// slip through between a check and the insert. Requests from different people do not wait for
// each other. Every write that changes what readers see returns the cache tags it expires
// (`expire`, from commentChangeTags in db/tags.ts); callers pass them to expireTags() as they are.

/** What the commenter's own browser may see of a comment it posted (never the e-mail). */
export type OwnComment = {
  id: number;
  articleId: number;
  parentId: number | null;
  depth: number;
  authorName: string;
  body: string;
  createdAt: string;
  /** Spam is reported as pending, so a spammer cannot tell the filter caught them. */
  status: 'approved' | 'pending';
};

export type PostCommentInput = {
  articleId: number;
  parentId: number | null;
  authorName: string;
  authorEmail: string;
  body: string;
  idempotencyKey: string | null;
  clientAddress: string | null;
  userAgent: string | null;
  /** The hidden field was filled in. */
  honeypot: boolean;
  /** The form was posted sooner than the minimum time after it was shown. */
  tooFast: boolean;
};

export type ArticleRef = { id: number; slug: string };

export type PostCommentResult =
  /** `expire` is empty unless the comment was published at once. */
  | { kind: 'created'; comment: OwnComment; article: ArticleRef; expire: string[] }
  /** The same submission again: whatever it changed was expired the first time. */
  | { kind: 'replayed'; comment: OwnComment; article: ArticleRef; expire: string[] }
  | { kind: 'not_found' }
  | { kind: 'closed' }
  | { kind: 'bad_parent'; message: string }
  | { kind: 'duplicate' }
  | { kind: 'flood'; retryAfterSeconds: number }
  | { kind: 'key_reused' };

type Row = Record<string, unknown>;

/** db.execute() returns an array on postgres.js and { rows } on PGlite. */
function rowsOf(result: unknown): Row[] {
  if (Array.isArray(result)) return result as Row[];
  return ((result as { rows?: Row[] }).rows ?? []) as Row[];
}

const dialect = new PgDialect();
type Exec = (query: SQL) => Promise<Row[]>;

/**
 * A transaction for the posting path. On PostgreSQL its statements are prepared once per
 * connection (drizzle's execute() sends them unprepared, and planning the rules' query cost ten
 * times running it). Statements issued together without awaiting go out in one round trip.
 */
async function postingTransaction<T>(work: (exec: Exec) => Promise<T>): Promise<T> {
  const connection = getConnection();
  if (connection.kind === 'postgres') {
    const client = (connection.db as unknown as { $client: Sql }).$client;
    const result = await client.begin((tx) =>
      work(async (query) => {
        const { sql: text, params } = dialect.sqlToQuery(query);
        return (await tx.unsafe(text, params as never[], { prepare: true })) as unknown as Row[];
      }),
    );
    return result as T;
  }
  return connection.db.transaction((tx) => work(async (query) => rowsOf(await tx.execute(query))));
}

const toDate = (v: unknown): Date | null => (v === null || v === undefined ? null : v instanceof Date ? v : new Date(String(v)));

/** A 64-bit advisory lock key for a string, as a decimal string for a bigint parameter. */
function lockKey(name: string): bigint {
  return crypto.createHash('sha256').update(name).digest().readBigInt64BE(0);
}

function ownComment(row: {
  id: number;
  articleId: number;
  parentId: number | null;
  depth: number;
  authorName: string;
  body: string;
  createdAt: Date;
  status: CommentStatus;
}): OwnComment {
  return {
    id: Number(row.id),
    articleId: row.articleId,
    parentId: row.parentId === null ? null : Number(row.parentId),
    depth: row.depth,
    authorName: row.authorName,
    body: row.body,
    createdAt: row.createdAt.toISOString(),
    status: row.status === 'approved' ? 'approved' : 'pending',
  };
}

const ownColumns = {
  id: comments.id,
  articleId: comments.articleId,
  parentId: comments.parentId,
  depth: comments.depth,
  authorName: comments.authorName,
  authorEmail: comments.authorEmail,
  body: comments.body,
  createdAt: comments.createdAt,
  status: comments.status,
};

/**
 * The comment an idempotency key already made: the same submission again gets the same answer;
 * the key reused for something else is refused.
 */
async function replay(db: Db, key: string, input: PostCommentInput, article: ArticleRef): Promise<PostCommentResult> {
  const [row] = await db.select(ownColumns).from(comments).where(eq(comments.idempotencyKey, key));
  if (!row) return { kind: 'key_reused' };
  const same = row.articleId === input.articleId && row.authorEmail.toLowerCase() === input.authorEmail.toLowerCase() && row.body === input.body;
  return same ? { kind: 'replayed', comment: ownComment(row), article, expire: [] } : { kind: 'key_reused' };
}

const NOT_AVAILABLE = 'The comment you replied to is not available. Your comment can be posted on its own instead.';

export async function postComment(input: PostCommentInput, rules: CommentRules = commentRules(process.env)): Promise<PostCommentResult> {
  const db = getDb();
  const email = input.authorEmail.toLowerCase();
  const address = input.clientAddress;
  const locks = [lockKey(`comment-email:${email}`)];
  if (address) locks.push(lockKey(`comment-address:${address}`));
  // In a fixed order, so two transactions never wait for each other in a circle.
  locks.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const flood = sql`clock_timestamp() - make_interval(secs => ${rules.floodSeconds})`;

  const result = await postingTransaction(async (exec) => {
    // Two statements sent together (one round trip): the locks, then, in a statement that starts
    // after they are held and so sees every comment committed before, everything the rules need.
    const [, factsRows] = await Promise.all([
      exec(sql`SELECT ${sql.join(locks.map((k) => sql`pg_advisory_xact_lock(${k.toString()}::bigint)::text`), sql`, `)}`),
      exec(sql`
        SELECT
          a.id AS article_id, a.slug, (a.status = 'published' AND a.published_at <= now()) AS live,
          a.comment_mode, a.comments_close_at, coalesce(a.first_published_at, a.published_at) AS first_published_at,
          s.comment_policy, s.comments_close_after_days, s.comment_max_depth, s.comment_link_limit, s.moderation_words, s.blocked_words,
          p.article_id AS parent_article_id, p.status AS parent_status, p.depth AS parent_depth,
          ${input.idempotencyKey ? sql`EXISTS (SELECT 1 FROM comments WHERE idempotency_key = ${input.idempotencyKey})` : sql`false`} AS replay,
          EXISTS (SELECT 1 FROM comments WHERE lower(author_email) = ${email} AND article_id = ${input.articleId}
                  AND body = ${input.body} AND status <> 'trash') AS duplicate,
          (SELECT max(created_at) FROM comments WHERE lower(author_email) = ${email} AND created_at > ${flood}) AS last_by_email,
          ${address ? sql`(SELECT max(created_at) FROM comments WHERE client_address = ${address} AND created_at > ${flood})` : sql`NULL::timestamptz`} AS last_by_address,
          EXISTS (SELECT 1 FROM comments WHERE lower(author_email) = ${email} AND status = 'approved') AS known,
          EXISTS (SELECT 1 FROM comment_bans WHERE (kind = 'email' AND value = ${email})
                  ${address ? sql`OR (kind = 'address' AND value = ${address})` : sql``}) AS banned,
          clock_timestamp() AS now
        FROM (SELECT 1) AS one
        LEFT JOIN articles a ON a.id = ${input.articleId}::int
        LEFT JOIN site_settings s ON s.id = 1
        LEFT JOIN comments p ON p.id = ${input.parentId ?? 0}::bigint
      `),
    ]);
    const f = factsRows[0]!;
    if (!f.article_id || !f.live) return { kind: 'not_found' } as const;
    const settings = {
      policy: (f.comment_policy ?? DEFAULT_COMMENT_SETTINGS.policy) as CommentPolicy,
      closeAfterDays: f.comments_close_after_days === null ? DEFAULT_COMMENT_SETTINGS.closeAfterDays : Number(f.comments_close_after_days),
      maxDepth: f.comment_max_depth === null ? DEFAULT_COMMENT_SETTINGS.maxDepth : Number(f.comment_max_depth),
      linkLimit: f.comment_link_limit === null ? DEFAULT_COMMENT_SETTINGS.linkLimit : Number(f.comment_link_limit),
      moderationWords: (f.moderation_words as string[] | null) ?? [],
      blockedWords: (f.blocked_words as string[] | null) ?? [],
    };
    const now = toDate(f.now)!;
    const article: ArticleRef = { id: Number(f.article_id), slug: String(f.slug) };
    const closes = closingTime(
      { commentMode: f.comment_mode as CommentMode, commentsCloseAt: toDate(f.comments_close_at), firstPublishedAt: toDate(f.first_published_at) },
      settings.closeAfterDays,
    );
    if (closes && closes.getTime() <= now.getTime()) return { kind: 'closed' } as const;
    if (input.parentId !== null) {
      if (Number(f.parent_article_id) !== input.articleId || f.parent_status !== 'approved') return { kind: 'bad_parent', message: NOT_AVAILABLE } as const;
      if (Number(f.parent_depth) + 1 >= settings.maxDepth) {
        return { kind: 'bad_parent', message: `Replies can only be nested ${settings.maxDepth} deep. Reply to an earlier comment in this conversation instead.` } as const;
      }
    }
    if (f.replay) return { kind: 'replay', article } as const;
    if (f.duplicate) return { kind: 'duplicate' } as const;
    const last = [toDate(f.last_by_email), toDate(f.last_by_address)].filter((d): d is Date => d !== null);
    if (last.length > 0) {
      const latest = Math.max(...last.map((d) => d.getTime()));
      return { kind: 'flood', retryAfterSeconds: Math.max(1, Math.ceil((latest + rules.floodSeconds * 1000 - now.getTime()) / 1000)) } as const;
    }

    const listed = [input.authorName, input.authorEmail, input.body, input.userAgent ?? '', address ?? ''];
    const verdict = judge({
      commentMode: f.comment_mode as CommentMode,
      policy: settings.policy,
      knownCommenter: Boolean(f.known),
      links: countLinks(input.body),
      linkLimit: settings.linkLimit,
      moderationWord: findListedWord(settings.moderationWords, listed),
      blockedWord: findListedWord(settings.blockedWords, listed),
      banned: Boolean(f.banned),
      honeypot: input.honeypot,
      tooFast: input.tooFast,
    });
    const reason = formatReasons(verdict);

    // The burst limit counts comment ids, which the sequence hands out at once and never twice:
    // every comment being posted right now has an id below ours and above the last one before
    // the window, committed or not, so concurrent posts cannot all squeeze under the limit. Over
    // the limit, a comment that would have been published is held instead ("burst").
    const inserted = await exec(sql`
        WITH slot AS (
          SELECT nextval(pg_get_serial_sequence('comments', 'id')) AS id,
            coalesce(
              (SELECT id - 1 FROM comments WHERE created_at > clock_timestamp() - make_interval(secs => ${rules.burstWindowSeconds})
                ORDER BY created_at LIMIT 1),
              (SELECT max(id) FROM comments),
              0
            ) AS before_window
        ), v AS (
          SELECT id, (id - before_window) > ${rules.burstLimit} AS burst FROM slot
        )
        INSERT INTO comments (id, article_id, parent_id, author_name, author_email, body, status, held_reason, client_address, user_agent, idempotency_key, created_at, modified_at)
        SELECT v.id, ${input.articleId}::int, ${input.parentId}::bigint, ${input.authorName}::text, ${input.authorEmail}::text, ${input.body}::text,
          CASE WHEN v.burst AND ${verdict.status}::text = 'approved' THEN 'pending' ELSE ${verdict.status}::text END,
          CASE WHEN v.burst AND ${verdict.status}::text <> 'spam' THEN concat_ws(',', ${reason}::text, 'burst') ELSE ${reason}::text END,
          ${address}::text, ${input.userAgent ? input.userAgent.slice(0, 500) : null}::text, ${input.idempotencyKey}::text,
          clock_timestamp(), clock_timestamp()
        FROM v
        ON CONFLICT (idempotency_key) DO NOTHING
        RETURNING id, article_id, parent_id, depth, author_name, body, created_at, status
      `);
    const row = inserted[0];
    // Nothing inserted: the same key was committed meanwhile by a request holding other locks.
    if (!row) return { kind: 'replay', article } as const;
    // A published comment changes the article's count and thread at once; a held one nothing yet.
    const expire = row.status === 'approved' ? commentChangeTags([article]) : [];
    // Recorded for the other instances in this transaction (db/invalidation.ts), through the
    // posting path's own executor. Tags hold no spaces.
    if (expire.length) await exec(sql`WITH r AS (INSERT INTO invalidations (tags) VALUES (string_to_array(${expire.join(' ')}::text, ' ')) RETURNING seq) SELECT pg_notify(${INVALIDATION_CHANNEL}::text, seq::text) FROM r`);
    return {
      kind: 'created',
      article,
      expire,
      comment: ownComment({
        id: Number(row.id),
        articleId: Number(row.article_id),
        parentId: row.parent_id === null ? null : Number(row.parent_id),
        depth: Number(row.depth),
        authorName: String(row.author_name),
        body: String(row.body),
        createdAt: toDate(row.created_at)!,
        status: row.status as CommentStatus,
      }),
    } as const;
  });

  if (result.kind === 'replay') return replay(db, input.idempotencyKey!, input, result.article);
  return result;
}

// ---------------------------------------------------------------------------------------------
// Moderation
//
// Every moderation write takes the actor, not just an id, and checks the permission matrix inside
// its transaction once the rows it will change are locked, so an action that forgot its own check
// (or a role taken away a moment ago) still changes nothing: a refusal throws before any write.
// Moderating is role-only in the matrix ('comments.moderate'): an author reads the comments on
// their own articles but does not moderate them.

export type ModerationAction = 'approve' | 'unapprove' | 'spam' | 'trash' | 'restore';

const TARGET_STATUS: Record<ModerationAction, CommentStatus> = {
  approve: 'approved',
  unapprove: 'pending',
  spam: 'spam',
  trash: 'trash',
  restore: 'pending',
};

/**
 * Changes the status of comments and returns the cache tags of the articles whose public thread
 * changed. Restoring brings a comment back from spam or trash to the queue.
 */
export async function moderateComments(ids: number[], action: ModerationAction, actor: Actor): Promise<{ changed: number; expire: string[] }> {
  const staffId = actor.id;
  const unique = [...new Set(ids.filter((id) => Number.isSafeInteger(id) && id > 0))].slice(0, 500);
  if (unique.length === 0) {
    assertCan(actor, 'comments.moderate');
    return { changed: 0, expire: [] };
  }
  const status = TARGET_STATUS[action];
  return getDb().transaction(async (tx) => {
    const before = await tx
      .select({ id: comments.id, status: comments.status, articleId: comments.articleId, slug: articles.slug })
      .from(comments)
      .innerJoin(articles, eq(articles.id, comments.articleId))
      .where(inArray(comments.id, unique))
      .for('update', { of: comments });
    assertCan(actor, 'comments.moderate');
    const eligible = before.filter((c) => (action === 'restore' ? c.status === 'spam' || c.status === 'trash' : c.status !== status));
    if (eligible.length === 0) return { changed: 0, expire: [] };
    await tx
      .update(comments)
      .set({ status, modifiedAt: sql`now()` })
      .where(inArray(comments.id, eligible.map((c) => c.id)));
    await tx.insert(auditLog).values({
      staffId,
      action: `comment.${action}`,
      subject: eligible.length === 1 ? `comment:${eligible[0]!.id}` : `comments:${eligible.length}`,
      detail: { ids: eligible.map((c) => c.id) },
    });
    // Only a change into or out of "approved" alters what readers see.
    const visible = eligible.filter((c) => c.status === 'approved' || status === 'approved');
    const articlesChanged = new Map(visible.map((c) => [c.articleId, { id: c.articleId, slug: c.slug }]));
    return { changed: eligible.length, expire: await recorded(tx, commentChangeTags([...articlesChanged.values()])) };
  });
}

/**
 * Edits the name and text of a comment (a moderator fixing a typo or removing a slur). Null when
 * the comment no longer exists; otherwise the tags to expire, none for a comment readers cannot see.
 */
export async function editComment(id: number, change: { authorName: string; body: string }, actor: Actor): Promise<{ expire: string[] } | null> {
  const staffId = actor.id;
  return getDb().transaction(async (tx) => {
    const [locked] = await tx.select({ id: comments.id }).from(comments).where(eq(comments.id, id)).for('update');
    assertCan(actor, 'comments.moderate');
    if (!locked) return null;
    const [row] = await tx
      .update(comments)
      .set({ authorName: change.authorName, body: change.body, modifiedAt: sql`now()` })
      .where(eq(comments.id, id))
      .returning({ articleId: comments.articleId, status: comments.status });
    if (!row) return null;
    await tx.insert(auditLog).values({ staffId, action: 'comment.edit', subject: `comment:${id}` });
    if (row.status !== 'approved') return { expire: [] };
    const [article] = await tx.select({ id: articles.id, slug: articles.slug }).from(articles).where(eq(articles.id, row.articleId));
    return { expire: article ? await recorded(tx, commentChangeTags([article])) : [] };
  });
}

export type BanKind = 'email' | 'address';

/** Bans an e-mail address or client address: their later comments go straight to spam. */
export async function banCommenter(kind: BanKind, value: string, reason: string, actor: Actor): Promise<{ created: boolean }> {
  const staffId = actor.id;
  const normalised = kind === 'email' ? value.trim().toLowerCase() : value.trim();
  return getDb().transaction(async (tx) => {
    assertCan(actor, 'comments.moderate');
    const rows = await tx
      .insert(commentBans)
      .values({ kind, value: normalised, reason: reason.slice(0, 500), createdBy: staffId })
      .onConflictDoNothing()
      .returning({ id: commentBans.id });
    if (rows.length > 0) await tx.insert(auditLog).values({ staffId, action: 'comment.ban', subject: `ban:${rows[0]!.id}`, detail: { kind } });
    return { created: rows.length > 0 };
  });
}

export async function liftBan(id: number, actor: Actor): Promise<boolean> {
  const staffId = actor.id;
  return getDb().transaction(async (tx) => {
    await tx.select({ id: commentBans.id }).from(commentBans).where(eq(commentBans.id, id)).for('update');
    assertCan(actor, 'comments.moderate');
    const rows = await tx.delete(commentBans).where(eq(commentBans.id, id)).returning({ id: commentBans.id });
    if (rows.length > 0) await tx.insert(auditLog).values({ staffId, action: 'comment.unban', subject: `ban:${id}` });
    return rows.length > 0;
  });
}

/**
 * Erases a commenter's personal data on request. Comments nobody replied to are deleted; a
 * comment with replies keeps its place in the conversation but loses name, e-mail, text,
 * address and browser, and leaves the public thread.
 */
export async function eraseCommenter(email: string, actor: Actor): Promise<{ deleted: number; anonymised: number; expire: string[] }> {
  const staffId = actor.id;
  const target = email.trim().toLowerCase();
  return getDb().transaction(async (tx) => {
    const mine = await tx
      .select({ id: comments.id, status: comments.status, articleId: comments.articleId, slug: articles.slug })
      .from(comments)
      .innerJoin(articles, eq(articles.id, comments.articleId))
      .where(eq(sql`lower(${comments.authorEmail})`, target))
      .for('update', { of: comments });
    assertCan(actor, 'comments.moderate');
    if (mine.length === 0) return { deleted: 0, anonymised: 0, expire: [] };
    const ids = mine.map((c) => c.id);
    const withReplies = new Set(
      (await tx.select({ parentId: comments.parentId }).from(comments).where(inArray(comments.parentId, ids))).map((r) => Number(r.parentId)),
    );
    const keep = ids.filter((id) => withReplies.has(id));
    const remove = ids.filter((id) => !withReplies.has(id));
    if (keep.length > 0) {
      await tx
        .update(comments)
        .set({
          authorName: 'Removed',
          authorEmail: sql`'erased-' || ${comments.id} || '@invalid.invalid'`,
          body: 'This comment was removed at its author’s request.',
          status: 'trash',
          clientAddress: null,
          userAgent: null,
          idempotencyKey: null,
          modifiedAt: sql`now()`,
        })
        .where(inArray(comments.id, keep));
    }
    if (remove.length > 0) await tx.delete(comments).where(inArray(comments.id, remove));
    // Only the count is recorded: the audit log must not keep the address it erased.
    await tx.insert(auditLog).values({ staffId, action: 'comment.erase', subject: 'commenter', detail: { deleted: remove.length, anonymised: keep.length } });
    const visible = new Map(mine.filter((c) => c.status === 'approved').map((c) => [c.articleId, { id: c.articleId, slug: c.slug }]));
    return { deleted: remove.length, anonymised: keep.length, expire: await recorded(tx, commentChangeTags([...visible.values()])) };
  });
}

/**
 * Drops client addresses and browser names from comments older than the retention period. Run on
 * a schedule (server/comments/maintenance.ts). Readers never see either, so nothing expires.
 */
export async function purgeCommenterTraces(rules: CommentRules = commentRules(process.env)): Promise<{ addressesDropped: number }> {
  const db = getDb();
  const [dropped] = rowsOf(
    await db.execute(sql`
      WITH dropped AS (
        UPDATE comments SET client_address = NULL, user_agent = NULL
        WHERE created_at < now() - make_interval(days => ${rules.addressRetentionDays})
          AND (client_address IS NOT NULL OR user_agent IS NOT NULL)
        RETURNING 1
      )
      SELECT count(*)::int AS n FROM dropped
    `),
  );
  return { addressesDropped: Number(dropped?.n ?? 0) };
}
