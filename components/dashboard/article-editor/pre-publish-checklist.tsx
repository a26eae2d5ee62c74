'use client';

import type { ArticleDraft } from '@/lib/article-draft';
import { runChecklist } from '@/lib/checklist';
import type { MediaChoice } from '../body-editor';

/** The pre-publish checklist, run on the draft as it is typed (the server runs it again on publishing). */
export function PrePublishChecklist({ draft, featured }: { draft: ArticleDraft; featured: MediaChoice | null }) {
  const checklist = runChecklist({
    headline: draft.headline,
    standfirst: draft.standfirst,
    seoDescription: draft.seoDescription,
    sectionId: draft.sectionId,
    authorCount: draft.authorIds.length,
    bylineText: draft.bylineText,
    body: draft.body,
    featuredAlt: featured ? draft.featuredAlt || featured.alt : null,
    hasFeaturedImage: featured !== null,
  });
  return (
    <>
      <h3>Checklist</h3>
      <ul className="checklist">
        {checklist.map((c) => (
          <li key={c.id} className={c.ok ? '' : 'is-problem'}>
            {c.label}
            {c.detail ? ` (${c.detail})` : ''}
          </li>
        ))}
      </ul>
    </>
  );
}
