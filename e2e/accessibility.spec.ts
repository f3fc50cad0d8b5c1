/**
 * axe-core scans every screen (WCAG 2.0, 2.1 and 2.2, A and AA): setup, sign-in, each navigation screen, forms with
 * errors showing, the integrity result and the lock screen. No serious or critical violation is allowed.
 */
import { test, expect } from './fixtures';
import { ADMIN, heading, openScreen, setUpAdmin, signIn, signOut } from './support/herald';
import { expectNoSeriousViolations } from './support/checks';

const navScreens: Array<[link: string, title: string]> = [
  ['Compose', 'Compose'],
  ['Calendar', 'Calendar'],
  ['Approvals', 'Approvals'],
  ['Inbox', 'Inbox'],
  ['Accounts', 'Accounts'],
  ['Audit', 'Audit log'],
  ['Reports', 'Reports'],
  ['Settings', 'Settings'],
  ['Users', 'Users'],
];

test('no screen has a serious or critical axe violation', async ({ page, harness }) => {
  await page.goto('/');
  await expect(heading(page)).toHaveText('Create the first administrator');
  await expectNoSeriousViolations(page, 'setup');
  await page.getByRole('button', { name: 'Create administrator' }).click();
  await expect(page.locator('.govuk-error-summary')).toBeVisible();
  await expectNoSeriousViolations(page, 'setup with errors');

  await setUpAdmin(page);
  for (const [link, title] of navScreens) {
    await openScreen(page, link);
    await expect(heading(page)).toHaveText(title);
    await expect(page.getByText(/^Loading/)).toHaveCount(0);
    await expectNoSeriousViolations(page, title);
  }

  await openScreen(page, 'Users');
  await page.getByRole('button', { name: 'Add user' }).click();
  await expect(page.locator('.govuk-error-summary')).toBeVisible();
  await expectNoSeriousViolations(page, 'users with errors');

  await openScreen(page, 'Audit');
  await page.getByRole('button', { name: 'Check integrity' }).click();
  await expect(page.getByText('The audit log is intact')).toBeVisible();
  await expectNoSeriousViolations(page, 'audit after the integrity check');

  await harness.advanceClock(16 * 60_000);
  await openScreen(page, 'Users'); // its first request finds the session locked
  await expect(heading(page)).toHaveText('Herald is locked');
  await expectNoSeriousViolations(page, 'locked');
  await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
  await page.getByRole('button', { name: 'Unlock' }).click();
  // The Users screen opened while the lock was found; it loads once unlocked.
  await expect(heading(page)).toHaveText('Users');
  await expect(page.getByRole('table').getByRole('caption')).toHaveText('1 user');

  await signOut(page);
  await expectNoSeriousViolations(page, 'sign-in');
  await signIn(page, ADMIN.username, 'wrong password here');
  await expect(page.locator('.govuk-error-summary')).toBeVisible();
  await expectNoSeriousViolations(page, 'sign-in with errors');
});
