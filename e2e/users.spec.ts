/** Managers add users; main's rules (such as training before acting) come back by the field they concern. */
import { test, expect } from './fixtures';
import { ADMIN, OFFICER, addOfficer, heading, openScreen, saveScreenshot, setUpAdmin } from './support/herald';

test('a manager adds a second user and sees them in the table', async ({ page }) => {
  await setUpAdmin(page);
  await addOfficer(page);
  const table = page.getByRole('table');
  await expect(table.getByRole('caption')).toHaveText('2 users');
  const admin = table.getByRole('row').filter({ hasText: ADMIN.username });
  await expect(admin).toContainText('Manager');
  await expect(admin).toContainText('3 Mar 2026');
  const officer = table.getByRole('row').filter({ hasText: OFFICER.username });
  await expect(officer).toContainText(OFFICER.displayName);
  await expect(officer).toContainText('Officer');
  await expect(officer).toContainText('12 Jan 2026');
  await expect(officer.getByRole('cell').nth(3)).toHaveText('Yes'); // can post: trained officer
  await saveScreenshot(page, 'users');
});

test('a role that needs training is refused without a training date', async ({ page }) => {
  await setUpAdmin(page);
  await openScreen(page, 'Users');
  const form = page.getByRole('form', { name: 'Add a user' });
  await form.getByLabel('Username').fill('una.untrained');
  await form.getByLabel('Full name').fill('Una Untrained');
  await form.getByLabel('Starting password').fill('a long enough starting password');
  await form.getByRole('checkbox', { name: 'Moderator' }).check();
  await form.getByRole('button', { name: 'Add user' }).click();
  const summary = page.locator('.govuk-error-summary');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('The moderator role needs the date social media training was completed');
  await expect(page.locator('#new-user-training-error')).toContainText('Enter the date social media training was completed');
  await saveScreenshot(page, 'users-errors');
  await summary.getByRole('link').click();
  await expect(form.getByLabel('Day')).toBeFocused();
  await expect(page.getByRole('table').getByRole('caption')).toHaveText('1 user');
  await expect(heading(page)).toHaveText('Users');
});
