'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

// Re-renders the server page it sits on every `everyMs` while `active` (a running import's
// progress): the page reads the run again; nothing but the refresh happens here.
export function AutoRefresh({ active, everyMs = 2000 }: { active: boolean; everyMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => router.refresh(), everyMs);
    return () => clearInterval(timer);
  }, [active, everyMs, router]);
  return null;
}
