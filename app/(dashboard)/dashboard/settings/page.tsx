import { StateForm } from '@/components/dashboard/state-form';
import { getEditableSettings } from '@/db/queries/admin';
import { requireRole } from '@/server/auth/session';
import { CHECKS, CHECK_IDS } from '@/lib/checklist';
import { updateSettingsAction } from '../_actions/admin';

export const metadata = { title: 'Settings' };

export default async function SettingsPage() {
  await requireRole('admin');
  const s = await getEditableSettings();
  if (!s) return <p>The site has no settings row yet: restart the app to create the defaults.</p>;
  return (
    <div>
      <h1>Site settings</h1>
      <StateForm
        idPrefix="settings"
        action={updateSettingsAction}
        submitLabel="Save settings"
        fields={[
          { name: 'name', label: 'Publication name', type: 'text', defaultValue: s.name, required: true },
          { name: 'tagline', label: 'Tagline', type: 'text', defaultValue: s.tagline },
          { name: 'timeZone', label: 'Time zone', type: 'text', defaultValue: s.timeZone, hint: 'Dates on the site and in article addresses use it, e.g. Europe/London.' },
          { name: 'staffEmailFormula', label: 'Staff e-mail formula', type: 'text', defaultValue: s.staffEmailFormula, hint: 'Placeholders: {first_name}, {last_name}, {first_initial}.' },
          {
            name: 'commentPolicy',
            label: 'Comment policy',
            type: 'select',
            defaultValue: s.commentPolicy,
            options: [
              { value: 'hold_first', label: 'Hold a commenter’s first comment for moderation' },
              { value: 'hold_all', label: 'Hold every comment for moderation' },
              { value: 'publish_all', label: 'Publish comments at once (filters still apply)' },
            ],
          },
          { name: 'commentsCloseAfterDays', label: 'Close comments after (days, 0 = never)', type: 'number', defaultValue: String(s.commentsCloseAfterDays) },
          {
            name: 'blockingChecks',
            label: 'Checklist warnings that block publishing (the rest can be overridden; missing alt text always blocks)',
            type: 'checkboxes',
            defaultValue: s.blockingChecks,
            options: CHECK_IDS.filter((c) => c !== 'alt_text').map((c) => ({ value: c, label: CHECKS[c] })),
          },
        ]}
      />
    </div>
  );
}
