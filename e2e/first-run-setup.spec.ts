/** First run: the setup form explains its errors, then creates the first administrator and signs them in. */
import { test, expect } from './fixtures';
import { ADMIN, heading, saveScreenshot } from './support/herald';

test('first-run setup explains mistakes, then creates the administrator and signs them in', async ({ page }) => {
  await page.goto('/');
  await expect(heading(page)).toHaveText('Create the first administrator');
  await expect(heading(page)).toBeFocused();
  await expect(page).toHaveTitle('Set up Herald – Herald');
  await saveScreenshot(page, 'setup');

  // Mistakes: a short password, passwords that differ, half a date.
  await page.getByLabel('Username').fill(ADMIN.username);
  await page.getByLabel('Full name').fill(ADMIN.displayName);
  await page.getByLabel('Password', { exact: true }).fill('short');
  await page.getByLabel('Confirm password').fill('different');
  await page.getByRole('button', { name: 'Create administrator' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toContainText('The passwords do not match');
  await expect(page.locator('.govuk-error-summary')).toBeFocused();

  // Passwords match but are too short: main says why, by the field.
  await page.getByLabel('Confirm password').fill('short');
  await page.getByRole('button', { name: 'Create administrator' }).click();
  await expect(summary).toContainText('A password needs at least 12 characters');
  await expect(page.locator('#setup-password-error')).toContainText('at least 12 characters');
  await saveScreenshot(page, 'setup-errors');
  await summary.getByRole('link', { name: /at least 12 characters/ }).click();
  await expect(page.getByLabel('Password', { exact: true })).toBeFocused();

  await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
  await page.getByLabel('Confirm password').fill(ADMIN.password);
  await page.getByLabel('Day').fill('3');
  await page.getByLabel('Month').fill('3');
  await page.getByLabel('Year').fill('2026');
  await page.getByRole('button', { name: 'Create administrator' }).click();

  await expect(heading(page)).toHaveText('Compose');
  await expect(page.getByRole('banner')).toContainText(`Signed in as ${ADMIN.displayName}`);
  await expect(page.getByRole('navigation', { name: 'Herald' }).getByRole('link', { name: 'Users' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No accounts to post to' })).toBeVisible();
  await saveScreenshot(page, 'compose-empty-state');

  // A reload keeps the session (same window) and setup is not offered again.
  await page.reload();
  await expect(heading(page)).toHaveText('Compose');
});
