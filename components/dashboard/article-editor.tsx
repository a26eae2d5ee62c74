'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type {
  editingHeartbeatAction,
  saveArticleAction,
  transitionArticleAction,
  SaveActionResult,
  TransitionActionResult,
} from '@/app/(dashboard)/dashboard/_actions/articles';
import type { ConflictInfo, Transition } from '@/db/mutations/articles';
import type { ArticleStatus } from '@/lib/domain';
import { bodyToText } from '@/lib/article-body';
import type { ArticleDraft } from '@/lib/article-draft';
import { runChecklist, type CheckResult } from '@/lib/checklist';
import { articlePath, slugify } from '@/lib/urls';
import { BodyEditor, type MediaChoice } from './body-editor';
import { STATUS_LABELS, formatWhen } from '../../lib/newsroom-format';

// The article editor: every field of an article, autosave with a visible state, a copy in this
// browser while offline, conflicts shown side by side, and the publishing controls this person's
// role allows (the server checks again on every request).

export type EditorPermissions = { edit: boolean; submit: boolean; publish: boolean; withdraw: boolean };

type Props = {
  articleId: number;
  initialVersion: number;
  initialStatus: ArticleStatus;
  initialPath: string | null;
  initialPublishedAt: string | null;
  firstPublishedAt: string | null;
  initialDraft: ArticleDraft;
  sections: { id: number; name: string; slug: string }[];
  people: { id: number; name: string }[];
  tagNames: string[];
  media: MediaChoice[];
  permissions: EditorPermissions;
  othersEditing: string[];
  siteName: string;
  siteUrl: string;
  timeZone: string;
  locale: string;
  autosaveMs: number;
  heartbeatMs: number;
  saveAction: typeof saveArticleAction;
  transitionAction: typeof transitionArticleAction;
  heartbeatAction: typeof editingHeartbeatAction;
};

type SaveState =
  | { kind: 'idle' }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'offline' }
  | { kind: 'error'; message: string }
  | { kind: 'conflict'; current: ConflictInfo }
  | { kind: 'local' };

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

function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
const fromLocalInput = (value: string) => (value ? new Date(value).toISOString() : null);

function Field({ id, label, error, hint, children }: { id: string; label: string; error?: string; hint?: React.ReactNode; children: React.ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={`${id}-error`} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function ArticleEditor(props: Props) {
  const router = useRouter();
  const { articleId, permissions, saveAction, transitionAction, heartbeatAction } = props;
  const [draft, setDraft] = useState<ArticleDraft>(props.initialDraft);
  const [version, setVersion] = useState(props.initialVersion);
  const [status, setStatus] = useState<ArticleStatus>(props.initialStatus);
  const [path, setPath] = useState(props.initialPath);
  const [publishedAt, setPublishedAt] = useState(props.initialPublishedAt);
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState('');
  const [editorKey, setEditorKey] = useState(0);
  const [others, setOthers] = useState(props.othersEditing);
  const [publishAt, setPublishAt] = useState(toLocalInput(status === 'scheduled' ? props.initialPublishedAt : null));
  const [outcome, setOutcome] = useState<{ message: string; problems?: CheckResult[]; retry?: () => void } | null>(null);
  const [busy, setBusy] = useState(false);
  const [slugTouched, setSlugTouched] = useState(() => props.initialStatus !== 'draft' || props.firstPublishedAt !== null || props.initialDraft.slug !== slugify(props.initialDraft.headline));
  const [tagText, setTagText] = useState('');

  const draftRef = useRef(draft);
  const versionRef = useRef(version);
  const dirtyRef = useRef(false);
  const savingRef = useRef<Promise<boolean> | null>(null);
  draftRef.current = draft;
  versionRef.current = version;
  // The server actions arrive as props, and each refresh of the page hands over new functions for
  // the same actions: the timers read the latest through refs instead of restarting.
  const saveActionRef = useRef(saveAction);
  const heartbeatActionRef = useRef(heartbeatAction);
  saveActionRef.current = saveAction;
  heartbeatActionRef.current = heartbeatAction;

  // A published or scheduled article is live (or about to be): changes wait for "Update" rather
  // than going out half-typed. Drafts save themselves.
  const autosave = permissions.edit && (status === 'draft' || status === 'in_review');
  const readOnly = !permissions.edit;

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
    }, props.autosaveMs);
    return () => window.clearTimeout(timer);
  }, [draft, autosave, save, props.autosaveMs, saveState.kind]);

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

  // A copy left in this browser (offline, or the tab closed before saving) comes back.
  useEffect(() => {
    const local = readLocal(articleId);
    if (!local || same(local.draft, props.initialDraft)) {
      if (local) window.localStorage.removeItem(storageKey(articleId));
      return;
    }
    if (local.baseVersion === props.initialVersion && !readOnly) {
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

  // Presence: say I am here, and learn who else is.
  useEffect(() => {
    let stopped = false;
    const beat = async () => {
      try {
        const { others: names } = await heartbeatActionRef.current(articleId);
        if (!stopped) setOthers(names);
      } catch {
        // Offline: presence simply pauses.
      }
    };
    void beat();
    const timer = window.setInterval(beat, props.heartbeatMs);
    return () => {
      stopped = true;
      window.clearInterval(timer);
    };
  }, [articleId, props.heartbeatMs]);

  const sectionSlug = props.sections.find((s) => s.id === draft.sectionId)?.slug ?? null;
  const previewPath = useMemo(() => {
    if (path) return path;
    if (!sectionSlug) return `/…/${draft.slug}`;
    return articlePath({ sectionSlug, slug: draft.slug, firstPublishedAt: props.firstPublishedAt ? new Date(props.firstPublishedAt) : new Date() }, props.timeZone);
  }, [path, sectionSlug, draft.slug, props.firstPublishedAt, props.timeZone]);

  const featured = props.media.find((m) => m.id === draft.featuredImageId) ?? null;
  const checklist = runChecklist({
    headline: draft.headline,
    standfirst: draft.standfirst,
    seoDescription: draft.seoDescription,
    sectionId: draft.sectionId,
    authorCount: draft.authorIds.length,
    bylineText: draft.bylineText,
    body: draft.body,
    featuredAlt: featured ? draft.featuredAlt || featured.alt : null,
    hasFeaturedImage: featured !== null,
  });

  async function runTransition(transition: Transition, override = false) {
    setBusy(true);
    setOutcome(null);
    try {
      if (!(await save())) {
        setOutcome({ message: 'Save the article first: see the message above.' });
        return;
      }
      const iso = transition === 'schedule' ? fromLocalInput(publishAt) : null;
      let result: TransitionActionResult;
      try {
        result = await transitionAction({ articleId, transition, publishAt: iso ?? undefined, override });
      } catch {
        setOutcome({ message: 'The newsroom could not be reached; nothing was changed. Try again.' });
        return;
      }
      if (result.ok) {
        setStatus(result.status as ArticleStatus);
        setPath(result.path);
        setPublishedAt(result.publishedAt);
        const done: Record<Transition, string> = {
          submit: 'Submitted for review.',
          return_to_draft: 'Returned to draft.',
          schedule: `Scheduled for ${formatWhen(result.publishedAt, props.timeZone, props.locale)}.`,
          publish: 'Published.',
          withdraw: 'Withdrawn: readers now get “gone” at its address.',
          unschedule: 'Unscheduled: it is a draft again.',
        };
        setOutcome({ message: done[transition] });
        router.refresh();
      } else {
        const canOverride = result.problems && result.problems.length > 0 && !override;
        setOutcome({ message: result.message, problems: result.problems, retry: canOverride ? () => void runTransition(transition, true) : undefined });
      }
    } finally {
      setBusy(false);
    }
  }

  function keepMine(current: ConflictInfo) {
    setVersion(current.version);
    versionRef.current = current.version;
    dirtyRef.current = true;
    setSaveState({ kind: 'dirty' });
    void save({ force: true });
  }

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

  const stateText = (() => {
    switch (saveState.kind) {
      case 'saving':
        return 'Saving…';
      case 'saved':
        return `Saved at ${new Intl.DateTimeFormat(props.locale, { hour: '2-digit', minute: '2-digit', timeZone: props.timeZone }).format(new Date(saveState.at))}`;
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
  })();

  const seoTitle = draft.seoTitle || draft.headline;
  const seoDescription = draft.seoDescription || draft.standfirst;
  const titleLength = [...`${seoTitle} – ${props.siteName}`].length;
  const descriptionLength = [...seoDescription].length;
  const sectionOptions = props.sections;
  const availablePeople = props.people.filter((p) => !draft.authorIds.includes(p.id));
  const nameOf = (id: number) => props.people.find((p) => p.id === id)?.name ?? `Staff #${id}`;

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
    <div>
      <div className="editor__status">
        <span className={`badge badge--${status}`}>{STATUS_LABELS[status]}</span>
        <span className={`save-state save-state--${saveState.kind}`} role="status" aria-live="polite" data-testid="save-state">
          {stateText}
        </span>
        {!readOnly && !autosave ? (
          <button type="button" className="button button--primary button--small" disabled={busy || saveState.kind === 'saving'} onClick={() => void save({ force: true })}>
            {status === 'published' ? 'Update' : 'Save'}
          </button>
        ) : null}
        <Link href={`/dashboard/preview/${articleId}`} target="_blank">
          Preview
        </Link>
        <Link href={`/dashboard/articles/${articleId}/revisions`}>Revisions</Link>
        {path && status === 'published' ? <a href={path}>View live</a> : null}
      </div>
      {others.length ? (
        <p className="presence" role="status">
          {others.join(', ')} {others.length === 1 ? 'is' : 'are'} also editing this article. Saves are checked, so nobody’s work is overwritten.
        </p>
      ) : null}
      {notice ? <p className="notice">{notice}</p> : null}
      {errors.form ? <p className="notice notice--error">{errors.form}</p> : null}

      {saveState.kind === 'conflict' ? (
        <section className="conflict" aria-labelledby="conflict-heading">
          <h2 id="conflict-heading">Someone else saved this article</h2>
          <p>
            {saveState.current.savedBy ?? 'Someone'} saved version {saveState.current.version} at {formatWhen(saveState.current.savedAt, props.timeZone, props.locale)}. Your changes were
            not saved and nothing was overwritten. Compare the two and choose.
          </p>
          <div className="conflict__versions">
            <div>
              <h3>Their version</h3>
              <pre data-testid="conflict-theirs">{`${saveState.current.draft.headline}\n\n${bodyToText(saveState.current.draft.body)}`}</pre>
              <button type="button" className="button" onClick={() => takeTheirs((saveState as { current: ConflictInfo }).current)}>
                Use their version
              </button>
            </div>
            <div>
              <h3>Your version</h3>
              <pre data-testid="conflict-mine">{`${draft.headline}\n\n${bodyToText(draft.body)}`}</pre>
              <button type="button" className="button button--primary" onClick={() => keepMine((saveState as { current: ConflictInfo }).current)}>
                Keep my version
              </button>
            </div>
          </div>
        </section>
      ) : null}

      <div className="editor">
        <div className="editor__main">
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
              <BodyEditor key={editorKey} initial={draft.body} media={props.media} labelId="body-label" onChange={(body) => change({ body })} />
            )}
            {errors.body ? (
              <p className="field__error" role="alert">
                {errors.body}
              </p>
            ) : null}
          </div>

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
              <p className="serp__url">{`${props.siteUrl}${previewPath}`}</p>
              <p className="serp__title">{`${seoTitle} – ${props.siteName}`.slice(0, 70)}</p>
              <p className="serp__desc">{seoDescription.length > 160 ? `${seoDescription.slice(0, 157)}…` : seoDescription || 'No description yet.'}</p>
            </div>
            <Field id="canonical" label="Canonical URL (only if this story first appeared elsewhere)" error={errors.canonicalUrl}>
              <input id="canonical" type="url" value={draft.canonicalUrl ?? ''} readOnly={readOnly} onChange={(e) => change({ canonicalUrl: e.target.value || null })} />
            </Field>
          </fieldset>
        </div>

        <aside className="editor__side" aria-label="Article settings">
          <section className="panel" aria-labelledby="publish-heading">
            <h2 id="publish-heading">Publishing</h2>
            {publishedAt && status === 'scheduled' ? <p>Scheduled for {formatWhen(publishedAt, props.timeZone, props.locale)}</p> : null}
            {publishedAt && status === 'published' ? <p>Published {formatWhen(publishedAt, props.timeZone, props.locale)}</p> : null}
            <h3>Checklist</h3>
            <ul className="checklist">
              {checklist.map((c) => (
                <li key={c.id} className={c.ok ? '' : 'is-problem'}>
                  {c.label}
                  {c.detail ? ` (${c.detail})` : ''}
                </li>
              ))}
            </ul>
            <div className="button-row">
              {permissions.submit && status === 'draft' ? (
                <button type="button" className="button button--primary" disabled={busy} onClick={() => void runTransition('submit')}>
                  Submit for review
                </button>
              ) : null}
              {permissions.edit && status === 'in_review' ? (
                <button type="button" className="button" disabled={busy} onClick={() => void runTransition('return_to_draft')}>
                  Return to draft
                </button>
              ) : null}
              {permissions.publish && ['draft', 'in_review', 'scheduled', 'withdrawn'].includes(status) ? (
                <button type="button" className="button button--primary" disabled={busy} onClick={() => void runTransition('publish')}>
                  {status === 'withdrawn' ? 'Republish' : 'Publish now'}
                </button>
              ) : null}
              {permissions.publish && status === 'scheduled' ? (
                <button type="button" className="button" disabled={busy} onClick={() => void runTransition('unschedule')}>
                  Unschedule
                </button>
              ) : null}
              {permissions.withdraw && status === 'published' ? (
                <button type="button" className="button button--danger" disabled={busy} onClick={() => void runTransition('withdraw')}>
                  Withdraw
                </button>
              ) : null}
            </div>
            {permissions.publish && ['draft', 'in_review', 'scheduled'].includes(status) ? (
              <div className="field">
                <label htmlFor="publish-at">Publish at (your computer’s clock)</label>
                <input id="publish-at" type="datetime-local" step={1} value={publishAt} onChange={(e) => setPublishAt(e.target.value)} />
                <button type="button" className="button" disabled={busy || !publishAt} onClick={() => void runTransition('schedule')}>
                  Schedule
                </button>
              </div>
            ) : null}
            <div aria-live="polite">
              {outcome ? (
                <div className={outcome.problems?.length ? 'notice notice--error' : 'notice'}>
                  <p style={{ margin: 0 }}>{outcome.message}</p>
                  {outcome.problems?.length ? (
                    <ul>
                      {outcome.problems.map((p) => (
                        <li key={p.id}>{p.label}</li>
                      ))}
                    </ul>
                  ) : null}
                  {outcome.retry ? (
                    <button type="button" className="button button--small" onClick={outcome.retry}>
                      Publish anyway
                    </button>
                  ) : null}
                </div>
              ) : null}
            </div>
            <Field id="embargo" label="Embargo until (nothing publishes before)" error={errors.embargoUntil}>
              <input id="embargo" type="datetime-local" value={toLocalInput(draft.embargoUntil)} readOnly={readOnly} onChange={(e) => change({ embargoUntil: fromLocalInput(e.target.value) })} />
            </Field>
          </section>

          <section className="panel" aria-labelledby="placement-heading">
            <h2 id="placement-heading">Placement</h2>
            <Field id="section" label="Section" error={errors.sectionId}>
              <select id="section" value={draft.sectionId ?? ''} disabled={readOnly} onChange={(e) => change({ sectionId: e.target.value ? Number(e.target.value) : null })}>
                <option value="">No section yet</option>
                {sectionOptions.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            </Field>
            <Field
              id="slug"
              label="Slug"
              error={errors.slug}
              hint={props.firstPublishedAt ? 'Changing it moves the article; the old address will redirect.' : `Address: ${previewPath}`}
            >
              <input
                id="slug"
                type="text"
                value={draft.slug}
                readOnly={readOnly}
                onChange={(e) => {
                  setSlugTouched(true);
                  change({ slug: e.target.value.toLowerCase().replace(/[^a-z0-9-]/g, '-').slice(0, 120) });
                }}
                onBlur={() => change({ slug: slugify(draft.slug) })}
              />
            </Field>
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
                {props.tagNames.map((t) => (
                  <option key={t} value={t} />
                ))}
              </datalist>
              {errors.tags ? <p className="field__error">{errors.tags}</p> : null}
            </div>
          </section>

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

          <section className="panel" aria-labelledby="image-heading">
            <h2 id="image-heading">Featured image</h2>
            <Field id="featured" label="Image" error={errors.featuredImageId}>
              <select id="featured" value={draft.featuredImageId ?? ''} disabled={readOnly} onChange={(e) => change({ featuredImageId: e.target.value ? Number(e.target.value) : null })}>
                <option value="">No image</option>
                {props.media.map((m) => (
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

          <section className="panel" aria-labelledby="comments-heading">
            <h2 id="comments-heading">Comments</h2>
            <Field id="comment-mode" label="Comments" error={errors.commentMode}>
              <select id="comment-mode" value={draft.commentMode} disabled={readOnly} onChange={(e) => change({ commentMode: e.target.value as ArticleDraft['commentMode'] })}>
                <option value="open">Open (site policy applies)</option>
                <option value="moderated">Every comment held for moderation</option>
                <option value="closed">Closed</option>
              </select>
            </Field>
            <Field id="comments-close" label="Close comments at (optional)" error={errors.commentsCloseAt}>
              <input id="comments-close" type="datetime-local" value={toLocalInput(draft.commentsCloseAt)} readOnly={readOnly} onChange={(e) => change({ commentsCloseAt: fromLocalInput(e.target.value) })} />
            </Field>
          </section>
        </aside>
      </div>
    </div>
  );
}
