'use client';

// Next requires error boundaries to be client components.
export default function SiteError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="notice-page" role="alert">
      <p className="kicker">Something went wrong</p>
      <h1>This page could not be shown</h1>
      <p>It is our fault, not yours. Please try again in a moment.</p>
      <p>
        <button type="button" onClick={reset}>
          Try again
        </button>
      </p>
    </div>
  );
}
