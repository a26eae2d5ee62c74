import { notFound } from 'next/navigation';
import { ArticleEditor } from '@/components/dashboard/article-editor';
import { getArticleSubject } from '@/db/mutations/articles';
import { getEditorArticle, listEditingNow, listSectionOptions, listTagNames } from '@/db/queries/dashboard-articles';
import { listMedia } from '@/db/queries/media';
import { getSiteSettings } from '@/db/queries/settings';
import { listBylineStaff } from '@/db/queries/staff';
import { requireRole } from '@/server/auth/session';
import { canOnArticle } from '@/lib/permissions';
import { editingHeartbeatAction, saveArticleAction, transitionArticleAction } from '../../_actions/articles';
import { ArticleSidePanels } from './side-panels';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props) {
  const id = Number((await params).id);
  const article = Number.isSafeInteger(id) && id > 0 ? await getEditorArticle(id) : null;
  return { title: article ? `Editing: ${article.draft.headline}` : 'Article not found' };
}

export default async function EditArticlePage({ params }: Props) {
  const me = await requireRole();
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0 || id > 2147483647) notFound();
  const [article, subject] = await Promise.all([getEditorArticle(id), getArticleSubject(id)]);
  if (!article || !subject) notFound();
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
        sections={sections}
        people={people.map((p) => ({ id: p.id, name: p.name }))}
        tagNames={tagNames}
        media={media.map((m) => ({ id: m.id, src: m.src, alt: m.alt, caption: m.caption, credit: m.credit, width: m.width, height: m.height }))}
        permissions={permissions}
        othersEditing={(editing.get(id) ?? []).filter((e) => e.staffId !== me.id).map((e) => e.name)}
        siteName={settings.name}
        siteUrl={(process.env.SITE_URL ?? '').replace(/\/$/, '')}
        timeZone={settings.timeZone}
        locale={settings.locale}
        autosaveMs={Number(process.env.AUTOSAVE_DELAY_MS ?? 3000)}
        heartbeatMs={Number(process.env.PRESENCE_HEARTBEAT_SECONDS ?? 15) * 1000}
        saveAction={saveArticleAction}
        transitionAction={transitionArticleAction}
        heartbeatAction={editingHeartbeatAction}
      />
      <ArticleSidePanels articleId={article.id} me={me} subject={subject} status={article.status} />
    </div>
  );
}
