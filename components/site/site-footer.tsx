import Link from 'next/link';
import type { SiteSettings } from '@/db/queries/settings';

export function SiteFooter({ settings }: { settings: SiteSettings }) {
  return (
    <footer className="site-footer">
      <p>
        {settings.name}
        {settings.description ? ` · ${settings.description}` : null}
      </p>
      <nav aria-label="About this site">
        <ul>
          <li>
            <Link href="/about">About us</Link>
          </li>
          <li>
            <Link href="/corrections">Corrections</Link>
          </li>
          <li>
            <Link href="/privacy">Privacy</Link>
          </li>
        </ul>
      </nav>
    </footer>
  );
}
