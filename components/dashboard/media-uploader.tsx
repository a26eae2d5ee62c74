'use client';

import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';

type Upload = { key: string; name: string; size: number; progress: number; state: 'uploading' | 'done' | 'failed'; message: string };

const MAX = 15 * 1024 * 1024;
const ACCEPT = 'image/jpeg,image/png,image/webp,image/avif,image/gif';

// Drag and drop (or choose) several images; each is sent on its own request with its own progress
// bar, so one bad file does not stop the others. The server checks type and size again.
export function MediaUploader() {
  const router = useRouter();
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const update = (key: string, patch: Partial<Upload>) => setUploads((list) => list.map((u) => (u.key === key ? { ...u, ...patch } : u)));

  function send(file: File) {
    const key = `${file.name}-${file.size}-${Math.random().toString(36).slice(2)}`;
    setUploads((list) => [...list, { key, name: file.name, size: file.size, progress: 0, state: 'uploading', message: 'Uploading…' }]);
    if (file.size > MAX) {
      update(key, { state: 'failed', message: `Larger than 15 MB (${(file.size / 1048576).toFixed(1)} MB): not uploaded.` });
      return;
    }
    const body = new FormData();
    body.append('file', file);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/media');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) update(key, { progress: Math.round((e.loaded / e.total) * 100) });
    };
    xhr.onload = () => {
      let data: { ok?: boolean; error?: string } = {};
      try {
        data = JSON.parse(xhr.responseText);
      } catch {
        data = {};
      }
      if (xhr.status === 201 && data.ok) {
        update(key, { state: 'done', progress: 100, message: 'Uploaded. Add alt text below before using it in a published article.' });
        router.refresh();
      } else update(key, { state: 'failed', message: data.error ?? `Upload failed (${xhr.status}).` });
    };
    xhr.onerror = () => update(key, { state: 'failed', message: 'The newsroom could not be reached; try again.' });
    xhr.send(body);
  }

  const sendAll = (files: FileList | null) => {
    for (const f of Array.from(files ?? [])) send(f);
  };

  return (
    <div>
      <div
        className={`dropzone${over ? ' is-over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          sendAll(e.dataTransfer.files);
        }}
      >
        <p>Drop images here (JPEG, PNG, WebP, AVIF or GIF, up to 15 MB each)</p>
        <label className="button" htmlFor="media-files">
          Choose images
        </label>
        <input id="media-files" ref={input} className="visually-hidden" type="file" accept={ACCEPT} multiple onChange={(e) => { sendAll(e.target.files); if (input.current) input.current.value = ''; }} />
      </div>
      {uploads.length ? (
        <ul className="uploads" aria-label="Uploads" aria-live="polite">
          {uploads.map((u) => (
            <li key={u.key}>
              <strong>{u.name}</strong>
              <progress max={100} value={u.progress} aria-label={`Upload progress for ${u.name}`}>
                {u.progress}%
              </progress>
              <span className={u.state === 'failed' ? 'field__error' : 'muted'}>{u.message}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
