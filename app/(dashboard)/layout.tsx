import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import './dashboard.css';

// The newsroom's pages (sign-in and the dashboard): never indexed, never cached, and their own
// styles and scripts, so none of this reaches readers' pages.
export const metadata: Metadata = {
  robots: { index: false, follow: false },
};

export default function NewsroomLayout({ children }: { children: ReactNode }) {
  return <div className="newsroom">{children}</div>;
}
