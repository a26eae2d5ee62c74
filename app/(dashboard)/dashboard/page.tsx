import { requireRole } from '@/lib/auth/session';

export const metadata = { title: 'Home' };

export default async function DashboardHome() {
  const me = await requireRole();
  return (
    <div>
      <h1>Good to see you, {me.name.split(' ')[0]}</h1>
    </div>
  );
}
