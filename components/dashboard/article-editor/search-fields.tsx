'use client';

import { Field } from './field';
import type { DraftFields } from './use-article-draft';

/** Search and sharing: the SEO title and description with their lengths, a search-result preview, the canonical URL. */
export function SearchFields({ draft, change, errors, readOnly, previewPath, siteUrl, siteName }: DraftFields & { previewPath: string; siteUrl: string; siteName: string }) {
  const seoTitle = draft.seoTitle || draft.headline;
  const seoDescription = draft.seoDescription || draft.standfirst;
  const titleLength = [...`${seoTitle} – ${siteName}`].length;
  const descriptionLength = [...seoDescription].length;
  return (
    <fieldset className="field">
      <legend>Search and sharing</legend>
      <Field id="seo-title" label="SEO title" error={errors.seoTitle} hint={`${titleLength} characters with the site name; up to about 60 show in full.`}>
        <input id="seo-title" type="text" value={draft.seoTitle ?? ''} readOnly={readOnly} placeholder={draft.headline} onChange={(e) => change({ seoTitle: e.target.value || null })} />
      </Field>
      <Field
        id="seo-description"
        label="Description"
        error={errors.seoDescription}
        hint={`${descriptionLength} characters; ${descriptionLength < 70 ? 'aim for 70 to 160.' : descriptionLength > 160 ? 'search results cut after about 160.' : 'a good length.'}`}
      >
        <textarea id="seo-description" rows={2} value={draft.seoDescription ?? ''} readOnly={readOnly} placeholder={draft.standfirst} onChange={(e) => change({ seoDescription: e.target.value || null })} />
      </Field>
      <div className="serp" aria-label="Search result preview">
        <p className="serp__url">{`${siteUrl}${previewPath}`}</p>
        <p className="serp__title">{`${seoTitle} – ${siteName}`.slice(0, 70)}</p>
        <p className="serp__desc">{seoDescription.length > 160 ? `${seoDescription.slice(0, 157)}…` : seoDescription || 'No description yet.'}</p>
      </div>
      <Field id="canonical" label="Canonical URL (only if this story first appeared elsewhere)" error={errors.canonicalUrl}>
        <input id="canonical" type="url" value={draft.canonicalUrl ?? ''} readOnly={readOnly} onChange={(e) => change({ canonicalUrl: e.target.value || null })} />
      </Field>
    </fieldset>
  );
}
