import Link from 'next/link';

// For URLs that match no route at all. Pages inside the site use app/(site)/not-found.tsx, which
// has the masthead; this one must work without the database.
export default function NotFound() {
  return (
    <main id="main" className="standalone">
      <p className="kicker">Error 404</p>
      <h1>We couldn’t find that page</h1>
      <p>The address may be mistyped, or the page may have moved.</p>
      <p>
        <Link href="/">Go to the front page</Link>
      </p>
    </main>
  );
}
