'use client';

import { useEffect, useRef, useState } from 'react';
import type { editingHeartbeatAction } from '@/app/(dashboard)/dashboard/_actions/articles';

/** Presence: says I am here on every heartbeat, and learns who else is editing this article. */
export function useEditingPresence({
  articleId,
  initialOthers,
  heartbeatMs,
  heartbeatAction,
}: {
  articleId: number;
  initialOthers: string[];
  heartbeatMs: number;
  heartbeatAction: typeof editingHeartbeatAction;
}): string[] {
  const [others, setOthers] = useState(initialOthers);
  // Each refresh of the page hands over a new function for the same action: the heartbeat reads
  // the latest through a ref instead of restarting.
  const heartbeatActionRef = useRef(heartbeatAction);
  heartbeatActionRef.current = heartbeatAction;

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
    const timer = window.setInterval(beat, heartbeatMs);
    return () => {
      stopped = true;
      window.clearInterval(timer);
    };
  }, [articleId, heartbeatMs]);

  return others;
}
