import Link from 'next/link';
import { formatWhen } from '@/lib/newsroom-format';
import { countCommentsByStatus, listCommentsForModeration, type ModerationComment } from '@/db/queries/comments';
import { getSiteSettings } from '@/db/queries/settings';
import { COMMENT_STATUSES, type CommentStatus } from '@/lib/domain';
import { requireRole } from '@/server/auth/session';
import { can } from '@/lib/permissions';
import { CommentStatusBadge, STATUS_LABELS as TAB_LABELS } from '../../../../components/ui/comment-status-badge';
import { moderateCommentsAction } from '../_actions/comments';

// The moderation queue. Editors and admins see every comment and can act on them, one at a time
// or in bulk; authors and contributors see the comments on their own articles, read-only.

export const metadata = { title: 'Comments' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function ActionButtons({ c, returnTo }: { c: ModerationComment; returnTo: string }) {
  const actions: { action: string; label: string }[] =
    c.status === 'pending'
      ? [
          { action: 'approve', label: 'Approve' },
          { action: 'spam', label: 'Spam' },
          { action: 'trash', label: 'Trash' },
        ]
      : c.status === 'approved'
        ? [
            { action: 'unapprove', label: 'Unapprove' },
            { action: 'spam', label: 'Spam' },
            { action: 'trash', label: 'Trash' },
          ]
        : [{ action: 'restore', label: 'Restore' }];
  return (
    <form action={moderateCommentsAction} className="button-row">
      <input type="hidden" name="ids" value={c.id} />
      <input type="hidden" name="returnTo" value={returnTo} />
      {actions.map((a) => (
        <button key={a.action} className={`button button--small${a.action === 'approve' ? ' button--primary' : a.action === 'spam' || a.action === 'trash' ? ' button--danger' : ''}`} type="submit" name="action" value={a.action}>
          {a.label}
          <span className="visually-hidden"> comment by {c.authorName}</span>
        </button>
      ))}
      <Link className="button button--small button--quiet" href={`/dashboard/comments/${c.id}`}>
        Edit<span className="visually-hidden"> comment by {c.authorName}</span>
      </Link>
    </form>
  );
}

export default async function CommentsQueuePage({ searchParams }: Props) {
  const me = await requireRole();
  const moderator = can(me, 'comments.moderate');
  const raw = await searchParams;
  const one = (k: string) => {
    const v = raw[k];
    return ((Array.isArray(v) ? v[0] : v) ?? '').slice(0, 200);
  };
  const status = (COMMENT_STATUSES as readonly string[]).includes(one('status')) ? (one('status') as CommentStatus) : moderator ? 'pending' : 'approved';
  const q = one('q');
  const articleId = Number(one('article')) || undefined;
  const address = one('address') || undefined;
  const before = Number(one('before')) || undefined;
  const ownArticlesOf = moderator ? undefined : me.id;
  const filter = { search: q || undefined, articleId, address, ownArticlesOf };

  const [list, counts, settings] = await Promise.all([listCommentsForModeration({ ...filter, status, before }), countCommentsByStatus(filter), getSiteSettings()]);
  const link = (patch: Record<string, string | undefined>) => {
    const p = new URLSearchParams();
    const base: Record<string, string | undefined> = { status, q: q || undefined, article: articleId ? String(articleId) : undefined, address };
    for (const [k, v] of Object.entries({ ...base, ...patch })) if (v) p.set(k, v);
    return `/dashboard/comments?${p}`;
  };
  const returnTo = link({ before: before ? String(before) : undefined });
  const done = one('done');

  return (
    <div>
      <div className="button-row">
        <h1 style={{ marginRight: 'auto' }}>{moderator ? 'Comments' : 'Comments on your articles'}</h1>
        {moderator ? (
          <Link className="button" href="/dashboard/comments/bans">
            Bans
          </Link>
        ) : null}
        {moderator ? (
          <Link className="button" href="/dashboard/comments/commenter">
            Find a commenter
          </Link>
        ) : null}
      </div>
      <p className="form__notice" role="status">
        {done}
      </p>
      <nav aria-label="Comment status" className="button-row">
        {COMMENT_STATUSES.map((s) => (
          <Link key={s} className={`button${s === status ? ' button--primary' : ''}`} href={link({ status: s })} aria-current={s === status ? 'page' : undefined}>
            {TAB_LABELS[s]} ({counts[s]})
          </Link>
        ))}
      </nav>
      <form className="filters" method="get" role="search" aria-label="Filter comments">
        <input type="hidden" name="status" value={status} />
        <label>
          Search names and text
          <input type="search" name="q" defaultValue={q} />
        </label>
        {moderator ? (
          <label>
            Network address
            <input type="search" name="address" defaultValue={address ?? ''} />
          </label>
        ) : null}
        <button className="button" type="submit">
          Apply
        </button>
      </form>

      {list.items.length === 0 ? (
        <p>No {TAB_LABELS[status].toLowerCase()} comments{q || address ? ' match these filters' : ''}.</p>
      ) : (
        <>
          {moderator ? (
            <form id="bulk" action={moderateCommentsAction} className="button-row" aria-label="Bulk actions">
              <input type="hidden" name="returnTo" value={returnTo} />
              <label>
                With the ticked comments:{' '}
                <select name="action" defaultValue={status === 'pending' ? 'approve' : status === 'approved' ? 'unapprove' : 'restore'}>
                  <option value="approve">Approve</option>
                  <option value="unapprove">Return to the queue</option>
                  <option value="spam">Mark as spam</option>
                  <option value="trash">Move to trash</option>
                  <option value="restore">Restore</option>
                </select>
              </label>
              <button className="button" type="submit">
                Apply to ticked
              </button>
            </form>
          ) : null}
          <ol className="moderation-list">
            {list.items.map((c) => (
              <li key={c.id} className="panel moderation-item" id={`c${c.id}`}>
                <div className="moderation-item__head">
                  {moderator ? (
                    <label className="checkbox">
                      <input type="checkbox" name="ids" value={c.id} form="bulk" />
                      <span className="visually-hidden">Select the comment by {c.authorName}</span>
                    </label>
                  ) : null}
                  <strong>{c.authorName}</strong>
                  {moderator ? (
                    <>
                      <Link href={`/dashboard/comments/commenter?email=${encodeURIComponent(c.authorEmail)}`}>{c.authorEmail}</Link>
                      {c.clientAddress ? <Link href={link({ address: c.clientAddress, before: undefined })}>{c.clientAddress}</Link> : <span className="muted">address dropped</span>}
                    </>
                  ) : null}
                  <CommentStatusBadge status={c.status} />
                  <span className="muted">{formatWhen(c.createdAt, settings.timeZone, settings.locale)}</span>
                </div>
                <p className="muted moderation-item__article">
                  On{' '}
                  {c.articlePath ? (
                    <a href={`${c.articlePath}#comment-${c.id}`}>{c.articleHeadline}</a>
                  ) : (
                    c.articleHeadline
                  )}
                  {c.parentId ? ` · a reply to comment ${c.parentId}` : ''}
                </p>
                {c.heldReasons.length ? (
                  <p className="moderation-item__reasons">
                    <span className="muted">{c.status === 'spam' ? 'Marked as spam: ' : 'Held: '}</span>
                    {c.heldReasons.join('; ')}
                  </p>
                ) : null}
                <div className="moderation-item__body">{c.body}</div>
                {moderator ? <ActionButtons c={c} returnTo={returnTo} /> : null}
              </li>
            ))}
          </ol>
        </>
      )}
      <nav className="pager" aria-label="Pages">
        {before ? <Link href={link({})}>Newest</Link> : null}
        {list.before ? <Link href={link({ before: String(list.before) })}>Older comments</Link> : null}
      </nav>
    </div>
  );
}
