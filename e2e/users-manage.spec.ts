/**
 * Managers change existing users: roles, training date, deactivation. Main enforces the rules (training before a role
 * that posts, no manager removing their own manager role or deactivating themselves) and audits every change; the
 * screen shows its answers by the field they concern and says what changed.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { ADMIN, OFFICER, addOfficer, heading, openScreen, saveScreenshot, setUpAdmin, signIn } from './support/herald';
import { expectNoSeriousViolations } from './support/checks';

function usersTable(page: Page) {
  return page.getByRole('table');
}

function userRow(page: Page, username: string) {
  return usersTable(page).getByRole('row').filter({ has: page.getByRole('rowheader', { name: username, exact: true }) });
}

function editor(page: Page, displayName: string) {
  return page.getByRole('region', { name: `Change ${displayName}` });
}

/** Opens the editor from the row's Change control and checks focus moved to the editor's heading. */
async function openEditor(page: Page, displayName: string) {
  await page.getByRole('button', { name: `Change ${displayName}`, exact: true }).click();
  const panel = editor(page, displayName);
  await expect(panel.getByRole('heading', { level: 2, name: `Change ${displayName}` })).toBeFocused();
  return panel;
}

test('a manager gives an officer the approver role, and the table and the audit log show it', async ({ page }) => {
  await setUpAdmin(page);
  await addOfficer(page);

  // Keyboard first: Enter opens the editor (focus on its heading), Escape closes it (focus back on Change).
  const change = page.getByRole('button', { name: `Change ${OFFICER.displayName}`, exact: true });
  await change.focus();
  await expect(change).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('Enter');
  const panel = editor(page, OFFICER.displayName);
  await expect(panel.getByRole('heading', { level: 2 })).toBeFocused();
  await expect(change).toHaveAttribute('aria-expanded', 'true');
  await expect(panel.getByRole('checkbox', { name: 'Officer' })).toBeChecked();
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  await expect(change).toBeFocused();

  await openEditor(page, OFFICER.displayName);
  await panel.getByRole('checkbox', { name: 'Approver' }).check();
  await panel.getByRole('button', { name: 'Save roles' }).click();

  await expect(page.locator('.govuk-notification-banner--success')).toContainText(
    `${OFFICER.displayName} is now an officer and approver.`,
  );
  await expect(panel).toHaveCount(0);
  await expect(change).toBeFocused();
  const row = userRow(page, OFFICER.username);
  await expect(row.getByRole('listitem')).toHaveText(['Officer', 'Approver']);

  await openScreen(page, 'Audit');
  const entry = page.getByRole('table').locator('tbody tr').filter({ hasText: 'Roles changed' });
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText(ADMIN.username);
  await expect(entry).toContainText(`user:${OFFICER.username}`);
  await expect(entry).toContainText('from: officer; to: officer, approver');
});

test('clearing the training date of an officer is refused, with the reason by the date field', async ({ page }) => {
  await setUpAdmin(page);
  await addOfficer(page);
  const panel = await openEditor(page, OFFICER.displayName);
  const training = panel.getByRole('group', { name: 'Social media training completed' });
  await expect(training.getByLabel('Day')).toHaveValue('12');
  await expect(training.getByLabel('Month')).toHaveValue('1');
  await expect(training.getByLabel('Year')).toHaveValue('2026');
  for (const part of ['Day', 'Month', 'Year']) await training.getByLabel(part).fill('');
  await panel.getByRole('button', { name: 'Save training date' }).click();

  const summary = panel.locator('.govuk-error-summary');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('The officer role needs the date social media training was completed');
  const fieldError = page.locator('#edit-user-training-error');
  await expect(fieldError).toContainText('Enter the date social media training was completed');
  await expect(training).toHaveAttribute('aria-describedby', /edit-user-training-error/);
  await summary.getByRole('link').click();
  await expect(training.getByLabel('Day')).toBeFocused();

  // Nothing changed.
  await expect(userRow(page, OFFICER.username)).toContainText('12 Jan 2026');
  await expect(page.locator('.govuk-notification-banner--success')).toHaveCount(0);
});

test('a deactivated user is signed out when they next act, and can no longer sign in', async ({ page, browser, harness }) => {
  await setUpAdmin(page);
  await addOfficer(page);

  // The officer is signed in in another window.
  const officerContext = await browser.newContext({ baseURL: harness.url, locale: 'en-GB', timezoneId: 'Europe/London' });
  try {
    const officer = await officerContext.newPage();
    await officer.goto('/');
    await expect(heading(officer)).toHaveText('Sign in to Herald');
    await signIn(officer, OFFICER.username, OFFICER.password);
    await expect(heading(officer)).toHaveText('Compose');

    const panel = await openEditor(page, OFFICER.displayName);
    await panel.getByRole('button', { name: `Deactivate ${OFFICER.displayName}` }).click();
    const confirmation = panel.getByRole('group', { name: `Deactivate ${OFFICER.displayName}?` });
    await expect(confirmation.getByRole('heading')).toBeFocused();
    await expect(confirmation.locator('.govuk-warning-text')).toContainText(
      `${OFFICER.displayName} will not be able to sign in. If they are using Herald now, they will be signed out the next time they act.`,
    );
    // Cancelling changes nothing and returns focus to the button that asked.
    await confirmation.getByRole('button', { name: 'Cancel' }).click();
    await expect(panel.getByRole('button', { name: `Deactivate ${OFFICER.displayName}` })).toBeFocused();
    await panel.getByRole('button', { name: `Deactivate ${OFFICER.displayName}` }).click();
    await confirmation.getByRole('button', { name: 'Yes, deactivate' }).click();

    await expect(page.locator('.govuk-notification-banner--success')).toContainText(
      `${OFFICER.displayName} has been deactivated. They cannot sign in, and will be signed out the next time they act in Herald.`,
    );
    const row = userRow(page, OFFICER.username);
    await expect(row.getByRole('cell').nth(4)).toHaveText('No'); // Active
    await expect(row.getByRole('cell').nth(3)).toHaveText('Yes'); // Can post: their roles are unchanged

    // The officer's next request finds the session gone; signing in again is refused.
    await officer.getByRole('navigation', { name: 'Herald' }).getByRole('link', { name: 'Audit', exact: true }).click();
    await expect(heading(officer)).toHaveText('Sign in to Herald');
    await signIn(officer, OFFICER.username, OFFICER.password);
    await expect(officer.locator('.govuk-error-summary')).toContainText('That username and password do not match an active Herald user');
    await expect(heading(officer)).toHaveText('Sign in to Herald');

    // Reactivated, they can sign in again.
    const again = await openEditor(page, OFFICER.displayName);
    await expect(again).toContainText(`${OFFICER.displayName} is deactivated and cannot sign in.`);
    await again.getByRole('button', { name: `Reactivate ${OFFICER.displayName}` }).click();
    await expect(page.locator('.govuk-notification-banner--success')).toContainText(
      `${OFFICER.displayName} has been reactivated and can sign in again.`,
    );
    await expect(row.getByRole('cell').nth(4)).toHaveText('Yes');
    await signIn(officer, OFFICER.username, OFFICER.password);
    await expect(heading(officer)).toHaveText('Audit log'); // back on the screen they were on
  } finally {
    await officerContext.close();
  }

  await openScreen(page, 'Audit');
  const rows = page.getByRole('table').locator('tbody tr');
  await expect(rows.filter({ hasText: 'User deactivated' })).toContainText(`user:${OFFICER.username}`);
  await expect(rows.filter({ hasText: 'Sign-in failed' })).toContainText('reason: deactivated');
  await expect(rows.filter({ hasText: 'User reactivated' })).toContainText(`user:${OFFICER.username}`);
});

test('a manager cannot deactivate themselves or remove their own manager role, and is told why', async ({ page }) => {
  await setUpAdmin(page);
  await openScreen(page, 'Users');
  const panel = await openEditor(page, ADMIN.displayName);

  await panel.getByRole('button', { name: `Deactivate ${ADMIN.displayName}` }).click();
  await panel.getByRole('button', { name: 'Yes, deactivate' }).click();
  const summary = panel.locator('.govuk-error-summary');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('You cannot deactivate yourself');
  await expect(page.locator('#edit-user-active-error')).toContainText('You cannot deactivate yourself');
  await summary.getByRole('link', { name: 'You cannot deactivate yourself' }).click();
  await expect(panel.getByRole('button', { name: `Deactivate ${ADMIN.displayName}` })).toBeFocused();
  await expect(userRow(page, ADMIN.username).getByRole('cell').nth(4)).toHaveText('Yes');

  await panel.getByRole('checkbox', { name: 'Manager' }).uncheck();
  await panel.getByRole('button', { name: 'Save roles' }).click();
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('You cannot remove your own manager role: ask another manager');
  await expect(page.locator('#edit-user-roles-error')).toContainText('You cannot remove your own manager role');
  await expect(userRow(page, ADMIN.username)).toContainText('Manager');
  await expect(page.locator('.govuk-notification-banner--success')).toHaveCount(0);
});

test('the users table sorts by username, name and training date from buttons in its headers', async ({ page }) => {
  await setUpAdmin(page);
  await addOfficer(page);
  // A third user with no roles and no training date, whose name sorts last but username sorts between.
  const form = page.getByRole('form', { name: 'Add a user' });
  await form.getByLabel('Username').fill('bea.baker');
  await form.getByLabel('Full name').fill('Zoe Baker');
  await form.getByLabel('Starting password').fill('a long enough starting password');
  await form.getByRole('button', { name: 'Add user' }).click();
  await expect(page.getByText('Zoe Baker (bea.baker) has been added.')).toBeVisible();

  const table = usersTable(page);
  const order = () => table.locator('tbody tr th').allTextContents();
  const header = (name: string) => table.getByRole('columnheader', { name, exact: true });
  await expect(table.getByRole('caption')).toHaveText('3 users');
  await expect(header('Username')).toHaveAttribute('aria-sort', 'ascending');
  expect(await order()).toEqual(['amara.admin', 'bea.baker', 'oliver.officer']);

  // Sort by keyboard: the buttons are in the tab order.
  await header('Name').getByRole('button').focus();
  await page.keyboard.press('Enter');
  await expect(header('Name')).toHaveAttribute('aria-sort', 'ascending');
  await expect(header('Username')).not.toHaveAttribute('aria-sort');
  await expect(page.getByRole('status')).toHaveText('Sorted by name, A to Z');
  expect(await order()).toEqual(['amara.admin', 'oliver.officer', 'bea.baker']);
  await page.keyboard.press('Space');
  await expect(header('Name')).toHaveAttribute('aria-sort', 'descending');
  expect(await order()).toEqual(['bea.baker', 'oliver.officer', 'amara.admin']);

  await header('Training completed').getByRole('button').click();
  await expect(header('Training completed')).toHaveAttribute('aria-sort', 'ascending');
  await expect(page.getByRole('status')).toHaveText('Sorted by training date, oldest first');
  expect(await order()).toEqual(['oliver.officer', 'amara.admin', 'bea.baker']); // 12 Jan, 3 Mar, not recorded
  await header('Training completed').getByRole('button').click();
  await expect(header('Training completed')).toHaveAttribute('aria-sort', 'descending');
  expect(await order()).toEqual(['amara.admin', 'oliver.officer', 'bea.baker']); // not recorded stays last

  await header('Username').getByRole('button').click();
  await header('Username').getByRole('button').click();
  await expect(header('Username')).toHaveAttribute('aria-sort', 'descending');
  expect(await order()).toEqual(['oliver.officer', 'bea.baker', 'amara.admin']);
});

test('the users screen has no serious or critical axe violation with the editor open', async ({ page }) => {
  await setUpAdmin(page);
  await addOfficer(page);
  const panel = await openEditor(page, OFFICER.displayName);
  await panel.getByRole('checkbox', { name: 'Approver' }).check();
  await saveScreenshot(page, 'users-edit');
  await expectNoSeriousViolations(page, 'users with the editor open');

  for (const part of ['Day', 'Month', 'Year']) await panel.getByLabel(part).fill('');
  await panel.getByRole('button', { name: 'Save training date' }).click();
  await expect(panel.locator('.govuk-error-summary')).toBeFocused();
  await expectNoSeriousViolations(page, 'users editor with errors');

  await panel.getByRole('button', { name: `Deactivate ${OFFICER.displayName}` }).click();
  await expect(panel.getByRole('button', { name: 'Yes, deactivate' })).toBeVisible();
  await expectNoSeriousViolations(page, 'users editor asking to confirm deactivation');
});
