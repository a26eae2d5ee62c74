import Link from 'next/link';
import type { SectionLink, SiteSettings } from '@/db/queries/settings';
import { sectionPath } from '@/lib/urls';
import { SearchBox } from './search-box';

export function Masthead({ settings, sections }: { settings: SiteSettings; sections: SectionLink[] }) {
  return (
    <header className="masthead">
      <div className="masthead__inner">
        <p className="masthead__name">
          <Link href="/">{settings.name}</Link>
        </p>
        {settings.tagline ? <p className="masthead__tagline">{settings.tagline}</p> : null}
        <SearchBox />
      </div>
      <nav className="sections-nav" aria-label="Sections">
        <ul>
          <li>
            <Link href="/">Home</Link>
          </li>
          {/* The sections are not prefetched: Next fetches every link in view, and on each page
              view that was one request per section in the bar. The front page (the paper's name
              and Home) still is, being where a reader most often goes next. */}
          {sections.map((s) => (
            <li key={s.slug}>
              <Link href={sectionPath(s.slug)} prefetch={false}>
                {s.name}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
