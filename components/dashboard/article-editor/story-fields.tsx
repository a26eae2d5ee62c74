'use client';

import { bodyToText } from '@/lib/article-body';
import { slugify } from '@/lib/urls';
import { BodyEditor, type MediaChoice } from '../body-editor';
import { Field } from './field';
import type { DraftFields } from './use-article-draft';

/** The story itself: headline, standfirst and body. */
export function StoryFields({
  draft,
  change,
  errors,
  readOnly,
  slugTouched,
  editorKey,
  media,
}: DraftFields & {
  /** The slug no longer follows the headline as it is typed. */
  slugTouched: boolean;
  editorKey: number;
  media: MediaChoice[];
}) {
  return (
    <>
      <Field id="headline" label="Headline" error={errors.headline}>
        <input
          id="headline"
          className="editor__headline"
          type="text"
          value={draft.headline}
          readOnly={readOnly}
          maxLength={300}
          aria-invalid={errors.headline ? true : undefined}
          onChange={(e) => change({ headline: e.target.value, ...(slugTouched ? {} : { slug: slugify(e.target.value) }) })}
        />
      </Field>
      <Field id="standfirst" label="Standfirst" error={errors.standfirst} hint="One or two sentences under the headline; also the default description.">
        <textarea id="standfirst" value={draft.standfirst} readOnly={readOnly} maxLength={1000} rows={2} onChange={(e) => change({ standfirst: e.target.value })} />
      </Field>
      <div className="field">
        <span id="body-label" style={{ fontWeight: 600 }}>
          Body
        </span>
        {readOnly ? (
          <div className="prose-editor">
            <pre style={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit' }}>{bodyToText(draft.body)}</pre>
          </div>
        ) : (
          <BodyEditor key={editorKey} initial={draft.body} media={media} labelId="body-label" onChange={(body) => change({ body })} />
        )}
        {errors.body ? (
          <p className="field__error" role="alert">
            {errors.body}
          </p>
        ) : null}
      </div>
    </>
  );
}
