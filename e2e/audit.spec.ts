/** The audit log shows what happened, newest first, and its integrity check says the chain is intact. */
import path from 'node:path';
import Database from 'better-sqlite3';
import { test, expect } from './fixtures';
import { ADMIN, OFFICER, addOfficer, openScreen, saveScreenshot, setUpAdmin } from './support/herald';

test('the audit log lists setup and the new user, and checks as intact', async ({ page }) => {
  await setUpAdmin(page);
  await addOfficer(page);
  await openScreen(page, 'Audit');

  const rows = page.getByRole('table').locator('tbody tr');
  const created = rows.filter({ hasText: 'First administrator created' });
  await expect(created).toHaveCount(1);
  await expect(created).toContainText(`user:${ADMIN.username}`);
  const added = rows.filter({ hasText: 'User added' });
  await expect(added).toHaveCount(1);
  await expect(added).toContainText(ADMIN.username);
  await expect(added).toContainText(`user:${OFFICER.username}`);
  // Newest first, and times in UK format, e.g. "24 Nov 2026, 19:05:12".
  const seqs = await rows.locator('td:first-child').allTextContents();
  const numbers = seqs.map((s) => Number(s.replace('#', '')));
  expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
  await expect(rows.first().locator('time')).toHaveText(/^\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}:\d{2}$/);

  await page.getByRole('button', { name: 'Check integrity' }).click();
  await expect(page.getByText(/The audit log is intact: \d+ entries checked\./)).toBeVisible();
  await expect(rows.filter({ hasText: 'Audit log checked' })).toHaveCount(1);
  await saveScreenshot(page, 'audit');
});

test('older entries are reached a page at a time', async ({ page }) => {
  await setUpAdmin(page);
  // Each check of the chain is itself audited: 30 checks make more than one page of 25.
  await openScreen(page, 'Audit');
  for (let i = 0; i < 30; i++) {
    await page.getByRole('button', { name: 'Check integrity' }).click();
    await expect(page.getByText('The audit log is intact')).toBeVisible();
  }
  const caption = page.getByRole('table').getByRole('caption');
  await expect(caption).toContainText('newest first');
  await page.getByRole('button', { name: 'Older entries' }).click();
  await expect(caption).toBeFocused();
  await expect(caption).toContainText(/Entries #\d+ to #1, newest first/);
  await page.getByRole('button', { name: 'Newer entries' }).click();
  await expect(caption).toBeFocused();
  await expect(page.getByRole('button', { name: 'Newer entries' })).toHaveCount(0);
});

test('an entry edited in the database is reported with its number', async ({ page, harness }) => {
  await setUpAdmin(page);
  await addOfficer(page);
  // An attacker with write access to the database file rewrites entry #2 (the new user's name).
  const db = new Database(path.join(harness.dataDir, 'herald.sqlite'));
  try {
    const changed = db.prepare("update audit_log set entry = replace(entry, 'Oliver Officer', 'Mallory') where seq = 2").run();
    expect(changed.changes).toBe(1);
  } finally {
    db.close();
  }
  await openScreen(page, 'Audit');
  await page.getByRole('button', { name: 'Check integrity' }).click();
  const banner = page.locator('.govuk-notification-banner');
  await expect(banner).toContainText('Audit log tampered with');
  await expect(banner).toContainText('The first bad entry is #2.');
  await saveScreenshot(page, 'audit-tampered');
});
