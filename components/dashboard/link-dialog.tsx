'use client';

import { useEffect, useId, useRef, useState } from 'react';

// The body editor's link form: a modal <dialog>, so the browser gives it the top layer, traps
// focus in it and closes it on Escape, and screen readers announce it by its heading. It replaces
// window.prompt, which could not explain a refused address or offer Remove beside Apply.

/**
 * Whether an address may be a link in an article: http, https and mailto, or a path on this site
 * (what the editor's link mark and the stored body accept). Anything else (javascript:, data:,
 * a bare "example.org" that the browser would treat as a relative path) gets a message instead.
 */
export function linkHrefProblem(href: string): string | null {
  if (href === '') return 'Enter an address, or choose Remove to take the link off.';
  if (/^(https?:\/\/[^\s/]+|mailto:[^\s]+)/i.test(href)) return null;
  if (/^\/(?!\/)/.test(href)) return null;
  if (/^[a-z][a-z0-9+.-]*:/i.test(href)) return 'Only web (http:// or https://) and e-mail (mailto:) links are allowed.';
  return 'Start the address with https://, http:// or mailto:, or / for a page on this site.';
}

export function LinkDialog({ open, initial, onApply, onRemove, onClose }: { open: boolean; initial: string; onApply: (href: string) => void; onRemove: () => void; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [href, setHref] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const titleId = useId();
  const hintId = useId();
  const errorId = useId();

  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (open && !el.open) {
      setHref(initial);
      setProblem(null);
      el.showModal();
    } else if (!open && el.open) el.close();
  }, [open, initial]);

  return (
    // Escape and the Cancel button both end in the dialog's close event; the editor takes focus
    // back there (onClose), whichever way it closed.
    <dialog ref={dialog} className="link-dialog" aria-labelledby={titleId} onClose={onClose}>
      <form
        method="dialog"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const value = href.trim();
          const why = linkHrefProblem(value);
          if (why) {
            setProblem(why);
            return;
          }
          onApply(value);
        }}
      >
        <h2 id={titleId}>{initial ? 'Edit link' : 'Add a link'}</h2>
        <div className="field">
          <label htmlFor={`${titleId}-url`}>Link address</label>
          <input
            id={`${titleId}-url`}
            type="url"
            value={href}
            autoFocus
            spellCheck={false}
            aria-describedby={`${hintId} ${errorId}`}
            aria-invalid={problem ? true : undefined}
            onChange={(e) => {
              setHref(e.target.value);
              setProblem(null);
            }}
          />
          <p id={hintId} className="field__hint">
            https://…, mailto:… or a path on this site such as /news
          </p>
          <p id={errorId} className="field__error" role="alert">
            {problem ?? ''}
          </p>
        </div>
        <div className="button-row">
          <button type="submit" className="button button--primary">
            Apply
          </button>
          {initial ? (
            <button type="button" className="button button--danger" onClick={onRemove}>
              Remove link
            </button>
          ) : null}
          <button type="button" className="button" onClick={() => dialog.current?.close()}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
