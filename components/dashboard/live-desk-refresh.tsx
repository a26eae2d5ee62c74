'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';

// Keeps a live blog's desk current while several reporters post at once: every few seconds, while
// the tab is visible, it asks the server for the blog's version (one indexed read) and refreshes
// the page's server half only when a colleague changed something. A refresh keeps the composer's
// state, so a half-written entry is never lost. A hidden tab asks nothing; it catches up as soon as
// it is shown again.

type Props = {
  /** The version the page was rendered at. */
  version: number;
  /** A server action bound to the blog: its current version, or null when it is gone. */
  check: () => Promise<number | null>;
  everySeconds?: number;
};

export function LiveDeskRefresh({ version, check, everySeconds = 5 }: Props) {
  const router = useRouter();
  const seen = useRef(version);
  const [note, setNote] = useState('');

  useEffect(() => {
    seen.current = Math.max(seen.current, version);
  }, [version]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let stopped = false;
    let asking = false;
    const ask = async () => {
      timer = null;
      if (stopped || asking || document.visibilityState !== 'visible') return;
      asking = true;
      try {
        const current = await check();
        if (!stopped && current != null && current > seen.current) {
          seen.current = current;
          setNote(`Updated at ${new Date().toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })} with colleagues’ changes.`);
          router.refresh();
        }
      } catch {
        // The newsroom could not be reached: ask again at the next turn.
      } finally {
        asking = false;
      }
      if (!stopped && document.visibilityState === 'visible') timer = setTimeout(ask, everySeconds * 1000);
    };
    const onVisibility = () => {
      if (document.visibilityState === 'visible' && timer === null) void ask();
    };
    timer = setTimeout(ask, everySeconds * 1000);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [check, everySeconds, router]);

  return (
    <p className="live-desk__refresh" role="status" aria-live="polite">
      {note}
    </p>
  );
}
