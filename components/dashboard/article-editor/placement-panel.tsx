'use client';

import { useState } from 'react';
import { slugify } from '@/lib/urls';
import { Field } from './field';
import type { DraftFields } from './use-article-draft';

function TagsField({ draft, change, errors, readOnly, tagNames }: DraftFields & { tagNames: string[] }) {
  const [tagText, setTagText] = useState('');

  function addTags(text: string) {
    const names = text
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean);
    if (!names.length) return;
    const known = new Set(draft.tags.map((t) => slugify(t, 80)));
    const next = [...draft.tags];
    for (const n of names) if (!known.has(slugify(n, 80))) next.push(n), known.add(slugify(n, 80));
    change({ tags: next });
    setTagText('');
  }

  return (
    <div className="field">
      <label htmlFor="tags-input">Tags</label>
      <ul className="chips" aria-label="Tags on this article">
        {draft.tags.map((t) => (
          <li key={t}>
            {t}
            {!readOnly ? (
              <button type="button" className="button button--quiet button--small" aria-label={`Remove tag ${t}`} onClick={() => change({ tags: draft.tags.filter((x) => x !== t) })}>
                ×
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {!readOnly ? (
        <div className="button-row" style={{ margin: 0 }}>
          <input
            id="tags-input"
            type="text"
            list="tag-suggestions"
            value={tagText}
            onChange={(e) => setTagText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ',') {
                e.preventDefault();
                addTags(tagText);
              }
            }}
            aria-describedby="tags-hint"
          />
          <button type="button" className="button button--small" onClick={() => addTags(tagText)}>
            Add tag
          </button>
        </div>
      ) : null}
      <p className="field__hint" id="tags-hint">
        New tags are created when you save.
      </p>
      <datalist id="tag-suggestions">
        {tagNames.map((t) => (
          <option key={t} value={t} />
        ))}
      </datalist>
      {errors.tags ? <p className="field__error">{errors.tags}</p> : null}
    </div>
  );
}

/** Where the article lives: its section, its slug (and so its address), its tags. */
export function PlacementPanel({
  sections,
  tagNames,
  previewPath,
  firstPublishedAt,
  onSlugEdited,
  ...fields
}: DraftFields & {
  sections: { id: number; name: string; slug: string }[];
  tagNames: string[];
  previewPath: string;
  firstPublishedAt: string | null;
  onSlugEdited: () => void;
}) {
  const { draft, change, errors, readOnly } = fields;
  return (
    <section className="panel" aria-labelledby="placement-heading">
      <h2 id="placement-heading">Placement</h2>
      <Field id="section" label="Section" error={errors.sectionId}>
        <select id="section" value={draft.sectionId ?? ''} disabled={readOnly} onChange={(e) => change({ sectionId: e.target.value ? Number(e.target.value) : null })}>
          <option value="">No section yet</option>
          {sections.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </Field>
      <Field id="slug" label="Slug" error={errors.slug} hint={firstPublishedAt ? 'Changing it moves the article; the old address will redirect.' : `Address: ${previewPath}`}>
        <input
          id="slug"
          type="text"
          value={draft.slug}
          readOnly={readOnly}
          onChange={(e) => {
            onSlugEdited();
            change({ slug: e.target.value.toLowerCase().replace(/[^a-z0-9-]/g, '-').slice(0, 120) });
          }}
          onBlur={() => change({ slug: slugify(draft.slug) })}
        />
      </Field>
      <TagsField {...fields} tagNames={tagNames} />
    </section>
  );
}
