import type { ArticlePage } from '@/db/queries/articles';
import { Timestamp } from './timestamp';

const LABEL = { correction: 'Correction', clarification: 'Clarification', update: 'Update' } as const;

export function CorrectionsBox({ corrections, locale, timeZone }: { corrections: ArticlePage['corrections']; locale: string; timeZone: string }) {
  if (corrections.length === 0) return null;
  return (
    <aside className="corrections" aria-labelledby="corrections-heading">
      <h2 id="corrections-heading">Corrections and clarifications</h2>
      <ul>
        {corrections.map((c) => (
          <li key={c.id}>
            <strong>{LABEL[c.kind]}</strong>, <Timestamp iso={c.publishedAt} locale={locale} timeZone={timeZone} withTime={false} />: {c.body}
          </li>
        ))}
      </ul>
    </aside>
  );
}
