import Link from 'next/link';
import { notFound } from 'next/navigation';
import { formatWhen } from '@/lib/newsroom-format';
import { getArticleSubject } from '@/db/mutations/articles';
import { getEditorArticle, getRevisionPair, listRevisions } from '@/db/queries/dashboard-articles';
import { getSiteSettings } from '@/db/queries/settings';
import { bodyToText, type ArticleBody } from '@/lib/article-body';
import { requireRole } from '@/server/auth/session';
import { canOnArticle } from '@/lib/permissions';
import { diffWords } from '@/lib/text-diff';
import { restoreRevisionAction } from '../../../_actions/articles';

export const metadata = { title: 'Revisions' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> };

function textOf(snapshot: Record<string, unknown> | null): string {
  if (!snapshot) return '';
  const body = snapshot.body as ArticleBody | undefined;
  return [snapshot.headline, snapshot.standfirst, body ? bodyToText(body) : ''].filter(Boolean).join('\n\n');
}

export default async function RevisionsPage({ params, searchParams }: Props) {
  const me = await requireRole();
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0 || id > 2147483647) notFound();
  const query = await searchParams;
  // Every read carries what `me` may read (articleReadScope): a colleague's draft is a plain 404.
  const [article, subject, revisions, settings] = await Promise.all([getEditorArticle(id, me), getArticleSubject(id), listRevisions(id, me, 100), getSiteSettings()]);
  if (!article || !subject) notFound();
  const canRestore = canOnArticle(me, 'edit', subject);
  // Readers see a published story's fields (a scheduled one's soon): restoring one of its
  // revisions opens it in the editor as unsaved changes, which go out only when someone clicks Update.
  const live = article.status === 'published' || article.status === 'scheduled';
  const selectedId = Number(query.rev) || revisions[0]?.id;
  const pair = selectedId ? await getRevisionPair(id, selectedId, me) : null;
  const diff = pair ? diffWords(textOf(pair.previous?.snapshot ?? null), textOf(pair.revision.snapshot)) : [];
  const message = query.restored ? 'Restored: that revision is now the latest version.' : query.conflict ? 'Not restored: someone saved in the meantime. Look again and retry.' : query.failed ? 'That revision could not be restored.' : null;

  return (
    <div>
      <p>
        <Link href={`/dashboard/articles/${id}`}>← Back to “{article.draft.headline}”</Link>
      </p>
      <h1>Revisions</h1>
      {message ? (
        <p className="notice" role="status">
          {message}
        </p>
      ) : null}
      <div className="editor">
        <div className="editor__main">
          {pair ? (
            <section aria-labelledby="diff-heading">
              <h2 id="diff-heading">
                Version {pair.revision.version}, by {pair.revision.staffName ?? 'someone'}, {formatWhen(pair.revision.createdAt, settings.timeZone, settings.locale)}
              </h2>
              <p className="muted">{pair.previous ? `Changes since version ${pair.previous.version}: added text is underlined in green, removed text struck through in red.` : 'The first version.'}</p>
              <div className="diff" data-testid="revision-diff">
                {diff.map((part, i) =>
                  part.kind === 'added' ? <ins key={i}>{part.text}</ins> : part.kind === 'removed' ? <del key={i}>{part.text}</del> : <span key={i}>{part.text}</span>,
                )}
              </div>
              {canRestore && pair.revision.version !== article.version && live ? (
                <div className="button-row">
                  <Link className="button button--primary" href={`/dashboard/articles/${id}?restore=${pair.revision.id}`}>
                    Open version {pair.revision.version} in the editor
                  </Link>
                  <p className="muted" style={{ margin: 0 }}>
                    This story is {article.status === 'published' ? 'live' : 'scheduled'}: nothing changes for readers until you click Update in the editor.
                  </p>
                </div>
              ) : null}
              {canRestore && pair.revision.version !== article.version && !live ? (
                <form action={restoreRevisionAction} className="button-row">
                  <input type="hidden" name="articleId" value={id} />
                  <input type="hidden" name="revisionId" value={pair.revision.id} />
                  <input type="hidden" name="version" value={article.version} />
                  <button type="submit" className="button button--primary">
                    Restore version {pair.revision.version}
                  </button>
                </form>
              ) : null}
            </section>
          ) : (
            <p>No revisions yet.</p>
          )}
        </div>
        <aside className="editor__side">
          <ol className="panel" reversed aria-label="All revisions, newest first" style={{ paddingLeft: '2rem' }}>
            {revisions.map((r) => (
              <li key={r.id}>
                <Link href={`/dashboard/articles/${id}/revisions?rev=${r.id}`} aria-current={r.id === selectedId ? 'true' : undefined}>
                  Version {r.version}
                </Link>{' '}
                <span className="muted">
                  {r.staffName ?? 'someone'}, {formatWhen(r.createdAt, settings.timeZone, settings.locale)}
                </span>
                {r.version === article.version ? ' (current)' : ''}
              </li>
            ))}
          </ol>
        </aside>
      </div>
    </div>
  );
}
