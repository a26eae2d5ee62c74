import type { ReactNode } from 'react';
import { Masthead } from '@/components/site/masthead';
import { SiteFooter } from '@/components/site/site-footer';
import { getSiteSettings, listSections } from '@/db/queries/settings';

export default async function SiteLayout({ children }: { children: ReactNode }) {
  const [settings, sections] = await Promise.all([getSiteSettings(), listSections()]);
  return (
    <div className="site">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Masthead settings={settings} sections={sections} />
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <SiteFooter settings={settings} />
    </div>
  );
}
