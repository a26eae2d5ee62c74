'use client';

import { useMemo, useState } from 'react';
import type { editingHeartbeatAction, saveArticleAction, transitionArticleAction } from '@/app/(dashboard)/dashboard/_actions/articles';
import type { ArticleStatus } from '@/lib/domain';
import type { ArticleDraft } from '@/lib/article-draft';
import { articlePath, slugify } from '@/lib/urls';
import type { MediaChoice } from './body-editor';
import { BylinePanel } from './article-editor/byline-panel';
import { CommentSettingsPanel } from './article-editor/comment-settings-panel';
import { ConflictPanel } from './article-editor/conflict-panel';
import { FeaturedImagePanel } from './article-editor/featured-image-panel';
import { PlacementPanel } from './article-editor/placement-panel';
import { PublishingPanel, type EditorPermissions } from './article-editor/publishing-panel';
import { SearchFields } from './article-editor/search-fields';
import { EditorStatusBar } from './article-editor/status-bar';
import { StoryFields } from './article-editor/story-fields';
import { useArticleDraft, type DraftFields } from './article-editor/use-article-draft';
import { useEditingPresence } from './article-editor/use-editing-presence';
import { usePublishing } from './article-editor/use-publishing';

// The article editor: every field of an article, autosave with a visible state, a copy in this
// browser while offline, conflicts shown side by side, and the publishing controls this person's
// role allows (the server checks again on every request). The state lives in three hooks (the
// draft and its saving, presence, publishing) and the markup in the panels beside them in
// article-editor/.

type Props = {
  articleId: number;
  initialVersion: number;
  initialStatus: ArticleStatus;
  initialPath: string | null;
  initialPublishedAt: string | null;
  firstPublishedAt: string | null;
  initialDraft: ArticleDraft;
  /** An old revision opened from the revisions page: starts as unsaved changes, not saved. */
  restored?: { version: number; draft: ArticleDraft } | null;
  sections: { id: number; name: string; slug: string }[];
  people: { id: number; name: string }[];
  tagNames: string[];
  media: MediaChoice[];
  permissions: EditorPermissions;
  othersEditing: string[];
  siteName: string;
  siteUrl: string;
  timeZone: string;
  locale: string;
  autosaveMs: number;
  heartbeatMs: number;
  saveAction: typeof saveArticleAction;
  transitionAction: typeof transitionArticleAction;
  heartbeatAction: typeof editingHeartbeatAction;
};

export function ArticleEditor(props: Props) {
  const { articleId, permissions, timeZone, locale } = props;
  // The workflow status decides both whether the draft saves itself and which transitions show.
  const [status, setStatus] = useState<ArticleStatus>(props.initialStatus);
  // The slug follows the headline only in a draft never published whose slug still matches its
  // headline; editing the slug by hand stops it too.
  const [slugTouched, setSlugTouched] = useState(() => props.initialStatus !== 'draft' || props.firstPublishedAt !== null || props.initialDraft.slug !== slugify(props.initialDraft.headline));

  // A published or scheduled article is live (or about to be): changes wait for "Update" rather
  // than going out half-typed. Drafts save themselves.
  const autosave = permissions.edit && (status === 'draft' || status === 'in_review');
  const readOnly = !permissions.edit;

  const editing = useArticleDraft({
    articleId,
    initialDraft: props.initialDraft,
    restored: props.restored ?? null,
    initialVersion: props.initialVersion,
    initialPath: props.initialPath,
    readOnly,
    autosave,
    autosaveMs: props.autosaveMs,
    saveAction: props.saveAction,
  });
  const others = useEditingPresence({ articleId, initialOthers: props.othersEditing, heartbeatMs: props.heartbeatMs, heartbeatAction: props.heartbeatAction });
  const publishing = usePublishing({
    articleId,
    initialStatus: props.initialStatus,
    initialPublishedAt: props.initialPublishedAt,
    save: editing.save,
    transitionAction: props.transitionAction,
    onTransitioned: (article) => {
      setStatus(article.status);
      editing.setPath(article.path);
    },
    timeZone,
    locale,
  });

  const { draft, path, saveState, errors } = editing;
  const fields: DraftFields = { draft, change: editing.change, errors, readOnly };

  const sectionSlug = props.sections.find((s) => s.id === draft.sectionId)?.slug ?? null;
  const previewPath = useMemo(() => {
    if (path) return path;
    if (!sectionSlug) return `/…/${draft.slug}`;
    return articlePath({ sectionSlug, slug: draft.slug, firstPublishedAt: props.firstPublishedAt ? new Date(props.firstPublishedAt) : new Date() }, timeZone);
  }, [path, sectionSlug, draft.slug, props.firstPublishedAt, timeZone]);

  const featured = props.media.find((m) => m.id === draft.featuredImageId) ?? null;

  return (
    <div>
      <EditorStatusBar
        articleId={articleId}
        status={status}
        path={path}
        saveState={saveState}
        readOnly={readOnly}
        autosave={autosave}
        busy={publishing.busy}
        onSave={() => void editing.save({ force: true })}
        timeZone={timeZone}
        locale={locale}
      />
      {others.length ? (
        <p className="presence" role="status">
          {others.join(', ')} {others.length === 1 ? 'is' : 'are'} also editing this article. Saves are checked, so nobody’s work is overwritten.
        </p>
      ) : null}
      {editing.notice ? <p className="notice">{editing.notice}</p> : null}
      {errors.form ? <p className="notice notice--error">{errors.form}</p> : null}

      {saveState.kind === 'conflict' ? (
        <ConflictPanel current={saveState.current} mine={draft} onTakeTheirs={editing.takeTheirs} onKeepMine={editing.keepMine} timeZone={timeZone} locale={locale} />
      ) : null}

      <div className="editor">
        <div className="editor__main">
          <StoryFields {...fields} slugTouched={slugTouched} editorKey={editing.editorKey} media={props.media} />
          <SearchFields {...fields} previewPath={previewPath} siteUrl={props.siteUrl} siteName={props.siteName} />
        </div>

        <aside className="editor__side" aria-label="Article settings">
          <PublishingPanel {...fields} featured={featured} status={status} permissions={permissions} publishing={publishing} timeZone={timeZone} locale={locale} />
          <PlacementPanel
            {...fields}
            sections={props.sections}
            tagNames={props.tagNames}
            previewPath={previewPath}
            firstPublishedAt={props.firstPublishedAt}
            onSlugEdited={() => setSlugTouched(true)}
          />
          <BylinePanel {...fields} people={props.people} editorKey={editing.editorKey} />
          <FeaturedImagePanel {...fields} media={props.media} featured={featured} />
          <CommentSettingsPanel {...fields} />
        </aside>
      </div>
    </div>
  );
}
