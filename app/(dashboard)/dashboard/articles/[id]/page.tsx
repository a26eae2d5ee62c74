import { notFound } from 'next/navigation';
import { cache } from 'react';
import { ArticleEditor } from '@/components/dashboard/article-editor';
import { getArticleSubject } from '@/db/mutations/articles';
import { getEditorArticle, getRevisionPair, listEditingNow, listSectionOptions, listTagNames } from '@/db/queries/dashboard-articles';
import { articleDraftSchema, type ArticleDraft } from '@/lib/article-draft';
import { listMedia } from '@/db/queries/media';
import { getSiteSettings } from '@/db/queries/settings';
import { listBylineStaff } from '@/db/queries/staff';
import { requireRole, type StaffSession } from '@/server/auth/session';
import { siteUrl } from '@/server/seo/site-url';
import { editingHeartbeatAction, saveArticleAction, transitionArticleAction } from '../../_actions/articles';
import { formatWhen } from '@/lib/newsroom-format';
import { CorrectionForm, PreviewLinkForm } from '@/components/dashboard/sharing-forms';
import { previewLinkHours } from '@/db/mutations/preview-links';
import { listPreviewLinks } from '@/db/queries/preview';
import type { ArticleStatus } from '@/lib/domain';
import { canOnArticle, canSeeArticleFigures, type ArticleSubject } from '@/lib/permissions';
import { getArticleFigures } from '@/db/queries/views';
import { BarChart } from '@/components/ui/audience-charts';
import { addCorrectionAction, createPreviewLinkAction, revokePreviewLinkAction } from '../../_actions/sharing';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> };

/**
 * The session check, then the article as `me` may read it: one read shared by generateMetadata and
 * the page. generateMetadata runs first, so it must check too, or the redirect sent to a junk cookie
 * carries the headline in its <title>.
 */
const loadForEditor = cache(async (rawId: string) => {
  const me = await requireRole();
  const id = Number(rawId);
  const valid = Number.isSafeInteger(id) && id > 0 && id <= 2147483647;
  return { me, id, article: valid ? await getEditorArticle(id, me) : null };
});

export async function generateMetadata({ params }: Props) {
  const { article } = await loadForEditor((await params).id);
  return { title: article ? `Editing: ${article.draft.headline}` : 'Article not found' };
}

export default async function EditArticlePage({ params, searchParams }: Props) {
  const { me, id, article } = await loadForEditor((await params).id);
  if (!article) notFound();
  const restored = await revisionToRestore(id, Number((await searchParams).restore), me, article.draft);
  const subject = await getArticleSubject(id);
  if (!subject) notFound();
  const [sections, people, tagNames, media, settings, editing] = await Promise.all([
    listSectionOptions(),
    listBylineStaff(),
    listTagNames(),
    listMedia({ limit: 200 }),
    getSiteSettings(),
    listEditingNow([id]),
  ]);
  const permissions = {
    edit: canOnArticle(me, 'edit', subject),
    submit: canOnArticle(me, 'submit', subject),
    publish: canOnArticle(me, 'publish', subject),
    withdraw: canOnArticle(me, 'withdraw', subject),
  };
  return (
    <div>
      <h1 className="visually-hidden">Edit article</h1>
      <ArticleEditor
        articleId={article.id}
        initialVersion={article.version}
        initialStatus={article.status}
        initialPath={article.path}
        initialPublishedAt={article.publishedAt}
        firstPublishedAt={article.firstPublishedAt}
        initialDraft={article.draft}
        restored={restored}
        sections={sections}
        people={people.map((p) => ({ id: p.id, name: p.name }))}
        tagNames={tagNames}
        media={media.map((m) => ({ id: m.id, src: m.src, alt: m.alt, caption: m.caption, credit: m.credit, width: m.width, height: m.height }))}
        permissions={permissions}
        othersEditing={(editing.get(id) ?? []).filter((e) => e.staffId !== me.id).map((e) => e.name)}
        siteName={settings.name}
        siteUrl={siteUrl()}
        timeZone={settings.timeZone}
        locale={settings.locale}
        autosaveMs={Number(process.env.AUTOSAVE_DELAY_MS ?? 3000)}
        heartbeatMs={Number(process.env.PRESENCE_HEARTBEAT_SECONDS ?? 15) * 1000}
        saveAction={saveArticleAction}
        transitionAction={transitionArticleAction}
        heartbeatAction={editingHeartbeatAction}
      />
      <ArticleSidePanels articleId={article.id} me={me} subject={subject} status={article.status} />
      {article.firstPublishedAt && canSeeArticleFigures(me, subject) ? <ArticleFiguresPanel articleId={article.id} /> : null}
    </div>
  );
}

/**
 * `?restore=<revision>` (from the revisions page of a live story): that revision's fields, to open
 * in the editor as unsaved changes. Read as `me` may read the article; fields an older snapshot
 * lacks come from the current draft.
 */
async function revisionToRestore(id: number, revisionId: number, me: StaffSession, current: ArticleDraft): Promise<{ version: number; draft: ArticleDraft } | null> {
  if (!Number.isSafeInteger(revisionId) || revisionId <= 0 || revisionId > 2147483647) return null;
  const pair = await getRevisionPair(id, revisionId, me);
  if (!pair) return null;
  const parsed = articleDraftSchema.safeParse({ ...current, ...pair.revision.snapshot });
  return parsed.success ? { version: pair.revision.version, draft: parsed.data } : null;
}

/** Sharing a preview and publishing corrections: below the editor, server-rendered forms. */
async function ArticleSidePanels({ articleId, me, subject, status }: { articleId: number; me: StaffSession; subject: ArticleSubject; status: ArticleStatus }) {
  const canShare = canOnArticle(me, 'preview.share', subject);
  const canCorrect = canOnArticle(me, 'correct', subject) && status === 'published';
  if (!canShare && !canCorrect) return null;
  const [links, settings] = await Promise.all([canShare ? listPreviewLinks(articleId) : Promise.resolve([]), getSiteSettings()]);
  const now = Date.now();
  return (
    <div className="grid" style={{ marginTop: '1.5rem' }}>
      {canShare ? (
        <section className="panel" aria-labelledby="share-heading">
          <h2 id="share-heading">Preview links</h2>
          <p className="muted">Anyone with a link can read this article as it is now, without an account, until it expires or you revoke it.</p>
          <PreviewLinkForm articleId={articleId} hours={previewLinkHours()} action={createPreviewLinkAction} />
          {links.length ? (
            <ul>
              {links.map((l) => {
                const live = !l.revokedAt && new Date(l.expiresAt).getTime() > now;
                return (
                  <li key={l.id}>
                    Created by {l.createdBy ?? 'someone'} {formatWhen(l.createdAt, settings.timeZone, settings.locale)};{' '}
                    {l.revokedAt ? 'revoked' : live ? `expires ${formatWhen(l.expiresAt, settings.timeZone, settings.locale)}` : 'expired'}
                    {live ? (
                      <form action={revokePreviewLinkAction} style={{ display: 'inline', marginLeft: '0.5rem' }}>
                        <input type="hidden" name="articleId" value={articleId} />
                        <input type="hidden" name="linkId" value={l.id} />
                        <button type="submit" className="button button--small button--danger">
                          Revoke
                        </button>
                      </form>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          ) : null}
        </section>
      ) : null}
      {canCorrect ? (
        <section className="panel" aria-labelledby="correct-heading">
          <h2 id="correct-heading">Add a correction</h2>
          <CorrectionForm articleId={articleId} action={addCorrectionAction} />
        </section>
      ) : null}
    </div>
  );
}

/** The story's own audience figures (its writers, editors and admins): a small panel under the editor. */
async function ArticleFiguresPanel({ articleId }: { articleId: number }) {
  const settings = await getSiteSettings();
  const now = new Date();
  const figures = await getArticleFigures(articleId, settings.timeZone, now);
  const nf = new Intl.NumberFormat(settings.locale);
  const counts = new Map(figures.perDay.map((d) => [d.day, d.views]));
  const bars = [];
  for (let i = 13; i >= 0; i--) {
    const at = new Date(now.getTime() - i * 86_400_000);
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: settings.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
    bars.push({ key: day, label: `${Number(day.slice(8))}/${Number(day.slice(5, 7))}`, value: counts.get(day) ?? 0, title: day });
  }
  return (
    <section className="panel article-figures" aria-labelledby="figures-heading" style={{ marginTop: '1.5rem' }}>
      <h2 id="figures-heading">Readers</h2>
      {figures.total === 0 ? (
        <p className="muted">No views counted yet.</p>
      ) : (
        <>
          <dl className="article-figures__numbers">
            <div>
              <dt>Last 24 hours</dt>
              <dd>{nf.format(figures.last24h)}</dd>
            </div>
            <div>
              <dt>Last 7 days</dt>
              <dd>{nf.format(figures.last7d)}</dd>
            </div>
            <div>
              <dt>Since publication</dt>
              <dd>{nf.format(figures.total)}</dd>
            </div>
          </dl>
          <BarChart id="article-figures-chart" title="Views per day, last 14 days" summary={`${nf.format(bars.reduce((s, b) => s + b.value, 0))} views in the last 14 days.`} bars={bars} labelEvery={2} locale={settings.locale} />
        </>
      )}
      <p className="muted">Page views of this story, counted without cookies or anything about the reader.</p>
    </section>
  );
}
