import { NewArticleForm } from '@/components/dashboard/new-article-form';
import { listSectionOptions } from '@/db/queries/dashboard-articles';
import { requireRole } from '@/server/auth/session';
import { createArticleAction } from '../../_actions/articles';

export const metadata = { title: 'New article' };

export default async function NewArticlePage() {
  await requireRole();
  const sections = await listSectionOptions();
  return (
    <div>
      <h1>New article</h1>
      <NewArticleForm sections={sections.map((s) => ({ id: s.id, name: s.name }))} action={createArticleAction} />
    </div>
  );
}
