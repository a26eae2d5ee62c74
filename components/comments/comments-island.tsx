'use client';

import { useEffect, useRef, useState, type ComponentType, type ReactNode } from 'react';
import { fetchThread } from './client-store';
import type { Draft, IslandProps, ThreadResponse } from '../../lib/comments/thread-types';

// The comment island's front door: tiny, and the only comment code a page loads up front. Until
// the thread scrolls into view (or the address points at a comment), readers see the
// server-rendered thread and plain form; then the interactive thread is fetched with its data
// and takes their place, keeping anything already typed into the plain form.

type ThreadModule = ComponentType<IslandProps & { initial: ThreadResponse; draft: Draft & { focus: string | null } }>;

function readDraft(root: HTMLElement): Draft & { focus: string | null } {
  const form = root.querySelector('form');
  const value = (name: string) => {
    const el = form?.elements.namedItem(name);
    return el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement ? el.value : '';
  };
  const active = document.activeElement;
  const focus = active && form?.contains(active) ? active.getAttribute('name') : null;
  return { name: value('name'), email: value('email'), comment: value('comment'), focus };
}

export function CommentsIsland({ children, ...props }: IslandProps & { children: ReactNode }) {
  const root = useRef<HTMLDivElement>(null);
  const [live, setLive] = useState<{ Thread: ThreadModule; initial: ThreadResponse; draft: Draft & { focus: string | null } } | null>(null);

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
        .then(([mod, initial]) => setLive({ Thread: mod.CommentThread, initial, draft: readDraft(el) }))
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
      {live ? <live.Thread {...props} initial={live.initial} draft={live.draft} /> : children}
    </div>
  );
}
