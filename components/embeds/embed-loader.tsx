'use client';

import { useEffect, useRef, useState, type ReactNode } from 'react';

// The click-to-load island of an embed: the server renders the placeholder (title, provider, a
// plain link to the original) as children; once hydrated, this adds the button that swaps it for
// the provider's frame. Nothing is requested from the provider before that click, and without
// JavaScript the placeholder's link is all there is.

export function EmbedLoader({ src, title, action, children }: { src: string; title: string; action: string; children: ReactNode }) {
  const [phase, setPhase] = useState<'static' | 'ready' | 'loaded'>('static');
  const frame = useRef<HTMLIFrameElement>(null);
  useEffect(() => setPhase('ready'), []);
  useEffect(() => {
    if (phase === 'loaded') frame.current?.focus();
  }, [phase]);
  if (phase === 'loaded') {
    return (
      <iframe
        ref={frame}
        className="embed__iframe"
        src={src}
        title={title}
        allow="fullscreen; picture-in-picture; encrypted-media"
        referrerPolicy="strict-origin-when-cross-origin"
        sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-presentation"
      />
    );
  }
  return (
    <div className="embed__placeholder">
      {children}
      {phase === 'ready' ? (
        <button type="button" className="embed__load" onClick={() => setPhase('loaded')}>
          {action}
        </button>
      ) : null}
    </div>
  );
}
