import 'server-only';
import { eq } from 'drizzle-orm';
import { assertCan, type Actor } from '../../lib/permissions';
import { getDb } from '../client';
import { recorded } from '../invalidation';
import { auditLog, siteSettings } from '../schema';
import { type CommentPolicy } from '../../lib/domain';
import { settingsChangeTags } from '../tags';

export type SettingsInput = { name: string; tagline: string; timeZone: string; staffEmailFormula: string; commentPolicy: CommentPolicy; commentsCloseAfterDays: number; blockingChecks: string[] };

export async function updateSettings(actor: Actor, input: SettingsInput): Promise<{ expire: string[] }> {
  assertCan(actor, 'settings.manage');
  await getDb().transaction(async (tx) => {
    await tx.update(siteSettings).set({ ...input, modifiedAt: new Date() }).where(eq(siteSettings.id, 1));
    await tx.insert(auditLog).values({ staffId: actor.id, action: 'settings.update', subject: 'site', detail: { name: input.name, timeZone: input.timeZone, commentPolicy: input.commentPolicy } });
    await recorded(tx, settingsChangeTags());
  });
  return { expire: settingsChangeTags() };
}
