import { StateForm } from '@/components/dashboard/state-form';
import { listSectionsWithCounts, listTagsWithCounts } from '@/db/queries/taxonomy';
import { requireRole } from '@/server/auth/session';
import { rolesFor } from '@/lib/permissions';
import { deleteSectionAction, deleteTagAction, renameTagAction, saveSectionAction } from '../_actions/taxonomy';

export const metadata = { title: 'Sections and tags' };

export default async function SectionsPage() {
  await requireRole(...rolesFor('sections.manage'));
  const [sections, tags] = await Promise.all([listSectionsWithCounts(), listTagsWithCounts()]);
  return (
    <div>
      <h1>Sections and tags</h1>
      <div className="grid">
        <section className="panel" aria-labelledby="new-section">
          <h2 id="new-section">New section</h2>
          <StateForm
            idPrefix="new-section"
            action={saveSectionAction}
            submitLabel="Create section"
            fields={[
              { name: 'name', label: 'Name', type: 'text', required: true, maxLength: 80 },
              { name: 'slug', label: 'Slug', type: 'text', required: true, hint: 'The section’s address, like /local-news. It cannot change once articles are published in it.' },
              { name: 'description', label: 'Description', type: 'textarea', maxLength: 500 },
              { name: 'position', label: 'Position in the menu', type: 'number', defaultValue: String(sections.length) },
            ]}
          />
        </section>
      </div>
      <h2>Sections</h2>
      <div className="grid">
        {sections.map((s) => (
          <section className="panel" key={s.id} aria-label={`Section ${s.name}`}>
            <h3>
              {s.name} <span className="muted">({s.articles} articles)</span>
            </h3>
            <StateForm
              idPrefix={`section-${s.id}`}
              action={saveSectionAction}
              submitLabel="Save section"
              fields={[
                { name: 'id', label: '', type: 'hidden', defaultValue: String(s.id) },
                { name: 'name', label: 'Name', type: 'text', defaultValue: s.name, required: true },
                { name: 'slug', label: 'Slug', type: 'text', defaultValue: s.slug, required: true },
                { name: 'description', label: 'Description', type: 'textarea', defaultValue: s.description },
                { name: 'position', label: 'Position in the menu', type: 'number', defaultValue: String(s.position) },
              ]}
            />
            {s.articles === 0 ? (
              <StateForm idPrefix={`section-del-${s.id}`} action={deleteSectionAction} submitLabel="Delete section" danger fields={[{ name: 'id', label: '', type: 'hidden', defaultValue: String(s.id) }]} />
            ) : null}
          </section>
        ))}
      </div>
      <h2>Tags</h2>
      <p className="muted">Tags are created in the article editor. Rename or delete them here.</p>
      <div className="grid">
        {tags.map((t) => (
          <section className="panel" key={t.id} aria-label={`Tag ${t.name}`}>
            <h3>
              {t.name} <span className="muted">({t.articles} articles)</span>
            </h3>
            <StateForm
              idPrefix={`tag-${t.id}`}
              action={renameTagAction}
              submitLabel="Save tag"
              fields={[
                { name: 'id', label: '', type: 'hidden', defaultValue: String(t.id) },
                { name: 'name', label: 'Name', type: 'text', defaultValue: t.name, required: true },
                { name: 'description', label: 'Description', type: 'textarea', defaultValue: t.description },
              ]}
            />
            <StateForm idPrefix={`tag-del-${t.id}`} action={deleteTagAction} submitLabel="Delete tag" danger fields={[{ name: 'id', label: '', type: 'hidden', defaultValue: String(t.id) }]} />
          </section>
        ))}
      </div>
    </div>
  );
}
