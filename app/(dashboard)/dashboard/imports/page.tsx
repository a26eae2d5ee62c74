import Link from 'next/link';
import { AutoRefresh } from '@/components/dashboard/auto-refresh';
import { StateForm } from '@/components/dashboard/state-form';
import { getImportRun } from '@/db/mutations/wordpress-import';
import { countRunWarnings, listImportRuns } from '@/db/queries/wordpress-import';
import { getSiteSettings } from '@/db/queries/settings';
import { formatWhen } from '@/lib/newsroom-format';
import { rolesFor } from '@/lib/permissions';
import { requireRole } from '@/server/auth/session';
import type { VerificationReport } from '@/server/wordpress/verify';
import { resumeWordPressImportAction } from '../_actions/imports';

// WordPress imports (from New import, or npm run import:wordpress): each run's state and counts, a
// running one's progress (refreshed every 2 s), and a run's
// verification report — every item with its old and new address and whether the old one answers
// 301 to the live page, and every warning with the item it concerns. Admins only, as importing is.

export const metadata = { title: 'Imports from WordPress' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const PHASE_WORDS: Record<string, string> = { media: 'Images', posts: 'Posts, pages and comments', verify: 'Checking the old addresses', done: 'Done' };
const STATUS_WORDS: Record<string, string> = { pending: 'Waiting (or stopped: it resumes by itself, or run the command again)', running: 'Running', done: 'Finished', failed: 'Failed' };
const REDIRECT_WORDS: Record<string, string> = { ok: '301 to the live page', 'same-address': 'Same address', 'not-live': 'Not published', broken: 'Broken', none: 'No old address' };
const SHOWN_ITEMS = 1000;

export default async function ImportsPage({ searchParams }: Props) {
  await requireRole(...rolesFor('settings.manage'));
  const query = await searchParams;
  const raw = Array.isArray(query.run) ? query.run[0] : query.run;
  const runId = raw && /^\d{1,9}$/.test(raw) ? Number(raw) : null;
  const [runs, settings, run] = await Promise.all([listImportRuns(), getSiteSettings(), runId ? getImportRun(runId) : Promise.resolve(null)]);
  const report = run?.report as Partial<VerificationReport> | undefined;
  const warningsSoFar = run && run.status !== 'done' ? await countRunWarnings(run.id) : 0;

  return (
    <div>
      <h1>Imports from WordPress</h1>
      <p>
        <Link href="/dashboard/imports/new" className="button button--primary">
          New import
        </Link>
      </p>
      <p className="muted">
        Imports are also run with <code>npm run import:wordpress -- export.xml --uploads folder</code> (see the README, “Moving from WordPress”). A stopped import resumes when the same command is run again; one started here resumes by itself.
      </p>
      {runs.length === 0 ? (
        <p>No imports yet.</p>
      ) : (
        <table>
          <caption>Imports, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Import</th>
              <th scope="col">Site</th>
              <th scope="col">State</th>
              <th scope="col">Posts</th>
              <th scope="col">Comments</th>
              <th scope="col">Images</th>
              <th scope="col">Started</th>
            </tr>
          </thead>
          <tbody>
            {runs.map((r) => (
              <tr key={r.id}>
                <td>
                  <Link href={`/dashboard/imports?run=${r.id}`}>#{r.id}</Link>
                </td>
                <td>{r.source}</td>
                <td>
                  {STATUS_WORDS[r.status] ?? r.status}
                  {r.status !== 'done' ? ` (${r.phase} pass, ${r.checkpoint} done)` : ''}
                  {r.error ? <span className="field-error"> {r.error}</span> : null}
                </td>
                <td>{(r.counts.posts ?? 0) + (r.counts.pages ?? 0)}</td>
                <td>{r.counts.comments ?? 0}</td>
                <td>
                  {r.counts.mediaImported ?? 0}
                  {r.counts.mediaMissing ? `, ${r.counts.mediaMissing} missing` : ''}
                </td>
                <td>{formatWhen(r.createdAt, settings.timeZone, settings.locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {runId && !run ? <p role="status">There is no import #{runId}.</p> : null}
      {run ? (
        <section aria-labelledby="report-heading">
          <h2 id="report-heading">Import #{run.id}: report</h2>
          <AutoRefresh active={run.status === 'pending' || run.status === 'running'} />
          {run.status !== 'done' ? (
            <>
              <h3>Progress</h3>
              <dl aria-label="Progress">
                <dt>State</dt>
                <dd>{STATUS_WORDS[run.status] ?? run.status}</dd>
                <dt>Phase</dt>
                <dd>{PHASE_WORDS[run.phase] ?? run.phase}</dd>
                <dt>Items done</dt>
                <dd>{progressOf(run)}</dd>
                <dt>Warnings so far</dt>
                <dd>
                  {warningsSoFar} (the dry run expected {((run.plan as { warnings?: unknown[] }).warnings ?? []).length})
                </dd>
              </dl>
              {run.error ? <p className="field-error">{run.error}</p> : null}
              {run.status === 'failed' && (run.options as { storedUpload?: unknown }).storedUpload ? (
                <StateForm action={resumeWordPressImportAction} fields={[{ name: 'id', label: '', type: 'hidden', defaultValue: String(run.id) }]} submitLabel="Resume the import" idPrefix="resume" />
              ) : null}
              <p>The report is written when the import finishes.</p>
            </>
          ) : (
            <>
              <p>
                {report?.redirectsOk ?? 0} old addresses answer 301 to their live page; {report?.redirectsBroken ?? 0} do not. Checked {formatWhen(report?.checkedAt ?? null, settings.timeZone, settings.locale)}.
              </p>
              <h3>Warnings ({report?.warnings?.length ?? 0})</h3>
              {report?.warnings?.length ? (
                <ul>
                  {report.warnings.slice(0, SHOWN_ITEMS).map((w, i) => (
                    <li key={i}>
                      <strong>{w.item}</strong>: {w.code} — {w.detail}
                    </li>
                  ))}
                </ul>
              ) : (
                <p>None.</p>
              )}
              <table>
                <caption>
                  Posts and pages{(report?.items?.length ?? 0) > SHOWN_ITEMS ? ` (the first ${SHOWN_ITEMS} of ${report!.items!.length})` : ''}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">WordPress</th>
                    <th scope="col">Headline</th>
                    <th scope="col">Old address</th>
                    <th scope="col">New address</th>
                    <th scope="col">Redirect</th>
                  </tr>
                </thead>
                <tbody>
                  {(report?.items ?? []).slice(0, SHOWN_ITEMS).map((item) => (
                    <tr key={`${item.kind}:${item.wpId}`}>
                      <td>
                        {item.kind} {item.wpId}
                      </td>
                      <td>{item.headline}</td>
                      <td>{item.oldUrl ?? '—'}</td>
                      <td>{item.newUrl ? <Link href={item.newUrl}>{item.newUrl}</Link> : '—'}</td>
                      <td>{REDIRECT_WORDS[item.redirect] ?? item.redirect}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </section>
      ) : null}
    </div>
  );
}

/** "12 of 40": the run's checkpoint in its phase against what the dry run counted for that phase. */
function progressOf(run: { phase: string; checkpoint: number; plan: Record<string, unknown> }): string {
  const counts = ((run.plan as { counts?: Record<string, number> }).counts ?? {}) as Record<string, number>;
  const total = run.phase === 'media' ? counts.attachments : run.phase === 'posts' ? (counts.posts ?? 0) + (counts.pages ?? 0) : undefined;
  return total === undefined ? String(run.checkpoint) : `${run.checkpoint} of ${total}`;
}
