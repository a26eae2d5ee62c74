'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';

// The WordPress upload form: the export (one file, or the several files of a split export) and,
// optionally, the uploads folder as one archive. Each file goes up in parts (the server keeps
// them in the shared media store, so any instance can take the next part), then the server reads
// them — the dry run — and this page moves on to it, or shows the reader's message.

type Step = { state: 'idle' } | { state: 'busy'; message: string } | { state: 'failed'; message: string };

export function WordPressUploader() {
  const router = useRouter();
  const [step, setStep] = useState<Step>({ state: 'idle' });

  async function post(body: unknown): Promise<{ ok?: boolean; error?: string; token?: string; partBytes?: number; location?: string; status: number }> {
    const response = await fetch('/api/imports/uploads', { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify(body) });
    const data = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    return { ...data, status: response.status };
  }

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const exports = form.getAll('export').filter((f): f is File => f instanceof File && f.size > 0);
    const archive = form.get('uploads');
    const uploads = archive instanceof File && archive.size > 0 ? archive : null;
    if (!exports.length) {
      setStep({ state: 'failed', message: 'Choose at least one WordPress export file (.xml or .xml.gz).' });
      return;
    }
    try {
      setStep({ state: 'busy', message: 'Starting the upload…' });
      const begin = await post({ step: 'begin' });
      if (!begin.ok || !begin.token || !begin.partBytes) throw new Error(begin.error ?? `The upload could not start (${begin.status}).`);
      const all = [...exports, ...(uploads ? [uploads] : [])];
      const total = all.reduce((n, f) => n + f.size, 0);
      let sent = 0;
      for (const [index, file] of all.entries()) {
        for (let part = 0; part * begin.partBytes < file.size; part++) {
          const chunk = file.slice(part * begin.partBytes, (part + 1) * begin.partBytes);
          const response = await fetch(`/api/imports/uploads/${begin.token}?file=${index}&part=${part}`, { method: 'PUT', headers: { 'Content-Type': 'application/octet-stream' }, body: chunk });
          if (!response.ok) {
            const data = (await response.json().catch(() => ({}))) as { error?: string };
            throw new Error(data.error ?? `${file.name} could not be uploaded (${response.status}).`);
          }
          sent += chunk.size;
          setStep({ state: 'busy', message: `Uploading ${file.name}: ${Math.round((sent / total) * 100)} %` });
        }
      }
      setStep({ state: 'busy', message: 'Reading the export (the dry run)…' });
      const describe = (f: File) => ({ name: f.name, size: f.size, parts: Math.ceil(f.size / begin.partBytes!) });
      const check = await post({ step: 'check', token: begin.token, files: exports.map(describe), uploads: uploads ? describe(uploads) : null });
      if (!check.ok || !check.location) throw new Error(check.error ?? `The export could not be read (${check.status}).`);
      router.push(check.location);
    } catch (error) {
      setStep({ state: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  }

  return (
    <form className="form" onSubmit={submit}>
      <div className="field">
        <label htmlFor="wp-export">WordPress export (WXR)</label>
        <input id="wp-export" name="export" type="file" accept=".xml,.gz,application/xml,text/xml,application/gzip" multiple required aria-describedby="wp-export-hint" />
        <p className="field__hint" id="wp-export-hint">
          The .xml (or .xml.gz) file from WordPress’s Tools → Export; choose all the files of a split export together.
        </p>
      </div>
      <div className="field">
        <label htmlFor="wp-uploads">Uploads folder, as an archive (optional)</label>
        <input id="wp-uploads" name="uploads" type="file" accept=".zip,.tgz,.gz,application/zip,application/gzip" aria-describedby="wp-uploads-hint" />
        <p className="field__hint" id="wp-uploads-hint">
          wp-content/uploads as a .zip or .tar.gz. Without it, images are listed as missing.
        </p>
      </div>
      <button type="submit" className="button" disabled={step.state === 'busy'}>
        Upload and check
      </button>
      <p role="status" aria-live="polite" className={step.state === 'failed' ? 'field-error' : 'muted'}>
        {step.state === 'idle' ? '' : step.message}
      </p>
    </form>
  );
}
