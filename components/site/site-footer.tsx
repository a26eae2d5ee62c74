import Link from 'next/link';
import type { SiteSettings } from '@/db/queries/settings';

/**
 * Who publishes the paper, said once: a description that already names the paper ("The Port
 * Ellery Standard is the independent daily…") stands alone, since putting the name before it said
 * the name twice; one that does not is introduced by the name.
 */
function aboutLine({ name, description }: SiteSettings): string {
  if (!description) return name;
  return description.includes(name) ? description : `${name} · ${description}`;
}

export function SiteFooter({ settings }: { settings: SiteSettings }) {
  return (
    <footer className="site-footer">
      <p className="site-footer__about">{aboutLine(settings)}</p>
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
