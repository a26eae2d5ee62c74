import Link from 'next/link';
import { notFound } from 'next/navigation';
import { CropForm } from '@/components/dashboard/crop-form';
import { FocalPointForm } from '@/components/dashboard/focal-point-form';
import { MediaDeleteForm } from '@/components/dashboard/media-delete-form';
import { MediaTextForm } from '@/components/dashboard/media-text-form';
import { getMediaItem, listMediaUses, mediaUseWords } from '@/db/queries/media';
import { cropPixels } from '@/lib/media-crop';
import { can, rolesFor } from '@/lib/permissions';
import { requireRole } from '@/server/auth/session';
import { deleteMediaAction, setCropAction, setFocalPointAction, updateMediaTextAction } from '../../_actions/media';

export const metadata = { title: 'Image' };

const STATUS_WORDS: Record<string, string> = { draft: 'draft', in_review: 'in review', scheduled: 'scheduled', published: 'published', withdrawn: 'withdrawn' };
const kb = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('en-GB')} KB`;

/** One image of the library: its details, focal point, derivatives, where it is used, and delete. */
export default async function MediaItemPage({ params }: { params: Promise<{ id: string }> }) {
  const me = await requireRole(...rolesFor('media.upload'));
  const raw = (await params).id;
  const id = /^\d{1,9}$/.test(raw) ? Number(raw) : NaN;
  const item = Number.isSafeInteger(id) ? await getMediaItem(id) : null;
  if (!item) notFound();
  const uses = await listMediaUses(item.id);
  // A mid-sized derivative to look at (any browser the newsroom uses reads AVIF and WebP). Once
  // cropped, the derivatives are of the crop: the tools that work on the whole picture show the original.
  const preview = item.crop ? item.src : ([...item.variants].sort((a, b) => a.width - b.width).find((v) => v.width >= 640)?.src ?? item.src);
  const cropRect = item.crop ? cropPixels(item.width, item.height, item.crop) : null;
  // What the cards cut once cropped: a mid-sized derivative of the region.
  const cutPreview = [...item.variants].sort((a, b) => a.width - b.width).find((v) => v.width >= 640)?.src ?? item.cropSrc ?? item.src;
  const croppable = item.src.startsWith('/media/') && item.mimeType !== 'image/svg+xml' && item.mimeType !== 'image/gif';
  const derivatives = [...item.variants].sort((a, b) => (a.type ?? '').localeCompare(b.type ?? '') || a.width - b.width);

  return (
    <div>
      <p>
        <Link href="/dashboard/media">← Media library</Link>
      </p>
      <h1>{item.alt || 'Image without alt text'}</h1>
      <div className="media-detail">
        <section aria-labelledby="focal-heading">
          <h2 id="focal-heading">Focal point</h2>
          <p className="muted">Cards and link previews cut the picture to fit; they keep this point in view. {item.focal ? '' : 'None set: the centre is used.'}</p>
          <FocalPointForm id={item.id} preview={preview} width={item.width} height={item.height} focal={item.focal} cut={item.crop ? { crop: item.crop, preview: cutPreview } : null} action={setFocalPointAction} />
        </section>
        <section aria-labelledby="crop-heading">
          <h2 id="crop-heading">Crop</h2>
          <p className="muted">
            Readers are shown only the part of the picture inside the crop, at every size, and link previews are cut from it. The original is kept: reset to the full picture at any time.{' '}
            {cropRect ? `Cropped to ${cropRect.width}×${cropRect.height} px from ${cropRect.left}, ${cropRect.top}.` : 'Not cropped: readers see the full picture.'}
          </p>
          {croppable ? (
            <CropForm id={item.id} preview={preview} width={item.width} height={item.height} crop={cropRect} action={setCropAction} />
          ) : (
            <p className="muted">Only uploaded still pictures (JPEG, PNG, WebP, AVIF) can be cropped.</p>
          )}
        </section>
        <div>
          <section aria-labelledby="details-heading" className="panel">
            <h2 id="details-heading">Details</h2>
            <p className="muted" style={{ margin: 0 }}>
              {item.width}×{item.height}, {item.mimeType.replace('image/', '')}, {kb(item.bytes)}
              {item.uploadedBy ? `, uploaded by ${item.uploadedBy}` : ''}
            </p>
            <MediaTextForm id={item.id} alt={item.alt} caption={item.caption} credit={item.credit} action={updateMediaTextAction} />
          </section>
          <section aria-labelledby="uses-heading">
            <h2 id="uses-heading">Used in</h2>
            {uses.length ? (
              <ul aria-labelledby="uses-heading">
                {uses.map((u) => (
                  <li key={u.articleId}>
                    <Link href={`/dashboard/articles/${u.articleId}`}>{u.headline}</Link> ({STATUS_WORDS[u.status] ?? u.status},{' '}
                    {mediaUseWords(u)})
                  </li>
                ))}
              </ul>
            ) : (
              <p>Not used in any article.</p>
            )}
          </section>
          <section aria-labelledby="sizes-heading">
            <h2 id="sizes-heading">Sizes readers are sent</h2>
            {derivatives.length ? (
              <ul aria-labelledby="sizes-heading" className="muted">
                {derivatives.map((v) => (
                  <li key={v.src}>
                    {(v.type ?? item.mimeType).replace('image/', '').toUpperCase()} {v.width} px{v.bytes ? `, ${kb(v.bytes)}` : ''}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">Only the original.</p>
            )}
          </section>
          <section aria-labelledby="delete-heading">
            <h2 id="delete-heading">Delete</h2>
            {can(me, 'media.delete') ? (
              <MediaDeleteForm id={item.id} action={deleteMediaAction} />
            ) : (
              <p className="muted">Editors and admins can delete images.</p>
            )}
          </section>
        </div>
      </div>
    </div>
  );
}
