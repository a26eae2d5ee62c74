'use server';

import { redirect } from 'next/navigation';
import { createImportRun, requeueImportRun } from '@/db/mutations/wordpress-import';
import { findRunOfUpload, listStaffForImport } from '@/db/queries/wordpress-import';
import { formValues, refused, type FormState } from '@/lib/form-state';
import type { AuthorChoice, ImportOptions } from '@/lib/wordpress/mapping';
import { requireRole } from '@/server/auth/session';
import { kickImports } from '@/server/wordpress/import-worker';
import { getUploadManifest, isUploadToken, MediaStoreUnavailableError } from '@/server/wordpress/stored-upload';

// Starts a WordPress import from the dashboard (admins only): the upload's stored dry run, with
// the mapping the admin chose on the page, becomes a run in import_runs (its options hold the
// mapping and where the files are stored), and the background worker of this process is kicked;
// any instance's scheduler tick would pick it up too. The request itself imports nothing.

export async function startWordPressImportAction(_prev: FormState, form: FormData): Promise<FormState> {
  const me = await requireRole('admin');
  const values = formValues(form);
  const token = String(values.token ?? '');
  if (!isUploadToken(token)) return refused('That upload is not known: upload the export again.', values);
  // Started already (a second click, or after the run finished and its files were removed).
  const already = await findRunOfUpload(token);
  if (already) redirect(`/dashboard/imports?run=${already}`);
  let manifest;
  try {
    manifest = await getUploadManifest(token);
  } catch (error) {
    if (error instanceof MediaStoreUnavailableError) return refused('The file store is unavailable for a moment. Try again shortly.', values);
    throw error;
  }
  if (!manifest) return refused('That upload is not known: upload the export again.', values);

  const plan = manifest.plan;
  const staff = await listStaffForImport();
  const errors: Record<string, string> = {};
  const authors: Record<string, AuthorChoice> = {};
  for (const a of plan.authors) {
    const choice = String(values[`author:${a.login}`] ?? '');
    const staffMatch = /^staff:(\d{1,9})$/.exec(choice);
    if (choice === 'new') authors[a.login] = { as: 'new' };
    else if (choice === 'byline') {
      const name = String(values[`byline:${a.login}`] ?? '').trim();
      if (!name || name.length > 200) errors[`byline:${a.login}`] = 'Give the byline text (up to 200 characters).';
      else authors[a.login] = { as: 'byline', name };
    } else if (staffMatch && staff.some((s) => s.id === Number(staffMatch[1]))) authors[a.login] = { as: 'staff', staffId: Number(staffMatch[1]) };
    else errors[`author:${a.login}`] = 'Choose what this author becomes.';
  }
  const categories: ImportOptions['categories'] = {};
  for (const c of plan.categories) {
    const choice = String(values[`category:${c.slug}`] ?? '');
    if (choice === 'section' || choice === 'topic') categories[c.slug] = choice;
    else errors[`category:${c.slug}`] = 'Choose section or topic.';
  }
  const pingbacks = String(values.pingbacks ?? '');
  if (pingbacks !== 'report' && pingbacks !== 'skip') errors.pingbacks = 'Choose what happens to pingbacks.';
  if (Object.keys(errors).length) return refused('Please correct the marked fields.', values, errors);

  // The default section must stay a section: posts with no section category go there.
  const defaultSection = categories[plan.options.defaultSection] === 'topic' ? (Object.keys(categories).find((k) => categories[k] === 'section') ?? plan.options.defaultSection) : plan.options.defaultSection;
  const options: ImportOptions & { storedUpload: { token: string; files: typeof manifest.files; uploads: typeof manifest.uploads } } = {
    ...plan.options,
    authors,
    categories,
    defaultSection,
    pingbacks: pingbacks as 'report' | 'skip',
    storedUpload: { token, files: manifest.files, uploads: manifest.uploads },
  };
  const source = (plan.site.baseBlogUrl || plan.site.baseSiteUrl || plan.site.link || 'wordpress').replace(/\/+$/, '');
  const id = await createImportRun(me, {
    source,
    files: manifest.files.map((f) => `upload:${token}/${f.name}`),
    uploadsDir: manifest.uploads ? `upload:${token}/${manifest.uploads.name}` : null,
    options,
    plan: plan as unknown as Record<string, unknown>,
  });
  kickImports();
  redirect(`/dashboard/imports?run=${id}`);
}

/** Resumes a failed dashboard import from its checkpoint (a file store that was down, say). */
export async function resumeWordPressImportAction(_prev: FormState, form: FormData): Promise<FormState> {
  const me = await requireRole('admin');
  const id = Number(form.get('id'));
  if (!Number.isInteger(id) || id <= 0 || id > 2147483647) return refused('That request was malformed.', {});
  if (!(await requeueImportRun(me, id))) return refused('Only a failed import started here can be resumed here; run the command again for one started on the command line.', {});
  kickImports();
  redirect(`/dashboard/imports?run=${id}`);
}
