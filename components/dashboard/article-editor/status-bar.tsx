'use client';

import Link from 'next/link';
import type { ArticleStatus } from '@/lib/domain';
import { STATUS_LABELS } from '@/lib/newsroom-format';
import type { SaveState } from './use-article-draft';

function saveStateText(saveState: SaveState, readOnly: boolean, timeZone: string, locale: string): string {
  switch (saveState.kind) {
    case 'saving':
      return 'Saving…';
    case 'saved':
      return `Saved at ${new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone }).format(new Date(saveState.at))}`;
    case 'offline':
      return 'Offline: changes kept in this browser';
    case 'error':
      return saveState.message;
    case 'conflict':
      return 'Not saved: someone else saved a newer version';
    case 'local':
      return 'Unsaved changes (kept in this browser until you update)';
    case 'dirty':
      return 'Unsaved changes';
    default:
      return readOnly ? 'Read only: your role cannot change this article' : 'All changes saved';
  }
}

/** Above the fields: the workflow status, the save state, the Save button when nothing autosaves, and where to look next. */
export function EditorStatusBar({
  articleId,
  status,
  path,
  saveState,
  readOnly,
  autosave,
  busy,
  onSave,
  timeZone,
  locale,
}: {
  articleId: number;
  status: ArticleStatus;
  path: string | null;
  saveState: SaveState;
  readOnly: boolean;
  autosave: boolean;
  busy: boolean;
  onSave: () => void;
  timeZone: string;
  locale: string;
}) {
  return (
    <div className="editor__status">
      <span className={`badge badge--${status}`}>{STATUS_LABELS[status]}</span>
      <span className={`save-state save-state--${saveState.kind}`} role="status" aria-live="polite" data-testid="save-state">
        {saveStateText(saveState, readOnly, timeZone, locale)}
      </span>
      {!readOnly && !autosave ? (
        <button type="button" className="button button--primary button--small" disabled={busy || saveState.kind === 'saving'} onClick={onSave}>
          {status === 'published' ? 'Update' : 'Save'}
        </button>
      ) : null}
      <Link href={`/dashboard/preview/${articleId}`} target="_blank">
        Preview
      </Link>
      <Link href={`/dashboard/articles/${articleId}/revisions`}>Revisions</Link>
      {path && status === 'published' ? <a href={path}>View live</a> : null}
    </div>
  );
}
