/**
 * Everything reachable by keyboard alone, in a logical order: skip link, header, navigation, then the page. After each
 * move, focus lands on the new page's heading. Alt+number shortcuts open screens too.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { heading, setUpAdmin } from './support/herald';

const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');

/** Moves focus backwards with Shift+Tab until the element with this text has it. */
async function shiftTabTo(page: Page, text: string): Promise<void> {
  for (let i = 0; i < 25; i++) {
    await page.keyboard.press('Shift+Tab');
    if ((await focusedText(page)) === text) return;
  }
  throw new Error(`Shift+Tab never reached "${text}"`);
}

const screens: Array<[link: string, title: string]> = [
  ['Calendar', 'Calendar'],
  ['Approvals', 'Approvals'],
  ['Inbox', 'Inbox'],
  ['Accounts', 'Accounts'],
  ['Audit', 'Audit log'],
  ['Reports', 'Reports'],
  ['Settings', 'Settings'],
  ['Users', 'Users'],
  ['Compose', 'Compose'],
];

test('the whole navigation works from the keyboard alone', async ({ page }) => {
  await setUpAdmin(page);
  await expect(heading(page)).toBeFocused();

  // From the heading backwards, the focus order is the navigation, the header, then the skip link.
  const order = ['Users', 'Settings', 'Reports', 'Audit', 'Accounts', 'Inbox', 'Approvals', 'Calendar', 'Compose'];
  for (const name of [...order, 'Sign out', 'Herald', 'Skip to main content']) {
    await page.keyboard.press('Shift+Tab');
    expect(await focusedText(page)).toBe(name);
  }
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();

  for (const [link, title] of screens) {
    await shiftTabTo(page, link);
    await page.keyboard.press('Enter');
    await expect(heading(page)).toHaveText(title);
    await expect(heading(page)).toBeFocused();
    await expect(page.getByRole('link', { name: link, exact: true })).toHaveAttribute('aria-current', 'page');
  }

  // Forms work from the keyboard too: on Settings, Tab reaches the field and Enter saves.
  await shiftTabTo(page, 'Settings');
  await page.keyboard.press('Enter');
  await expect(heading(page)).toHaveText('Settings');
  // The form appears once the settings have loaded; a person would wait for it too.
  await expect(page.getByLabel('Lock after this many minutes without activity')).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Lock after this many minutes without activity')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByText(/Saved\. Herald now locks after \d+ minutes/)).toBeVisible();
});

test('Alt+number opens the screens in navigation order', async ({ page }) => {
  await setUpAdmin(page);
  await page.keyboard.press('Alt+6');
  await expect(heading(page)).toHaveText('Audit log');
  await expect(heading(page)).toBeFocused();
  await page.keyboard.press('Alt+9');
  await expect(heading(page)).toHaveText('Users');
  await page.keyboard.press('Alt+1');
  await expect(heading(page)).toHaveText('Compose');
  await page.goBack();
  await expect(heading(page)).toHaveText('Users');
});
