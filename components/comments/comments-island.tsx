'use client';

import { useCallback, useEffect, useRef, useState, type ComponentType, type ReactNode } from 'react';
import { fetchThread } from './client-store';
import type { IslandProps, ThreadResponse } from '../../lib/comments/thread-types';
import type { CarriedDraft } from './comment-thread';

// The comment island's front door: tiny, and the only comment code a page loads up front. Until
// the thread scrolls into view (or the address points at a comment), readers see the
// server-rendered thread and plain form; then the interactive thread is fetched with its data
// and takes their place, keeping anything already typed into the plain form.
//
// A reader may be typing while the thread loads, so what they typed is read at the last possible
// moment: the thread mounts beside the plain form, and in its layout effect (after React's commit,
// before the browser handles the next key) takes the plain form's values, focus and caret and has
// the plain form removed. No keystroke can land between the reading and the swap.

type ThreadModule = ComponentType<IslandProps & { initial: ThreadResponse; takeDraft: () => CarriedDraft }>;

function readDraft(container: HTMLElement | null): CarriedDraft {
  const form = container?.querySelector('form');
  const value = (name: string) => {
    const el = form?.elements.namedItem(name);
    return el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement ? el.value : '';
  };
  const active = document.activeElement;
  const name = active && form?.contains(active) ? active.getAttribute('name') : null;
  const focus = name === 'name' || name === 'email' || name === 'comment' ? name : null;
  let selection: CarriedDraft['selection'] = null;
  // Email inputs have no selection API (selectionStart is null there).
  if (focus && (active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement) && active.selectionStart !== null && active.selectionEnd !== null) {
    selection = { start: active.selectionStart, end: active.selectionEnd, direction: active.selectionDirection ?? 'none' };
  }
  return { name: value('name'), email: value('email'), comment: value('comment'), focus, selection };
}

export function CommentsIsland({ children, ...props }: IslandProps & { children: ReactNode }) {
  const root = useRef<HTMLDivElement>(null);
  const plain = useRef<HTMLDivElement>(null);
  const [live, setLive] = useState<{ Thread: ThreadModule; initial: ThreadResponse } | null>(null);
  const [plainGone, setPlainGone] = useState(false);

  // Called once by the thread as it mounts: read the plain form, then let it go.
  const takeDraft = useCallback(() => {
    const draft = readDraft(plain.current);
    setPlainGone(true);
    return draft;
  }, []);

  useEffect(() => {
    const el = root.current;
    if (!el) return;
    let started = false;
    let observer: IntersectionObserver | undefined;
    const start = () => {
      if (started) return;
      started = true;
      observer?.disconnect();
      Promise.all([import('./comment-thread'), fetchThread(props.articleId, 'oldest', null)])
        .then(([mod, initial]) => setLive({ Thread: mod.CommentThread, initial }))
        // Offline or failing: the server-rendered thread and the plain form still work.
        .catch(() => {});
    };
    if (/^#(comment-\d+|comments|respond)$/.test(window.location.hash) || typeof IntersectionObserver === 'undefined') {
      start();
      return;
    }
    observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && start(), { rootMargin: '300px 0px' });
    observer.observe(el);
    const onHash = () => /^#comment-\d+$/.test(window.location.hash) && start();
    window.addEventListener('hashchange', onHash);
    return () => {
      observer?.disconnect();
      window.removeEventListener('hashchange', onHash);
    };
  }, [props.articleId]);

  return (
    <div ref={root} className="comments__island">
      {/* The plain form keeps its place (and its DOM nodes) until the thread has read it. */}
      {plainGone ? null : <div ref={plain}>{children}</div>}
      {live ? <live.Thread {...props} initial={live.initial} takeDraft={takeDraft} /> : null}
    </div>
  );
}
