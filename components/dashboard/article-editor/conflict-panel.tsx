'use client';

import type { ConflictInfo } from '@/db/mutations/articles';
import { bodyToText } from '@/lib/article-body';
import type { ArticleDraft } from '@/lib/article-draft';
import { formatWhen } from '@/lib/newsroom-format';

/** Someone else saved first: both versions side by side, and the choice between them. */
export function ConflictPanel({
  current,
  mine,
  onTakeTheirs,
  onKeepMine,
  timeZone,
  locale,
}: {
  current: ConflictInfo;
  mine: ArticleDraft;
  onTakeTheirs: (current: ConflictInfo) => void;
  onKeepMine: (current: ConflictInfo) => void;
  timeZone: string;
  locale: string;
}) {
  return (
    <section className="conflict" aria-labelledby="conflict-heading">
      <h2 id="conflict-heading">Someone else saved this article</h2>
      <p>
        {current.savedBy ?? 'Someone'} saved version {current.version} at {formatWhen(current.savedAt, timeZone, locale)}. Your changes were
        not saved and nothing was overwritten. Compare the two and choose.
      </p>
      <div className="conflict__versions">
        <div>
          <h3>Their version</h3>
          <pre data-testid="conflict-theirs">{`${current.draft.headline}\n\n${bodyToText(current.draft.body)}`}</pre>
          <button type="button" className="button" onClick={() => onTakeTheirs(current)}>
            Use their version
          </button>
        </div>
        <div>
          <h3>Your version</h3>
          <pre data-testid="conflict-mine">{`${mine.headline}\n\n${bodyToText(mine.body)}`}</pre>
          <button type="button" className="button button--primary" onClick={() => onKeepMine(current)}>
            Keep my version
          </button>
        </div>
      </div>
    </section>
  );
}
