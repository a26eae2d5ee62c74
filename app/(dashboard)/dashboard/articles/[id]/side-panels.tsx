import { formatWhen } from '@/lib/newsroom-format';
import { CorrectionForm, PreviewLinkForm } from '@/components/dashboard/sharing-forms';
import { previewLinkHours } from '@/db/mutations/preview-links';
import { listPreviewLinks } from '@/db/queries/preview';
import { getSiteSettings } from '@/db/queries/settings';
import type { ArticleStatus } from '@/lib/domain';
import type { StaffSession } from '@/server/auth/session';
import { canOnArticle, type ArticleSubject } from '@/lib/permissions';
import { addCorrectionAction, createPreviewLinkAction, revokePreviewLinkAction } from '../../_actions/sharing';

/** Sharing a preview and publishing corrections: below the editor, server-rendered forms. */
export async function ArticleSidePanels({ articleId, me, subject, status }: { articleId: number; me: StaffSession; subject: ArticleSubject; status: ArticleStatus }) {
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
