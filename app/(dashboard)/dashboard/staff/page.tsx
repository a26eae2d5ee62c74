import { StateForm } from '@/components/dashboard/state-form';
import { formatWhen } from '@/lib/newsroom-format';
import { listOpenInvites } from '@/db/queries/admin';
import { getSiteSettings } from '@/db/queries/settings';
import { listStaff } from '@/db/queries/staff';
import { STAFF_ROLES } from '@/lib/domain';
import { requireRole } from '@/server/auth/session';
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from '@/lib/permissions';
import { changeRoleAction, inviteStaffAction, setActiveAction } from '../_actions/admin';

export const metadata = { title: 'Staff' };

const roleOptions = STAFF_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

export default async function StaffPage() {
  const me = await requireRole('admin');
  const [people, invites, settings] = await Promise.all([listStaff(), listOpenInvites(), getSiteSettings()]);
  return (
    <div>
      <h1>Staff</h1>
      <div className="grid">
        <section className="panel" aria-labelledby="invite-heading">
          <h2 id="invite-heading">Invite someone</h2>
          <StateForm
            idPrefix="invite"
            action={inviteStaffAction}
            submitLabel="Create invitation link"
            fields={[
              { name: 'name', label: 'Name', type: 'text', required: true },
              { name: 'email', label: 'Email', type: 'email', required: true },
              { name: 'role', label: 'Role', type: 'select', options: roleOptions, defaultValue: 'contributor' },
            ]}
          />
          {invites.length ? (
            <>
              <h3>Open invitations</h3>
              <ul>
                {invites.map((i) => (
                  <li key={i.id}>
                    {i.email} as {ROLE_LABELS[i.role]}, until {formatWhen(i.expiresAt, settings.timeZone, settings.locale)}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
        <section className="panel" aria-labelledby="roles-heading">
          <h2 id="roles-heading">What each role may do</h2>
          <dl>
            {STAFF_ROLES.slice()
              .reverse()
              .map((r) => (
                <div key={r}>
                  <dt>
                    <strong>{ROLE_LABELS[r]}</strong>
                  </dt>
                  <dd style={{ margin: '0 0 0.5rem' }}>{ROLE_DESCRIPTIONS[r]}</dd>
                </div>
              ))}
          </dl>
        </section>
      </div>
      <h2>Everyone</h2>
      <div className="grid">
        {people.map((p) => (
          <section className="panel" key={p.id} aria-label={p.name}>
            <h3>
              {p.name} {p.active ? null : <span className="badge badge--warn">Deactivated</span>}
            </h3>
            <p className="muted" style={{ margin: 0 }}>
              {p.email}
              {p.jobTitle ? `, ${p.jobTitle}` : ''}
            </p>
            {p.id === me.id ? (
              <p>
                {ROLE_LABELS[p.role]} (you)
              </p>
            ) : (
              <>
                <StateForm
                  idPrefix={`role-${p.id}`}
                  action={changeRoleAction}
                  submitLabel="Change role"
                  inline
                  fields={[
                    { name: 'id', label: '', type: 'hidden', defaultValue: String(p.id) },
                    { name: 'role', label: `Role of ${p.name}`, type: 'select', options: roleOptions, defaultValue: p.role },
                  ]}
                />
                <StateForm
                  idPrefix={`active-${p.id}`}
                  action={setActiveAction}
                  submitLabel={p.active ? 'Deactivate' : 'Reactivate'}
                  danger={p.active}
                  fields={[
                    { name: 'id', label: '', type: 'hidden', defaultValue: String(p.id) },
                    { name: 'active', label: '', type: 'hidden', defaultValue: p.active ? 'false' : 'true' },
                  ]}
                />
              </>
            )}
          </section>
        ))}
      </div>
    </div>
  );
}
