'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { SaveActionResult, saveArticleAction } from '@/app/(dashboard)/dashboard/_actions/articles';
import type { ConflictInfo } from '@/db/mutations/articles';
import type { ArticleDraft } from '@/lib/article-draft';

// The article as this browser holds it: the draft and the version it is based on, autosave with a
// visible state, a copy kept in this browser while offline or not yet saved, and the two ways out
// of a conflict with someone else's save.

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'offline' }
  | { kind: 'error'; message: string }
  | { kind: 'conflict'; current: ConflictInfo }
  | { kind: 'local' };

/** What each panel of the editor works with. */
export type DraftFields = {
  draft: ArticleDraft;
  change: (patch: Partial<ArticleDraft>) => void;
  errors: Record<string, string>;
  readOnly: boolean;
};

type LocalCopy = { baseVersion: number; draft: ArticleDraft; at: string };
const storageKey = (id: number) => `broadsheet:article-draft:${id}`;

function readLocal(id: number): LocalCopy | null {
  try {
    const raw = window.localStorage.getItem(storageKey(id));
    return raw ? (JSON.parse(raw) as LocalCopy) : null;
  } catch {
    return null;
  }
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function useArticleDraft({
  articleId,
  initialDraft,
  restored = null,
  initialVersion,
  initialPath,
  readOnly,
  autosave,
  autosaveMs,
  saveAction,
}: {
  articleId: number;
  initialDraft: ArticleDraft;
  /** An old revision to start from, as unsaved changes (a live story's restore goes out only by Update). */
  restored?: { version: number; draft: ArticleDraft } | null;
  initialVersion: number;
  initialPath: string | null;
  readOnly: boolean;
  /** Whether changes save themselves a few seconds after typing stops, or wait for "Save"/"Update". */
  autosave: boolean;
  autosaveMs: number;
  saveAction: typeof saveArticleAction;
}) {
  const [draft, setDraft] = useState<ArticleDraft>(initialDraft);
  const [version, setVersion] = useState(initialVersion);
  const [path, setPath] = useState(initialPath);
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState('');
  // Bumped when the draft is replaced from outside the fields (a restored copy, their version),
  // so the uncontrolled body editor and agencies input start again from the new draft.
  const [editorKey, setEditorKey] = useState(0);

  const draftRef = useRef(draft);
  const versionRef = useRef(version);
  const dirtyRef = useRef(false);
  const savingRef = useRef<Promise<boolean> | null>(null);
  draftRef.current = draft;
  versionRef.current = version;
  // The action arrives as a prop, and each refresh of the page hands over a new function for the
  // same action: saving reads the latest through a ref instead of restarting the timers.
  const saveActionRef = useRef(saveAction);
  saveActionRef.current = saveAction;

  const save = useCallback(
    async (options: { force?: boolean } = {}): Promise<boolean> => {
      if (readOnly) return true;
      if (savingRef.current) await savingRef.current;
      if (!dirtyRef.current && !options.force) return true;
      const sent = draftRef.current;
      const run = (async () => {
        setSaveState({ kind: 'saving' });
        let result: SaveActionResult;
        try {
          result = await saveActionRef.current(articleId, versionRef.current, sent);
        } catch {
          setSaveState({ kind: navigator.onLine ? 'error' : 'offline', ...(navigator.onLine ? { message: 'Saving failed; your changes are kept in this browser. Retrying shortly.' } : {}) } as SaveState);
          return false;
        }
        if (result.ok) {
          setVersion(result.version);
          versionRef.current = result.version;
          setPath(result.path);
          setErrors({});
          // Later edits made while this save was on its way stay dirty.
          if (same(sent, draftRef.current)) {
            dirtyRef.current = false;
            window.localStorage.removeItem(storageKey(articleId));
            setSaveState({ kind: 'saved', at: result.savedAt });
          } else {
            // The copy kept in this browser is now based on the version just saved.
            try {
              window.localStorage.setItem(storageKey(articleId), JSON.stringify({ baseVersion: result.version, draft: draftRef.current, at: new Date().toISOString() } satisfies LocalCopy));
            } catch {
              // Storage unavailable: the next save still carries the changes.
            }
            setSaveState({ kind: 'dirty' });
          }
          return true;
        }
        if (result.kind === 'conflict') {
          setSaveState({ kind: 'conflict', current: result.current });
          return false;
        }
        if (result.kind === 'invalid') {
          setErrors(result.fieldErrors);
          setSaveState({ kind: 'error', message: 'Not saved: please correct the fields marked below.' });
          return false;
        }
        setSaveState({ kind: 'error', message: 'This article no longer exists.' });
        return false;
      })();
      savingRef.current = run;
      try {
        return await run;
      } finally {
        savingRef.current = null;
      }
    },
    [articleId, readOnly],
  );

  const change = useCallback(
    (patch: Partial<ArticleDraft>) => {
      if (readOnly) return;
      setDraft((d) => {
        const next = { ...d, ...patch };
        try {
          window.localStorage.setItem(storageKey(articleId), JSON.stringify({ baseVersion: versionRef.current, draft: next, at: new Date().toISOString() } satisfies LocalCopy));
        } catch {
          // Storage full or disabled: autosave still works online.
        }
        return next;
      });
      dirtyRef.current = true;
      setSaveState((s) => (s.kind === 'conflict' ? s : navigator.onLine ? { kind: autosave ? 'dirty' : 'local' } : { kind: 'offline' }));
    },
    [articleId, autosave, readOnly],
  );

  // Autosave a few seconds after typing stops.
  useEffect(() => {
    if (!autosave || !dirtyRef.current || saveState.kind === 'conflict') return;
    const timer = window.setTimeout(() => {
      if (navigator.onLine) void save();
    }, autosaveMs);
    return () => window.clearTimeout(timer);
  }, [draft, autosave, save, autosaveMs, saveState.kind]);

  // Offline and back: keep the copy in this browser, then save when the network returns.
  useEffect(() => {
    const online = () => {
      if (dirtyRef.current && autosave) void save();
      else if (dirtyRef.current) setSaveState({ kind: 'local' });
    };
    const offline = () => {
      if (dirtyRef.current) setSaveState({ kind: 'offline' });
    };
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
    };
  }, [autosave, save]);

  // Retry after a failed save.
  useEffect(() => {
    if (saveState.kind !== 'error' || !autosave || Object.keys(errors).length) return;
    const timer = window.setTimeout(() => void save(), 5000);
    return () => window.clearTimeout(timer);
  }, [saveState, autosave, errors, save]);

  // Warn before leaving with unsaved changes.
  useEffect(() => {
    const beforeUnload = (event: BeforeUnloadEvent) => {
      if (!dirtyRef.current) return;
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', beforeUnload);
    return () => window.removeEventListener('beforeunload', beforeUnload);
  }, []);

  // A copy left in this browser (offline, or the tab closed before saving) comes back; an old
  // revision asked for from the revisions page takes its place.
  useEffect(() => {
    if (restored && !readOnly) {
      setDraft(restored.draft);
      draftRef.current = restored.draft;
      dirtyRef.current = !same(restored.draft, initialDraft);
      setEditorKey((k) => k + 1);
      setNotice(
        autosave
          ? `Version ${restored.version} is in the editor and will be saved as the newest version.`
          : `Version ${restored.version} is in the editor, not published: the live page is unchanged until you click Update.`,
      );
      if (dirtyRef.current) setSaveState({ kind: autosave ? 'dirty' : 'local' });
      // A reload then shows the article as saved, not the old revision again.
      window.history.replaceState(window.history.state, '', window.location.pathname);
      return;
    }
    const local = readLocal(articleId);
    if (!local || same(local.draft, initialDraft)) {
      if (local) window.localStorage.removeItem(storageKey(articleId));
      return;
    }
    if (local.baseVersion === initialVersion && !readOnly) {
      setDraft(local.draft);
      draftRef.current = local.draft;
      dirtyRef.current = true;
      setEditorKey((k) => k + 1);
      setNotice('Unsaved changes from this browser were restored.');
      setSaveState({ kind: autosave ? 'dirty' : 'local' });
    } else {
      setNotice('This browser has unsaved changes made to an older version of this article; they were not applied.');
    }
    // Only on first load.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  /** After a conflict: save my draft over the version they saved, knowingly. */
  function keepMine(current: ConflictInfo) {
    setVersion(current.version);
    versionRef.current = current.version;
    dirtyRef.current = true;
    setSaveState({ kind: 'dirty' });
    void save({ force: true });
  }

  /** After a conflict: drop my changes and carry on from their version. */
  function takeTheirs(current: ConflictInfo) {
    setDraft(current.draft);
    draftRef.current = current.draft;
    setVersion(current.version);
    versionRef.current = current.version;
    dirtyRef.current = false;
    window.localStorage.removeItem(storageKey(articleId));
    setEditorKey((k) => k + 1);
    setSaveState({ kind: 'idle' });
  }

  return { draft, change, save, saveState, errors, notice, editorKey, path, setPath, keepMine, takeTheirs };
}
