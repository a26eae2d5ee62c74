import Link from 'next/link';
import { MediaTextForm } from '@/components/dashboard/media-text-form';
import { MediaUploader } from '@/components/dashboard/media-uploader';
import { listMedia } from '@/db/queries/media';
import { requireRole } from '@/server/auth/session';
import { rolesFor } from '@/lib/permissions';
import { updateMediaTextAction } from '../_actions/media';

export const metadata = { title: 'Media' };

export default async function MediaPage({ searchParams }: { searchParams: Promise<{ q?: string; deleted?: string }> }) {
  await requireRole(...rolesFor('media.upload'));
  const query = await searchParams;
  const q = (query.q ?? '').slice(0, 200);
  const items = await listMedia({ q, limit: 120 });
  return (
    <div>
      <h1>Media library</h1>
      {query.deleted ? (
        <p className="form__notice" role="status">
          The image was deleted.
        </p>
      ) : null}
      <MediaUploader />
      <form className="filters" method="get" role="search" aria-label="Search media" style={{ marginTop: '1rem' }}>
        <label>
          Search alt text, captions and credits
          <input type="search" name="q" defaultValue={q} />
        </label>
        <button className="button" type="submit">
          Search
        </button>
      </form>
      <ul className="media-grid" aria-label="Images">
        {items.map((m) => (
          <li key={m.id} className="panel">
            <img src={m.variants.find((v) => v.width >= 320)?.src ?? m.src} alt={m.alt} width={m.width} height={m.height} loading="lazy" />
            <p className="muted" style={{ margin: 0, fontSize: '0.8rem' }}>
              {m.width}×{m.height}, {m.mimeType.replace('image/', '')}
              {m.uploadedBy ? `, by ${m.uploadedBy}` : ''}
            </p>
            <Link href={`/dashboard/media/${m.id}`}>Focal point, use and delete: {m.alt || `image ${m.id}`}</Link>
            <MediaTextForm id={m.id} alt={m.alt} caption={m.caption} credit={m.credit} action={updateMediaTextAction} />
          </li>
        ))}
      </ul>
      {items.length === 0 ? <p>No images yet.</p> : null}
    </div>
  );
}
