import Link from 'next/link';
import type { BreakingStrip as Strip } from '@/db/queries/front-page';
import './front-layout.css';

/**
 * The breaking-news strip above the front page. It is rendered only while it runs: the front page
 * leaves it out at any render after its end, and is never cached past that end (see
 * docs/decisions/2026-12-01-edited-front-page.md). A site path is an ordinary link; an address
 * elsewhere is a plain anchor.
 */
export function BreakingStrip({ strip }: { strip: Strip }) {
  const text = <span className="breaking__text">{strip.text}</span>;
  return (
    <aside className="breaking" aria-label="Breaking news">
      <p className="breaking__line">
        <strong className="breaking__label">Breaking</strong>{' '}
        {strip.href === null ? (
          text
        ) : strip.href.startsWith('/') ? (
          <Link href={strip.href} prefetch={false}>
            {text}
          </Link>
        ) : (
          <a href={strip.href}>{text}</a>
        )}
      </p>
    </aside>
  );
}
