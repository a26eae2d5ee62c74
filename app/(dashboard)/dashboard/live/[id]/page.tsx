import Link from 'next/link';
import { notFound } from 'next/navigation';
import { LiveDeskRefresh } from '@/components/dashboard/live-desk-refresh';
import { LiveEntryForm } from '@/components/dashboard/live-entry-form';
import { StateForm } from '@/components/dashboard/state-form';
import { ArticleBody } from '@/components/site/article-body';
import { listMedia } from '@/db/queries/media';
import { getLiveBlogForNewsroom } from '@/db/queries/live-blog';
import { getSiteSettings } from '@/db/queries/settings';
import { formatWhen } from '@/lib/newsroom-format';
import { can, canOnLiveEntry, rolesFor } from '@/lib/permissions';
import { requireRole } from '@/server/auth/session';
import { deleteLiveEntryAction, liveBlogSettingsAction, liveCoverageAction, liveDeskVersionAction, liveEntryFlagAction, postLiveEntryAction } from '../../_actions/live-blog';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> };

export const metadata = { title: 'Live blog' };

const DONE: Record<string, string> = {
  deleted: 'Entry deleted. Readers’ pages remove it within seconds.',
  ended: 'Coverage ended. Readers’ pages stop asking for updates.',
  reopened: 'Coverage reopened.',
  'keyEvent-on': 'Marked as a key event.',
  'keyEvent-off': 'No longer a key event.',
  'pinned-on': 'Pinned to the top.',
  'pinned-off': 'Unpinned.',
};

function FlagButton({ articleId, entryId, flag, on, label }: { articleId: number; entryId: number; flag: 'keyEvent' | 'pinned'; on: boolean; label: string }) {
  return (
    <form action={liveEntryFlagAction}>
      <input type="hidden" name="articleId" value={articleId} />
      <input type="hidden" name="entryId" value={entryId} />
      <input type="hidden" name="flag" value={flag} />
      <input type="hidden" name="value" value={on ? 'off' : 'on'} />
      <button type="submit" className="button button--small">
        {label}
      </button>
    </form>
  );
}

export default async function LiveBlogDeskPage({ params, searchParams }: Props) {
  const me = await requireRole(...rolesFor('live.post'));
  const raw = (await params).id;
  const articleId = Number(raw);
  if (!/^\d{1,10}$/.test(raw) || articleId > 2147483647) notFound();
  const [blog, media, settings, query] = await Promise.all([getLiveBlogForNewsroom(articleId), listMedia({ limit: 200 }), getSiteSettings(), searchParams]);
  if (!blog) notFound();
  const moderator = can(me, 'live.moderate');
  const when = (iso: string | null) => formatWhen(iso, settings.timeZone, settings.locale);
  const notice = query.done ? DONE[query.done] : query.failed ? 'That did not work: the entry may have been changed or deleted by someone else.' : null;
  return (
    <div className="live-desk">
      <p>
        <Link href="/dashboard/live">All live blogs</Link> · <Link href={`/dashboard/articles/${articleId}`}>Headline, introduction and publishing</Link>
        {blog.path && blog.status === 'published' ? (
          <>
            {' '}
            · <a href={blog.path}>Reader’s page</a>
          </>
        ) : null}
      </p>
      <h1>Live: {blog.headline}</h1>
      <p>
        Coverage from {when(blog.coverageStart)}
        {blog.coverageEnd ? `, ended ${when(blog.coverageEnd)}` : ', live now'}. Readers’ pages ask for changes every {blog.pollSeconds} seconds.
        {blog.status !== 'published' ? ' The story is not published yet: readers see nothing until it is.' : ''}
      </p>
      <p className="form__notice" role="status">
        {notice ?? ''}
      </p>
      <LiveDeskRefresh version={blog.version} check={liveDeskVersionAction.bind(null, articleId)} />

      {blog.coverageEnd ? (
        <p>Coverage has ended. {moderator ? 'Reopen it to post again.' : 'An editor can reopen it.'}</p>
      ) : (
        <LiveEntryForm
          mode="post"
          submit={postLiveEntryAction.bind(null, articleId)}
          moderator={moderator}
          media={media.map((m) => ({ id: m.id, src: m.src, alt: m.alt, caption: m.caption, credit: m.credit, width: m.width, height: m.height }))}
        />
      )}

      <section aria-labelledby="entries-heading">
        <h2 id="entries-heading">Entries ({blog.entries.length})</h2>
        <ol className="live-desk__entries">
          {blog.entries.map((e) => (
            <li key={e.id} id={`entry-${e.id}`} className="panel">
              <p>
                <strong>{when(e.postedAt)}</strong> · {e.authorNames.join(', ') || 'No byline'}
                {e.keyEvent ? <span className="badge"> Key event</span> : null}
                {e.pinned ? <span className="badge"> Pinned</span> : null}
                {e.editedAt ? ` · edited ${when(e.editedAt)}` : ''}
              </p>
              {e.title ? <h3>{e.title}</h3> : null}
              <ArticleBody body={e.body} />
              {e.correction ? (
                <p>
                  <strong>Correction:</strong> {e.correction}
                </p>
              ) : null}
              <div className="actions">
                {canOnLiveEntry(me, 'edit', e) ? (
                  <Link className="button button--small" href={`/dashboard/live/${articleId}/entries/${e.id}`} aria-label={`Edit the entry of ${when(e.postedAt)}`}>
                    Edit
                  </Link>
                ) : null}
                {moderator ? (
                  <>
                    <FlagButton articleId={articleId} entryId={e.id} flag="keyEvent" on={e.keyEvent} label={e.keyEvent ? 'Unmark key event' : 'Mark key event'} />
                    <FlagButton articleId={articleId} entryId={e.id} flag="pinned" on={e.pinned} label={e.pinned ? 'Unpin' : 'Pin'} />
                  </>
                ) : null}
                {canOnLiveEntry(me, 'delete', e) ? (
                  <>
                    <form action={deleteLiveEntryAction}>
                      <input type="hidden" name="articleId" value={articleId} />
                      <input type="hidden" name="entryId" value={e.id} />
                      <button type="submit" className="button button--small button--danger" aria-label={`Delete the entry of ${when(e.postedAt)}`}>
                        Delete
                      </button>
                    </form>
                  </>
                ) : null}
              </div>
            </li>
          ))}
        </ol>
      </section>

      {moderator ? (
        <section className="panel" aria-labelledby="live-settings">
          <h2 id="live-settings">Summary, interval and coverage</h2>
          <StateForm
            idPrefix="live-settings"
            action={liveBlogSettingsAction.bind(null, articleId)}
            submitLabel="Save"
            fields={[
              { name: 'summary', label: 'Summary (one key point a line)', type: 'textarea', defaultValue: blog.summary, maxLength: 4000 },
              {
                name: 'pollSeconds',
                label: 'Readers’ pages ask for changes every … seconds',
                type: 'number',
                defaultValue: String(blog.pollSeconds),
                hint: 'Raise it to slow every reader at once when the site is under strain (2 to 600).',
              },
            ]}
          />
          <form action={liveCoverageAction}>
            <input type="hidden" name="articleId" value={articleId} />
            <input type="hidden" name="ended" value={blog.coverageEnd ? 'no' : 'yes'} />
            <button type="submit" className={`button ${blog.coverageEnd ? '' : 'button--danger'}`}>
              {blog.coverageEnd ? 'Reopen coverage' : 'End coverage now'}
            </button>
          </form>
        </section>
      ) : null}
    </div>
  );
}
