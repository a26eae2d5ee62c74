import Link from 'next/link';

/** What a reader sees for an address with nothing behind it, inside the site's masthead and footer. */
export function NotFoundNotice() {
  return (
    <div className="notice-page">
      <p className="kicker">Error 404</p>
      <h1>We couldn’t find that page</h1>
      <p>The address may be mistyped, or the story may have moved. Try the sections above, or start again from the front page.</p>
      <p>
        <Link href="/">Go to the front page</Link>
      </p>
    </div>
  );
}
