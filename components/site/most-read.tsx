import Link from 'next/link';
import { listMostRead } from '@/db/queries/views';

// "Most read": the live stories read most in the last 24 hours, numbered. The list is cached and
// refreshed every few minutes (db/queries/views.ts), so it is the same for every reader and the
// page around it stays cacheable. Nothing shows until there is something to rank.
export async function MostRead({ limit = 5, className = 'most-read' }: { limit?: number; className?: string }) {
  const items = await listMostRead(limit);
  if (items.length === 0) return null;
  return (
    <section className={className} aria-labelledby="most-read-heading">
      <h2 id="most-read-heading">Most read</h2>
      <ol className="most-read__list">
        {items.map((item) => (
          <li key={item.id}>
            <Link href={item.path} prefetch={false}>
              {item.headline}
            </Link>
          </li>
        ))}
      </ol>
    </section>
  );
}
