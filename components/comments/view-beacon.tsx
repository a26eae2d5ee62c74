'use client';
import { useEffect } from 'react';

// Counts one view of the article, for the audience figures: once the page is shown, one small
// POST (navigator.sendBeacon) with the article's id and the referring site's host name, nothing
// else. No cookie, no storage, no identifier. Not sent when the reader asks not to be tracked
// (Do Not Track, Global Privacy Control) or the page is only being prerendered. An island rather
// than an inline script so that moving between articles inside the site counts each one too.
// See docs/decisions/2026-12-01-audience-figures.md.

// After the first view in this tab, the next articles were reached through the site's own links.
let viewsInThisDocument = 0;

type Nav = Navigator & { globalPrivacyControl?: boolean; doNotTrack?: string | null };

export function ViewBeacon({ articleId }: { articleId: number }) {
  useEffect(() => {
    const nav = navigator as Nav;
    if (nav.globalPrivacyControl || nav.doNotTrack === '1' || typeof nav.sendBeacon !== 'function') return;
    let sent = false;
    const send = () => {
      if (sent || document.visibilityState !== 'visible') return;
      sent = true;
      let ref = viewsInThisDocument++ > 0 ? location.hostname : '';
      try {
        if (!ref && document.referrer) ref = new URL(document.referrer).hostname;
      } catch {}
      nav.sendBeacon('/api/views', `a=${articleId}&r=${encodeURIComponent(ref)}`);
    };
    send();
    if (sent) return;
    document.addEventListener('visibilitychange', send);
    return () => document.removeEventListener('visibilitychange', send);
  }, [articleId]);
  return null;
}
