import { Fragment } from 'react';
import type { Segment } from '@/lib/search-query';

/** Text with the matched words in <mark>: the segments are plain text, never HTML. */
export function Highlighted({ segments }: { segments: Segment[] }) {
  return (
    <>
      {segments.map((s, i) => (s.mark ? <mark key={i}>{s.text}</mark> : <Fragment key={i}>{s.text}</Fragment>))}
    </>
  );
}
