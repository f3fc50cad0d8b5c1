/**
 * An idle session locks and asks for the password. The core's clock is moved by the harness (so nobody waits
 * minutes); the page's clock is moved by Playwright so its 30-second check of the session runs.
 */
import { test, expect } from './fixtures';
import { ADMIN, heading, openScreen, saveScreenshot, setUpAdmin } from './support/herald';

test('a locked session asks for the password, then returns to the same screen', async ({ page, harness }) => {
  await page.clock.install();
  await setUpAdmin(page);

  await openScreen(page, 'Settings');
  const minutes = page.getByLabel('Lock after this many minutes without activity');
  await expect(minutes).toHaveValue('15');
  await minutes.fill('5');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Saved. Herald now locks after 5 minutes without activity.')).toBeVisible();

  await harness.advanceClock(6 * 60_000);
  await page.clock.fastForward('00:31');

  await expect(heading(page)).toHaveText('Herald is locked');
  await expect(heading(page)).toBeFocused();
  await expect(page.getByText(`Enter the password for ${ADMIN.username}`)).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Herald' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeHidden();
  await saveScreenshot(page, 'locked');

  await page.getByLabel('Password').fill('not my password');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.locator('.govuk-error-summary')).toContainText('That password is not right');

  await page.getByLabel('Password').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(heading(page)).toHaveText('Settings');
  await expect(heading(page)).toBeFocused();
  await openScreen(page, 'Audit');
  await expect(page.getByRole('row').filter({ hasText: 'Unlock failed' })).toHaveCount(1);
  await expect(page.getByRole('row').filter({ hasText: 'Unlocked' })).toHaveCount(1);
});

test('a request made after the idle time finds the lock at once', async ({ page, harness }) => {
  await setUpAdmin(page);
  await harness.advanceClock(16 * 60_000); // default idle lock: 15 minutes
  await page.getByRole('navigation', { name: 'Herald' }).getByRole('link', { name: 'Audit' }).click();
  await expect(heading(page)).toHaveText('Herald is locked');
});
