'use client';

import type { ArticleStatus } from '@/lib/domain';
import { formatWhen } from '@/lib/newsroom-format';
import type { MediaChoice } from '../body-editor';
import { Field } from './field';
import { fromLocalInput, toLocalInput } from './local-time';
import { PrePublishChecklist } from './pre-publish-checklist';
import type { DraftFields } from './use-article-draft';
import type { Publishing } from './use-publishing';

/** What this person's role allows on this article (the server checks again on every request). */
export type EditorPermissions = { edit: boolean; submit: boolean; publish: boolean; withdraw: boolean };

/** Publishing: when it went or goes out, the checklist, the transitions this role allows, their outcome, the embargo. */
export function PublishingPanel({
  draft,
  change,
  errors,
  readOnly,
  featured,
  status,
  permissions,
  publishing,
  timeZone,
  locale,
}: DraftFields & {
  featured: MediaChoice | null;
  status: ArticleStatus;
  permissions: EditorPermissions;
  publishing: Publishing;
  timeZone: string;
  locale: string;
}) {
  const { publishedAt, publishAt, setPublishAt, outcome, busy, runTransition, withdrawal } = publishing;
  return (
    <section className="panel" aria-labelledby="publish-heading">
      <h2 id="publish-heading">Publishing</h2>
      {publishedAt && status === 'scheduled' ? <p>Scheduled for {formatWhen(publishedAt, timeZone, locale)}</p> : null}
      {publishedAt && status === 'published' ? <p>Published {formatWhen(publishedAt, timeZone, locale)}</p> : null}
      <PrePublishChecklist draft={draft} featured={featured} />
      <div className="button-row">
        {permissions.submit && status === 'draft' ? (
          <button type="button" className="button button--primary" disabled={busy} onClick={() => void runTransition('submit')}>
            Submit for review
          </button>
        ) : null}
        {permissions.edit && status === 'in_review' ? (
          <button type="button" className="button" disabled={busy} onClick={() => void runTransition('return_to_draft')}>
            Return to draft
          </button>
        ) : null}
        {permissions.publish && ['draft', 'in_review', 'scheduled', 'withdrawn'].includes(status) ? (
          <button type="button" className="button button--primary" disabled={busy} onClick={() => void runTransition('publish')}>
            {status === 'withdrawn' ? 'Republish' : 'Publish now'}
          </button>
        ) : null}
        {permissions.publish && status === 'scheduled' ? (
          <button type="button" className="button" disabled={busy} onClick={() => void runTransition('unschedule')}>
            Unschedule
          </button>
        ) : null}
        {permissions.withdraw && status === 'published' && !withdrawal.confirming ? (
          <button type="button" className="button button--danger" disabled={busy} onClick={withdrawal.open}>
            Withdraw…
          </button>
        ) : null}
        {permissions.withdraw && status === 'withdrawn' ? (
          <button type="button" className="button" disabled={busy} onClick={() => void runTransition('unwithdraw')}>
            Restore as a draft
          </button>
        ) : null}
      </div>
      {permissions.withdraw && status === 'published' && withdrawal.confirming ? (
        // Not a <form>: the panel sits inside the editor, and the save must not be submitted with it.
        <div role="group" aria-labelledby="withdraw-heading" className="notice notice--error">
          <h3 id="withdraw-heading" style={{ marginTop: 0 }}>
            Withdraw this story?
          </h3>
          <p>Readers will get “gone” at its address. The corrections page will list it with today’s date and the reason you give here; its text will not be shown.</p>
          <Field id="withdraw-reason" label="Reason for withdrawal (shown to readers)" error={withdrawal.error}>
            <textarea
              id="withdraw-reason"
              rows={3}
              maxLength={1000}
              value={withdrawal.reason}
              aria-invalid={withdrawal.error ? true : undefined}
              aria-describedby={withdrawal.error ? 'withdraw-reason-error' : undefined}
              onChange={(e) => withdrawal.setReason(e.target.value)}
            />
          </Field>
          <div className="button-row">
            <button type="button" className="button button--danger" disabled={busy} onClick={() => void runTransition('withdraw')}>
              Withdraw the story
            </button>
            <button type="button" className="button" disabled={busy} onClick={withdrawal.cancel}>
              Keep it published
            </button>
          </div>
        </div>
      ) : null}
      {permissions.publish && ['draft', 'in_review', 'scheduled'].includes(status) ? (
        <div className="field">
          <label htmlFor="publish-at">Publish at (your computer’s clock)</label>
          <input id="publish-at" type="datetime-local" step={1} value={publishAt} onChange={(e) => setPublishAt(e.target.value)} />
          <button type="button" className="button" disabled={busy || !publishAt} onClick={() => void runTransition('schedule')}>
            Schedule
          </button>
        </div>
      ) : null}
      <div aria-live="polite">
        {outcome ? (
          <div className={outcome.problems?.length ? 'notice notice--error' : 'notice'}>
            <p style={{ margin: 0 }}>{outcome.message}</p>
            {outcome.problems?.length ? (
              <ul>
                {outcome.problems.map((p) => (
                  <li key={p.id}>{p.label}</li>
                ))}
              </ul>
            ) : null}
            {outcome.retry ? (
              <button type="button" className="button button--small" onClick={outcome.retry}>
                Publish anyway
              </button>
            ) : null}
          </div>
        ) : null}
      </div>
      <Field id="embargo" label="Embargo until (nothing publishes before)" error={errors.embargoUntil}>
        <input id="embargo" type="datetime-local" value={toLocalInput(draft.embargoUntil)} readOnly={readOnly} onChange={(e) => change({ embargoUntil: fromLocalInput(e.target.value) })} />
      </Field>
    </section>
  );
}
