import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/helpers';
import { staffPage } from './support/newsroom';

// The newsroom's page of WordPress imports: admins find it in the navigation and it passes axe;
// editors neither see it nor reach it (importing creates staff and sections).

test('an admin finds the imports page in the newsroom; an editor cannot open it', async ({ browser }) => {
  const admin = await staffPage(browser, 'admin');
  await admin.goto('/dashboard');
  await admin.getByRole('navigation', { name: 'Newsroom' }).getByRole('link', { name: 'Imports' }).click();
  await expect(admin.getByRole('heading', { level: 1, name: 'Imports from WordPress' })).toBeVisible();
  await expect(admin.getByText('npm run import:wordpress -- export.xml --uploads folder')).toBeVisible();
  await expectNoSeriousA11yViolations(admin, 'imports page');
  await admin.goto('/dashboard/imports?run=999999');
  await expect(admin.getByRole('status').filter({ hasText: 'There is no import #999999.' })).toBeVisible();
  await admin.context().close();

  const editor = await staffPage(browser, 'editor');
  await editor.goto('/dashboard');
  await expect(editor.getByRole('navigation', { name: 'Newsroom' }).getByRole('link', { name: 'Imports' })).toHaveCount(0);
  await editor.goto('/dashboard/imports');
  await expect(editor.getByRole('heading', { level: 1, name: 'Imports from WordPress' })).toHaveCount(0);
  await editor.context().close();
});
