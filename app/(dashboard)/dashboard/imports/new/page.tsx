import Link from 'next/link';
import { redirect } from 'next/navigation';
import { findRunOfUpload, listStaffForImport } from '@/db/queries/wordpress-import';
import { StateForm, type FieldSpec } from '@/components/dashboard/state-form';
import { WordPressUploader } from '@/components/dashboard/wordpress-uploader';
import { rolesFor } from '@/lib/permissions';
import { requireRole } from '@/server/auth/session';
import { getUploadManifest } from '@/server/wordpress/stored-upload';
import { startWordPressImportAction } from '../../_actions/imports';

// A WordPress import from the dashboard (admins only): upload the export and the uploads archive;
// then the dry run — what would be made, what is missing — and the mapping of authors and
// categories, which the start button saves into the run. The run itself goes on in the background.

export const metadata = { title: 'New import from WordPress' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const COUNT_WORDS: [string, string][] = [
  ['posts', 'Posts'],
  ['pages', 'Pages'],
  ['published', 'Published'],
  ['scheduled', 'Scheduled'],
  ['inReview', 'In review'],
  ['drafts', 'Drafts'],
  ['comments', 'Comments'],
  ['pingbacks', 'Pingbacks and trackbacks'],
  ['attachments', 'Attachments'],
  ['mediaImported', 'Images to import'],
  ['mediaMissing', 'Missing or not images'],
  ['authors', 'Authors'],
  ['sections', 'Sections'],
  ['topics', 'Topics'],
  ['redirects', 'Old addresses to redirect'],
];

export default async function NewImportPage({ searchParams }: Props) {
  await requireRole(...rolesFor('settings.manage'));
  const query = await searchParams;
  const token = typeof query.upload === 'string' ? query.upload : null;
  const manifest = token ? await getUploadManifest(token) : null;
  // An upload whose run has started goes to the run (a finished run's files are removed).
  const run = token && !manifest ? await findRunOfUpload(token) : null;
  if (run) redirect(`/dashboard/imports?run=${run}`);

  if (!manifest) {
    return (
      <div>
        <h1>New import from WordPress</h1>
        {token ? <p role="status">That upload is not known (or was not checked): upload the export again.</p> : null}
        <p className="muted">
          Nothing is imported until you have seen the dry run and confirmed the mapping. The same import runs from the command line: <code>npm run import:wordpress</code>.
        </p>
        <WordPressUploader />
        <p>
          <Link href="/dashboard/imports">All imports</Link>
        </p>
      </div>
    );
  }

  const plan = manifest.plan;
  const staff = (await listStaffForImport()).filter((s) => s.active);
  const byName = new Map(plan.categories.map((c) => [c.slug, c]));
  const trail = (slug: string): string => {
    const names: string[] = [];
    const seen = new Set<string>();
    for (let c = byName.get(slug); c && !seen.has(c.slug); c = byName.get(c.parentSlug)) {
      seen.add(c.slug);
      names.unshift(c.name);
    }
    return names.join(' › ');
  };
  const fields: FieldSpec[] = [{ name: 'token', label: '', type: 'hidden', defaultValue: manifest.token }];
  for (const a of plan.authors) {
    const proposed = a.proposed.as === 'staff' ? `staff:${a.proposed.staffId}` : a.proposed.as;
    fields.push({
      name: `author:${a.login}`,
      label: `Author ${a.name} (${a.login}, ${a.posts} posts)`,
      type: 'select',
      defaultValue: proposed,
      options: [{ value: 'new', label: 'New inactive staff member' }, { value: 'byline', label: 'Byline text only' }, ...staff.map((s) => ({ value: `staff:${s.id}`, label: `Existing staff: ${s.name}` }))],
      hint: a.matchesStaff ? `Same e-mail as ${a.matchesStaff}.` : undefined,
    });
    fields.push({ name: `byline:${a.login}`, label: `Byline text for ${a.login} (if byline text only)`, type: 'text', defaultValue: a.proposed.as === 'byline' ? a.proposed.name : a.name, maxLength: 200 });
  }
  for (const c of plan.categories) {
    fields.push({
      name: `category:${c.slug}`,
      label: `Category ${trail(c.slug)} (${c.posts} posts)`,
      type: 'select',
      defaultValue: plan.options.categories[c.slug] ?? c.proposed,
      options: [
        { value: 'section', label: 'Section' },
        { value: 'topic', label: 'Topic' },
      ],
      hint: c.depth > 0 ? `A sub-category (level ${c.depth + 1}).` : undefined,
    });
  }
  fields.push({
    name: 'pingbacks',
    label: 'Pingbacks and trackbacks',
    type: 'select',
    defaultValue: plan.options.pingbacks,
    options: [
      { value: 'report', label: 'Keep apart: list them in the report, never as comments' },
      { value: 'skip', label: 'Skip them' },
    ],
  });
  const list = (entries: Record<string, number>) =>
    Object.entries(entries)
      .map(([k, n]) => `${k} (${n})`)
      .join(', ');

  return (
    <div>
      <h1>New import from WordPress</h1>
      <section aria-labelledby="dry-run-heading">
        <h2 id="dry-run-heading">Dry run: {plan.site.title || plan.site.baseBlogUrl || 'WordPress site'}</h2>
        <p>
          {plan.site.baseBlogUrl} · WXR {plan.site.wxrVersion} · {manifest.files.map((f) => f.name).join(', ')}
          {manifest.uploads ? ` · uploads: ${manifest.uploads.name}` : ' · no uploads archive: images will be missing'}
        </p>
        <table>
          <caption>What the import would make</caption>
          <tbody>
            {COUNT_WORDS.map(([key, label]) => (
              <tr key={key}>
                <th scope="row">{label}</th>
                <td>{plan.counts[key] ?? 0}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p>
          Tags: {plan.tags}, each a topic. Posts with no section category go to the section “{plan.options.defaultSection}”; pages to “{plan.options.pagesSection}”. Pingbacks and trackbacks are never published as comments.
        </p>
        <h3>Unknown shortcodes (kept as text)</h3>
        <p>{Object.keys(plan.unknownShortcodes).length ? list(plan.unknownShortcodes) : 'None.'}</p>
        {Object.keys(plan.unknownBlocks).length ? (
          <>
            <h3>Unknown blocks (kept as a visible line)</h3>
            <p>{list(plan.unknownBlocks)}</p>
          </>
        ) : null}
        {plan.embedsAsLinks ? <p>Embeds Broadsheet does not recognise, kept as links: {plan.embedsAsLinks}.</p> : null}
        <h3>Missing media ({plan.missingMedia.length})</h3>
        {plan.missingMedia.length ? (
          <ul>
            {plan.missingMedia.slice(0, 50).map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        ) : (
          <p>None.</p>
        )}
        {plan.sticky.length ? <p>Sticky posts (pin them on the front page yourself): {plan.sticky.map((s) => s.title).join('; ')}.</p> : null}
      </section>
      <section aria-labelledby="mapping-heading">
        <h2 id="mapping-heading">Mapping</h2>
        <p className="muted">Each author becomes an existing staff member, a new inactive one (no password, no author page), or only a byline. Categories are shown with their parents.</p>
        <StateForm action={startWordPressImportAction} fields={fields} submitLabel="Start the import" idPrefix="mapping" />
      </section>
    </div>
  );
}
