import type { Metadata } from 'next';

// Rendered per request so the proxy's 503 status is never replaced by a cached 200.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Temporarily unavailable', robots: { index: false } };

// Served by the proxy with status 503 while the database cannot be reached; it needs no data.
export default function Unavailable() {
  return (
    <main id="main" className="standalone">
      <p className="kicker">Error 503</p>
      <h1>We’ll be back in a moment</h1>
      <p>The newspaper cannot reach its archive just now. Nothing is lost: please try again in a minute.</p>
    </main>
  );
}
