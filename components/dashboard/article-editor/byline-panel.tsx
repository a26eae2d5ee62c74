'use client';

import { Field } from './field';
import type { DraftFields } from './use-article-draft';

/** Who the article is by: authors in byline order, a collective byline, the wire credit. */
export function BylinePanel({ draft, change, errors, readOnly, people, editorKey }: DraftFields & { people: { id: number; name: string }[]; editorKey: number }) {
  const availablePeople = people.filter((p) => !draft.authorIds.includes(p.id));
  const nameOf = (id: number) => people.find((p) => p.id === id)?.name ?? `Staff #${id}`;
  return (
    <section className="panel" aria-labelledby="byline-heading">
      <h2 id="byline-heading">Byline</h2>
      <ol aria-label="Authors, in byline order">
        {draft.authorIds.map((id, i) => (
          <li key={id}>
            {nameOf(id)}{' '}
            {!readOnly ? (
              <span className="button-row" style={{ display: 'inline-flex', margin: 0 }}>
                <button
                  type="button"
                  className="button button--quiet button--small"
                  aria-label={`Move ${nameOf(id)} up`}
                  disabled={i === 0}
                  onClick={() => {
                    const next = [...draft.authorIds];
                    [next[i - 1], next[i]] = [next[i]!, next[i - 1]!];
                    change({ authorIds: next });
                  }}
                >
                  ↑
                </button>
                <button type="button" className="button button--quiet button--small" aria-label={`Remove ${nameOf(id)}`} onClick={() => change({ authorIds: draft.authorIds.filter((x) => x !== id) })}>
                  ×
                </button>
              </span>
            ) : null}
          </li>
        ))}
      </ol>
      {!readOnly ? (
        <Field id="add-author" label="Add an author">
          <select
            id="add-author"
            value=""
            onChange={(e) => {
              if (e.target.value) change({ authorIds: [...draft.authorIds, Number(e.target.value)] });
            }}
          >
            <option value="">Choose a person…</option>
            {availablePeople.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      {errors.authorIds ? <p className="field__error">{errors.authorIds}</p> : null}
      <Field id="byline-text" label="Collective byline (used when no author is listed)" error={errors.bylineText}>
        <input id="byline-text" type="text" value={draft.bylineText ?? ''} readOnly={readOnly} placeholder="Staff and agencies" onChange={(e) => change({ bylineText: e.target.value || null })} />
      </Field>
      <Field id="wire-initials" label="Wire credit: editors’ initials" error={errors.wireInitials}>
        <input id="wire-initials" type="text" value={draft.wireInitials ?? ''} readOnly={readOnly} placeholder="ab/cd" onChange={(e) => change({ wireInitials: e.target.value || null })} />
      </Field>
      <Field id="wire-agencies" label="Wire credit: agencies (comma-separated)" error={errors.wireAgencies}>
        <input
          id="wire-agencies"
          type="text"
          defaultValue={draft.wireAgencies.join(', ')}
          key={`agencies-${editorKey}`}
          readOnly={readOnly}
          placeholder="AP, Reuters"
          onChange={(e) => change({ wireAgencies: e.target.value.split(',').map((a) => a.trim()).filter(Boolean) })}
        />
      </Field>
    </section>
  );
}
