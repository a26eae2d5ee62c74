import Link from 'next/link';
import type { BylineAuthor } from '@/db/queries/articles';
import { authorPath } from '@/lib/urls';

export function Byline({ authors, collective }: { authors: BylineAuthor[]; collective: string | null }) {
  if (authors.length === 0) return collective ? <p className="byline">{collective}</p> : null;
  return (
    <p className="byline">
      By{' '}
      {authors.map((a, i) => (
        <span key={a.slug}>
          {i > 0 ? (i === authors.length - 1 ? ' and ' : ', ') : null}
          {/* Not prefetched: an author's page is seldom the next page a reader opens. */}
          <Link href={authorPath(a.slug)} rel="author" prefetch={false}>
            {a.name}
          </Link>
        </span>
      ))}
    </p>
  );
}
