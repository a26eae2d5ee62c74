import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { requireRole } from '@/server/auth/session';
import { can, ROLE_LABELS } from '@/lib/permissions';
import { signOutAction } from './_actions/session';

// Every dashboard page is rendered per request for the person asking; nothing here is cached.
export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: { default: 'Newsroom', template: '%s – Newsroom' }, robots: { index: false, follow: false } };

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const me = await requireRole();
  const links: { href: string; label: string; show: boolean }[] = [
    { href: '/dashboard', label: 'Home', show: true },
    { href: '/dashboard/articles', label: 'Articles', show: true },
    { href: '/dashboard/articles/new', label: 'New article', show: can(me, 'article.create') },
    { href: '/dashboard/media', label: 'Media', show: can(me, 'media.upload') },
    { href: '/dashboard/live', label: 'Live blogs', show: can(me, 'live.post') },
    // Everyone: editors moderate; authors and contributors read the comments on their own articles.
    { href: '/dashboard/comments', label: 'Comments', show: true },
    { href: '/dashboard/sections', label: 'Sections & tags', show: can(me, 'sections.manage') },
    { href: '/dashboard/front-page', label: 'Front page', show: can(me, 'layout.manage') },
    { href: '/dashboard/staff', label: 'Staff', show: can(me, 'staff.manage') },
    { href: '/dashboard/settings', label: 'Settings', show: can(me, 'settings.manage') },
    { href: '/dashboard/audience', label: 'Audience', show: can(me, 'audience.view') },
    { href: '/dashboard/audit', label: 'Audit log', show: can(me, 'audit.view') },
    { href: '/dashboard/imports', label: 'Imports', show: can(me, 'settings.manage') },
    { href: '/dashboard/profile', label: 'Your profile', show: true },
  ];
  return (
    <div className="dash">
      <a className="skip-link" href="#dash-main">
        Skip to content
      </a>
      <header className="dash__bar">
        <p className="dash__brand">
          <Link href="/dashboard">Newsroom</Link>
        </p>
        <nav aria-label="Newsroom" className="dash__nav">
          <ul>
            {links
              .filter((l) => l.show)
              .map((l) => (
                <li key={l.href}>
                  <Link href={l.href}>{l.label}</Link>
                </li>
              ))}
          </ul>
        </nav>
        <div className="dash__me">
          <span>
            {me.name} <span className="badge">{ROLE_LABELS[me.role]}</span>
          </span>
          <form action={signOutAction}>
            <button type="submit" className="button button--quiet">
              Sign out
            </button>
          </form>
        </div>
      </header>
      <main id="dash-main" className="dash__main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
