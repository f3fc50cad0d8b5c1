/**
 * Managers edit the policy the checks use (R10, R11, R26; issue 5 point 8): the rule lists, with a reason, each save a
 * new version; a broken pattern is refused with the problem named and nothing saved; an older version is restored as
 * a new one; the organisation's pre-election periods. The Audit screen shows each change, and axe finds no serious
 * problem on any part of Settings.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { ADMIN, heading, openScreen, saveScreenshot, setUpAdmin } from './support/herald';
import { expectNoSeriousViolations } from './support/checks';

async function openPart(page: Page, name: string) {
  await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name, exact: true }).click();
  await expect(heading(page)).toHaveText(name);
  await expect(heading(page)).toBeFocused();
  await expect(page.getByText(/^Loading/)).toHaveCount(0);
}

const successBanner = (page: Page) => page.locator('.govuk-notification-banner--success');

test('a manager adds a case-reference pattern and a party name; a broken pattern is refused; an older version is restored', async ({ page }) => {
  await setUpAdmin(page);
  await openScreen(page, 'Settings');
  await expectNoSeriousViolations(page, 'settings, general');
  await openPart(page, 'Policy rules');
  const inUse = page.locator('.govuk-summary-list');
  await expect(inUse).toContainText('Built-in pack, as shipped with Herald');
  await expect(inUse).toContainText(/herald-default@\d+\.\d+\.\d+/);
  await expectNoSeriousViolations(page, 'settings, policy rules');

  const patterns = page.getByLabel('Case-reference patterns');
  const parties = page.getByLabel('Party names');
  await patterns.fill(`${await patterns.inputValue()}\n\\bANY-\\d{5}\\b`);
  await parties.fill(`${await parties.inputValue()}\nanytown first`);
  await page.getByRole('button', { name: 'Save rule lists' }).click();
  // A reason is required before anything is sent.
  const summary = page.locator('.govuk-error-summary');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Say why you are changing the rules');
  await page.getByRole('form', { name: 'Rule lists' }).getByLabel('Why are you making this change?').fill('Our case numbers and the new local party');
  await page.getByRole('button', { name: 'Save rule lists' }).click();
  await expect(successBanner(page)).toContainText(/Saved as version 1 \(herald-default@\d+\.\d+\.\d+\+org\.1\)\. Every check now uses it\./);
  await expect(inUse).toContainText('Version 1');
  await expect(inUse).toContainText(ADMIN.username);
  await expect(inUse).toContainText('Our case numbers and the new local party');
  await expect(patterns).toHaveValue(/\\bANY-\\d\{5\}\\b$/);
  await saveScreenshot(page, 'settings-policy');

  // A pattern that does not compile: refused, named, linked to its list, and nothing saved.
  await patterns.fill(`${await patterns.inputValue()}\n(`);
  await page.getByRole('form', { name: 'Rule lists' }).getByLabel('Why are you making this change?').fill('Another pattern');
  await page.getByRole('button', { name: 'Save rule lists' }).click();
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('The rule pack was not saved. Nothing has changed.');
  await expect(summary).toContainText('Pattern "(" is not a valid RE2 pattern: missing closing )');
  await expect(page.locator('#rules-case-patterns-error')).toContainText('missing closing )');
  await expectNoSeriousViolations(page, 'settings, policy rules with a refused pattern');
  await summary.getByRole('link', { name: /missing closing/ }).click();
  await expect(patterns).toBeFocused();
  await expect(inUse).toContainText('Version 1');
  await expect(successBanner(page)).toHaveCount(0);

  // The history, and restoring the built-in pack as version 2.
  await openPart(page, 'Version history');
  const table = page.getByRole('table', { name: 'Rule pack versions, newest first' });
  await expect(table.getByRole('rowheader')).toHaveText(['Version 1 In use', 'Built-in pack']);
  await expect(table.locator('tbody tr').first()).toContainText('Our case numbers and the new local party');
  await expect(table.locator('tbody tr').first().locator('time')).toHaveText(/^\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}:\d{2}$/);
  await expectNoSeriousViolations(page, 'settings, version history');
  const restore = page.getByRole('button', { name: 'Restore this version (built-in pack)' });
  await restore.focus();
  await page.keyboard.press('Enter');
  const panel = page.getByRole('region', { name: 'Restore built-in pack' });
  await expect(panel.getByRole('heading', { level: 2 })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  await expect(restore).toBeFocused();
  await restore.click();
  await panel.getByRole('button', { name: 'Restore built-in pack' }).click();
  await expect(panel.locator('.govuk-error-summary')).toContainText('Say why you are restoring this version');
  await panel.getByLabel('Why are you restoring this version?').fill('The local party list needs more work');
  await panel.getByRole('button', { name: 'Restore built-in pack' }).click();
  await expect(successBanner(page)).toContainText(/Built-in pack restored as version 2 \(herald-default@[\d.]+\+org\.2\)/);
  await expect(table.getByRole('caption')).toBeFocused();
  await expect(table.getByRole('rowheader')).toHaveText(['Version 2 In use', 'Version 1', 'Built-in pack']);
  await expect(table.locator('tbody tr').first()).toContainText('(restores built-in pack)');

  await openScreen(page, 'Audit');
  const rows = page.getByRole('table').locator('tbody tr');
  const saved = rows.filter({ hasText: 'Rule pack saved' });
  await expect(saved).toHaveCount(1);
  await expect(saved).toContainText(ADMIN.username);
  await expect(saved).toContainText(/rule-pack:herald-default@[\d.]+\+org\.1/);
  await expect(saved).toContainText('reason: Our case numbers and the new local party');
  const restored = rows.filter({ hasText: 'Rule pack version restored' });
  await expect(restored).toHaveCount(1);
  await expect(restored).toContainText('reason: The local party list needs more work');
});

test('a manager adds a pre-election period, and checks then block party-political posts inside it', async ({ page }) => {
  await setUpAdmin(page);
  await openScreen(page, 'Settings');
  await openPart(page, 'Organisation and pre-election periods');
  await expectNoSeriousViolations(page, 'settings, organisation');
  await page.getByLabel('Your own web domains').fill('anytown.gov.uk');
  await page.getByLabel('Published phone numbers').fill('0114 496 0123');

  await page.getByRole('button', { name: 'Add a pre-election period' }).click();
  const period = page.getByRole('group', { name: 'Pre-election period 1' });
  await expect(period.getByLabel('Name')).toBeFocused();
  await period.getByLabel('Name').fill('Local elections May 2026');
  const fillDate = async (legend: string, d: string, m: string, y: string) => {
    const group = period.getByRole('group', { name: legend });
    await group.getByLabel('Day').fill(d);
    await group.getByLabel('Month').fill(m);
    await group.getByLabel('Year').fill(y);
  };
  await fillDate('Starts on', '23', '3', '2026');
  await fillDate('Ends on', '1', '3', '2026');
  await page.getByRole('button', { name: 'Save organisation settings' }).click();
  const summary = page.locator('.govuk-error-summary');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Pre-election period 1 must end on or after the day it starts');
  await expectNoSeriousViolations(page, 'settings, organisation with errors');
  await summary.getByRole('link').click();
  await expect(period.getByRole('group', { name: 'Ends on' }).getByLabel('Day')).toBeFocused();

  await fillDate('Ends on', '7', '5', '2026');
  await page.getByRole('button', { name: 'Save organisation settings' }).click();
  await expect(successBanner(page)).toContainText('Saved. Policy checks now use these organisation settings.');

  // The composer's check (any signed-in user may call it) now blocks a party-political post inside the period.
  const check = await page.evaluate(() =>
    (window as unknown as { herald: { invoke(c: string, p: unknown): Promise<unknown> } }).herald.invoke('policy:check', {
      posts: [{ id: 'p1', platform: 'x', text: 'The Labour Party leader visited the library.', scheduledAt: '2026-04-20T10:00:00+01:00' }],
    }),
  );
  const findings = (check as { value: { results: { findings: { category: string; severity: string }[] }[] } }).value.results[0]!.findings;
  expect(findings.find((f) => f.category === 'party-political')?.severity).toBe('block');
  expect(findings.some((f) => f.category === 'pre-election')).toBe(true);

  // Saved: it is still there when the screen opens again.
  await openScreen(page, 'Audit');
  const changed = page.getByRole('table').locator('tbody tr').filter({ hasText: 'Policy settings changed' });
  await expect(changed).toHaveCount(1);
  await expect(changed).toContainText('changed: preElectionPeriods, organisationDomains, organisationPhoneNumbers');
  await expect(changed).toContainText('Local elections May 2026');
  await openScreen(page, 'Settings');
  await openPart(page, 'Organisation and pre-election periods');
  await expect(page.getByRole('group', { name: 'Pre-election period 1' }).getByLabel('Name')).toHaveValue('Local elections May 2026');
  await expect(page.getByLabel('Published phone numbers')).toHaveValue('0114 496 0123');

  // Removing it moves focus to the Add button.
  await page.getByRole('button', { name: 'Remove pre-election period 1 (Local elections May 2026)' }).click();
  await expect(page.getByRole('button', { name: 'Add a pre-election period' })).toBeFocused();
  await expect(page.getByText('No pre-election periods are set.')).toBeVisible();
});
