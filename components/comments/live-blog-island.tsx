'use client';

import { useEffect, useRef, useState, type ReactNode } from 'react';
import { LiveEntry, entryTime } from '@/components/ui/live-entry';
import { applyInPlace, applyUpdate, entryAnchor, hasWaitingChanges, nextPollDelay, unseenCount, type LiveEntryView, type LiveShown, type LiveUpdate } from '@/lib/live-blog';

// The live blog's reader island. The server renders the whole blog (this component's first render
// is that HTML, so the page reads completely without JavaScript); in the browser it asks the
// update endpoint what changed since the version it holds, at the interval the server sends in
// each answer, only while the tab is visible, and not at all once coverage has ended. Edits and
// deletions of entries on screen apply in place; new entries, a newly pinned entry and new key
// events wait behind the "N new updates" button, so nothing pushes the text being read.

/** `removedHeight`: a deleted entry's room, kept (words gone) until the reader next shows updates. */
type Entry = LiveEntryView & { node?: ReactNode; removedHeight?: number };
type Shown = Omit<LiveShown, 'entries' | 'pinned'> & { entries: Entry[]; pinned: Entry | null };

export type LiveBlogIslandProps = {
  updatesUrl: string;
  version: number;
  interval: number;
  live: boolean;
  initial: Shown;
  locale: string;
  timeZone: string;
};

export function LiveBlogIsland({ updatesUrl, version, interval, live: liveAtRender, initial, locale, timeZone }: LiveBlogIslandProps) {
  const [shown, setShown] = useState<Shown>(initial);
  const [latest, setLatest] = useState<Shown>(initial);
  const [live, setLive] = useState(liveAtRender);
  const [freshIds, setFreshIds] = useState<Set<number>>(new Set());
  const state = useRef({ version, interval, latest: initial, shown: initial });

  useEffect(() => {
    if (!liveAtRender) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    let lastPoll = Date.now();
    let stopped = false;
    let inFlight = false;

    const apply = (update: LiveUpdate) => {
      const s = state.current;
      s.version = update.version;
      s.interval = update.interval;
      s.latest = applyUpdate(s.latest, update) as Shown;
      // A deleted entry on screen loses its words at once but keeps its room, so the text after
      // it does not jump; the room goes when the reader next shows updates.
      const gone = new Set(update.reset ? [] : update.deleted);
      const next = applyInPlace(s.shown, update) as Shown;
      const kept = new Map(next.entries.map((e) => [e.id, e]));
      s.shown = {
        ...next,
        entries: s.shown.entries.flatMap((e): Entry[] => {
          if (gone.has(e.id)) return [{ ...e, html: '', node: undefined, removedHeight: e.removedHeight ?? document.getElementById(entryAnchor(e.id))?.offsetHeight ?? 0 }];
          const now = kept.get(e.id);
          return now ? [now] : [];
        }),
      };
      setLatest(s.latest);
      setShown(s.shown);
    };

    const schedule = (ms: number) => {
      clearTimeout(timer);
      // A little spread, so readers who opened the page together do not ask together for ever; never
      // later than the interval the server named, which is the longest a reader waits for news.
      timer = setTimeout(poll, ms * (0.9 + Math.random() * 0.1));
    };

    async function poll() {
      if (stopped || inFlight) return;
      // Hidden: ask nothing. The visibilitychange handler resumes when the reader is back.
      if (document.visibilityState !== 'visible') return;
      inFlight = true;
      lastPoll = Date.now();
      try {
        const response = await fetch(`${updatesUrl}?since=${state.current.version}`, { headers: { Accept: 'application/json' } });
        if (!response.ok) throw new Error(String(response.status));
        const update = (await response.json()) as LiveUpdate;
        failures = 0;
        apply(update);
        if (!update.live) {
          stopped = true;
          setLive(false);
        }
      } catch {
        failures += 1;
      } finally {
        inFlight = false;
      }
      if (!stopped) schedule(nextPollDelay(state.current.interval, failures));
    }

    const onVisibility = () => {
      if (document.visibilityState !== 'visible') {
        clearTimeout(timer);
        return;
      }
      const due = nextPollDelay(state.current.interval, failures) - (Date.now() - lastPoll);
      schedule(Math.max(0, due));
    };
    document.addEventListener('visibilitychange', onVisibility);
    schedule(nextPollDelay(state.current.interval, 0));
    return () => {
      stopped = true;
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [liveAtRender, updatesUrl]);

  const count = unseenCount(shown, latest);
  const waiting = hasWaitingChanges(shown, latest);

  const showUpdates = () => {
    const held = new Set(shown.entries.map((e) => e.id));
    const added = latest.entries.filter((e) => !held.has(e.id));
    state.current.shown = latest;
    setShown(latest);
    setFreshIds(new Set(added.map((e) => e.id)));
    // Take the reader to the newest entry they asked for (focus moves there for screen readers too).
    const first = added[0] ?? latest.entries[0];
    if (first) {
      requestAnimationFrame(() => {
        const element = document.getElementById(entryAnchor(first.id));
        if (!element) return;
        const reduce = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
        element.focus({ preventScroll: true });
        element.scrollIntoView({ behavior: reduce ? 'auto' : 'smooth', block: 'start' });
      });
    }
  };

  return (
    <>
      {shown.keyEvents.length > 0 ? (
        <nav className="live-blog__key-events" aria-labelledby="key-events-heading">
          <h3 id="key-events-heading">Key events</h3>
          <ol>
            {shown.keyEvents.map((k) => (
              <li key={k.id}>
                <a href={k.href}>
                  <time dateTime={k.postedAt} suppressHydrationWarning>
                    {entryTime(k.postedAt, locale, timeZone)}
                  </time>{' '}
                  {k.label}
                </a>
              </li>
            ))}
          </ol>
        </nav>
      ) : null}

      <div className="live-blog__bar" aria-live="polite">
        {waiting ? (
          <button type="button" className="live-blog__new" onClick={showUpdates}>
            {count === 0 ? 'Show the latest changes' : count === 1 ? '1 new update' : `${count} new updates`}
          </button>
        ) : (
          <p className="live-blog__status">{live ? 'Live: new updates will appear here.' : 'Coverage has ended.'}</p>
        )}
      </div>

      {shown.pinned ? (
        <section className="live-blog__pinned" aria-label="Pinned update">
          <LiveEntry entry={shown.pinned} body={shown.pinned.node} locale={locale} timeZone={timeZone} anchor={false} />
        </section>
      ) : null}

      <div className="live-blog__entries">
        {shown.entries.map((e) =>
          e.removedHeight !== undefined ? (
            <div key={e.id} className="live-entry live-entry--removed" style={{ minHeight: e.removedHeight }}>
              <p>This update was removed.</p>
            </div>
          ) : (
            <LiveEntry key={e.id} entry={e} body={e.node} locale={locale} timeZone={timeZone} fresh={freshIds.has(e.id)} />
          ),
        )}
      </div>

      {shown.olderHref ? (
        <p className="live-blog__older">
          <a href={shown.olderHref}>Older updates</a>
        </p>
      ) : null}
    </>
  );
}
