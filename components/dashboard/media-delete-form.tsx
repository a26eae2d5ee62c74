'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import type { DeleteMediaState, deleteMediaAction } from '@/app/(dashboard)/dashboard/_actions/media';

/** Delete an image; refused with the list of articles using it while there are any. */
export function MediaDeleteForm({ id, action }: { id: number; action: typeof deleteMediaAction }) {
  const [state, formAction, pending] = useActionState<DeleteMediaState, FormData>(action, { error: null, uses: [] });
  return (
    <form action={formAction} className="form">
      <input type="hidden" name="id" value={id} />
      <button type="submit" className="button button--danger" disabled={pending}>
        Delete this image
      </button>
      <div role="status" aria-live="polite">
        {state.error ? <p className="form__error">{state.error}</p> : null}
        {state.uses.length ? (
          <ul aria-label="Articles using this image">
            {state.uses.map((u) => (
              <li key={u.href}>
                <Link href={u.href}>{u.headline}</Link> ({u.status.replace('_', ' ')}, {u.how})
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </form>
  );
}
