'use client';

import type { MediaChoice } from '../body-editor';
import { Field } from './field';
import type { DraftFields } from './use-article-draft';

/** The featured image, and the alt text, caption and credit this article gives it. */
export function FeaturedImagePanel({ draft, change, errors, readOnly, media, featured }: DraftFields & { media: MediaChoice[]; featured: MediaChoice | null }) {
  return (
    <section className="panel" aria-labelledby="image-heading">
      <h2 id="image-heading">Featured image</h2>
      <Field id="featured" label="Image" error={errors.featuredImageId}>
        <select id="featured" value={draft.featuredImageId ?? ''} disabled={readOnly} onChange={(e) => change({ featuredImageId: e.target.value ? Number(e.target.value) : null })}>
          <option value="">No image</option>
          {media.map((m) => (
            <option key={m.id} value={m.id}>
              {m.alt || m.src.split('/').at(-1)}
            </option>
          ))}
        </select>
      </Field>
      {featured ? <img src={featured.src} alt="" width={featured.width} height={featured.height} style={{ borderRadius: 4 }} /> : null}
      {featured ? (
        <>
          <Field id="featured-alt" label="Alt text for this article" error={errors.featuredAlt} hint={featured.alt ? `Library alt text: “${featured.alt}”` : 'The library has no alt text for this image: write one.'}>
            <input id="featured-alt" type="text" value={draft.featuredAlt ?? ''} readOnly={readOnly} onChange={(e) => change({ featuredAlt: e.target.value || null })} />
          </Field>
          <Field id="featured-caption" label="Caption" error={errors.featuredCaption}>
            <input id="featured-caption" type="text" value={draft.featuredCaption ?? ''} readOnly={readOnly} placeholder={featured.caption} onChange={(e) => change({ featuredCaption: e.target.value || null })} />
          </Field>
          <Field id="featured-credit" label="Credit" error={errors.featuredCredit}>
            <input id="featured-credit" type="text" value={draft.featuredCredit ?? ''} readOnly={readOnly} placeholder={featured.credit} onChange={(e) => change({ featuredCredit: e.target.value || null })} />
          </Field>
        </>
      ) : null}
    </section>
  );
}
