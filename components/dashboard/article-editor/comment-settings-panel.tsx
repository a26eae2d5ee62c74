'use client';

import type { ArticleDraft } from '@/lib/article-draft';
import { Field } from './field';
import { fromLocalInput, toLocalInput } from './local-time';
import type { DraftFields } from './use-article-draft';

/** Whether readers may comment on this article, and until when. */
export function CommentSettingsPanel({ draft, change, errors, readOnly }: DraftFields) {
  return (
    <section className="panel" aria-labelledby="comments-heading">
      <h2 id="comments-heading">Comments</h2>
      <Field id="comment-mode" label="Comments" error={errors.commentMode}>
        <select id="comment-mode" value={draft.commentMode} disabled={readOnly} onChange={(e) => change({ commentMode: e.target.value as ArticleDraft['commentMode'] })}>
          <option value="open">Open (site policy applies)</option>
          <option value="moderated">Every comment held for moderation</option>
          <option value="closed">Closed</option>
        </select>
      </Field>
      <Field id="comments-close" label="Close comments at (optional)" error={errors.commentsCloseAt}>
        <input id="comments-close" type="datetime-local" value={toLocalInput(draft.commentsCloseAt)} readOnly={readOnly} onChange={(e) => change({ commentsCloseAt: fromLocalInput(e.target.value) })} />
      </Field>
    </section>
  );
}
