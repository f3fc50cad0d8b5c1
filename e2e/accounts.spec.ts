/**
 * Accounts, against a real Bluesky network on loopback (@atproto/dev-env: a PLC directory and a PDS, no AppView).
 * A manager connects an account with an app password through the UI; Herald checks it with the PDS, shows it as
 * working, and the audit log records who authorised it (R4). An officer cannot connect accounts. A wrong app password
 * is refused and nothing is saved. The app password typed never comes back: not in the page, not in any IPC answer
 * (R2). axe finds no serious or critical problem on the screen empty, with the form open and with an account.
 */
import { TestNetworkNoAppView } from '@atproto/dev-env';
import type { Page } from '@playwright/test';
import { test as base, expect } from './fixtures';
import { ADMIN, OFFICER, addOfficer, heading, openScreen, saveScreenshot, setUpAdmin, signIn, signOut } from './support/herald';
import { expectNoSeriousViolations, recordIpcAnswers } from './support/checks';

const HANDLE = 'council.test';

type Bluesky = {
  /** The PDS, e.g. http://localhost:41234 */
  url: string;
  handle: string;
  /** A fresh app password for the account, as Bluesky's settings would create it. */
  newAppPassword(name: string): Promise<string>;
};

const test = base.extend<{ bluesky: Bluesky }>({
  // eslint-disable-next-line no-empty-pattern
  bluesky: async ({}, use) => {
    const net = await TestNetworkNoAppView.create({});
    try {
      const agent = net.pds.getAgent();
      await agent.createAccount({ email: 'comms@council.test', handle: HANDLE, password: 'the-main-password-herald-never-sees' });
      await use({
        url: net.pds.url,
        handle: HANDLE,
        async newAppPassword(name) {
          const r = await agent.com.atproto.server.createAppPassword({ name });
          return r.data.password;
        },
      });
    } finally {
      await net.close();
    }
  },
});

function connectForm(page: Page) {
  return page.getByRole('form', { name: 'Connect an account' });
}

function card(page: Page, handle = HANDLE) {
  return page.locator('.govuk-summary-card').filter({ has: page.getByRole('heading', { name: `Bluesky: ${handle}` }) });
}

async function fillConnectForm(page: Page, bluesky: Bluesky, appPassword: string): Promise<void> {
  const form = connectForm(page);
  await form.getByRole('radio', { name: 'Bluesky' }).check();
  await form.getByLabel('Server address').fill(bluesky.url);
  await form.getByLabel('Handle').fill(bluesky.handle);
  await form.getByLabel('App password').fill(appPassword);
  await form.getByLabel('Owner').fill('Communications team');
  await form.getByLabel('Purpose').fill('News and service updates for residents');
}

test('a manager connects a Bluesky account, sees it working, and the audit log records who authorised it', async ({ page, bluesky }) => {
  const answers = await recordIpcAnswers(page);
  const appPassword = await bluesky.newAppPassword('herald');
  await setUpAdmin(page);
  await openScreen(page, 'Accounts');
  await expect(page.getByRole('heading', { name: 'No accounts connected yet' })).toBeVisible();
  await expectNoSeriousViolations(page, 'accounts, empty');

  await page.getByRole('button', { name: 'Connect an account' }).click();
  const form = connectForm(page);
  await expect(page.getByRole('heading', { name: 'Connect an account' })).toBeFocused();
  // Bluesky connects with an app password; the others sign in with OAuth (e2e/accounts-oauth.spec.ts). Nothing is
  // chosen until the manager chooses.
  const platforms = form.getByRole('group', { name: 'Platform' });
  await expect(platforms.getByRole('radio', { name: 'Bluesky' })).toBeEnabled();
  await expect(platforms.getByRole('radio', { name: 'X', exact: true })).toBeEnabled();
  await expect(platforms.getByRole('radio', { checked: true })).toHaveCount(0);
  await platforms.getByRole('radio', { name: 'Bluesky' }).check();
  await expect(form.getByLabel('Server address')).toHaveValue('https://bsky.social');
  await expect(form.getByLabel('App password')).toHaveAttribute('type', 'password');
  await expect(form.getByLabel('App password')).toHaveAttribute('autocomplete', 'off');
  await expect(form.getByText('Never use the account’s main password here', { exact: false })).toBeVisible();
  await fillConnectForm(page, bluesky, appPassword);
  await form.getByRole('radio', { name: 'Campaign account' }).check();
  await expect(page.locator('#connect-starts')).toBeVisible();
  await page.locator('#connect-starts').fill('1');
  await page.locator('#connect-starts-month').fill('6');
  await page.locator('#connect-starts-year').fill('2026');
  await page.locator('#connect-ends').fill('30');
  await page.locator('#connect-ends-month').fill('9');
  await page.locator('#connect-ends-year').fill('2026');
  await expectNoSeriousViolations(page, 'accounts, connect form with the campaign dates open');
  await saveScreenshot(page, 'accounts-connect');

  await form.getByRole('button', { name: 'Connect account' }).click();
  const connected = card(page);
  await expect(connected.getByRole('heading', { name: `Bluesky: ${HANDLE}` })).toBeFocused();
  await expect(page.getByText(`Connected ${HANDLE} on Bluesky.`)).toBeVisible();
  await expect(connected.locator('.govuk-tag')).toHaveText('Working');
  await expect(connected).toContainText('Connected and working');
  await expect(connected).toContainText('Communications team');
  await expect(connected).toContainText('News and service updates for residents');
  await expect(connected).toContainText(/Campaign, from 1 Jun 2026 to 30 Sept? 2026/);
  await expect(connected).toContainText(`${ADMIN.username}, connected`);
  await expect(connected).toContainText(/\d{1,2} [A-Z][a-z]{2,3} \d{4}, \d{2}:\d{2}:\d{2}/);
  await expect(connected.getByText('What Herald can do here')).toBeVisible();
  await expect(connected.getByText('What it cannot do')).toBeVisible();
  await expect(connectForm(page)).toHaveCount(0);
  await expectNoSeriousViolations(page, 'accounts, with a connected account');
  await saveScreenshot(page, 'accounts');

  // Anyone signed in can check the account again.
  await connected.getByRole('button', { name: 'Check now' }).click();
  await expect(page.getByText(`Checked ${HANDLE} on Bluesky.`)).toBeVisible();
  await expect(connected.locator('.govuk-tag')).toHaveText('Working');

  // The app password never comes back to the renderer.
  expect(await page.content()).not.toContain(appPassword);
  expect(answers.length).toBeGreaterThan(0);
  for (const body of answers) expect(body).not.toContain(appPassword);

  await openScreen(page, 'Audit');
  const row = page.getByRole('table').locator('tbody tr').filter({ has: page.locator('[data-action="account.connected"]') });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Account connected');
  await expect(row).toContainText(ADMIN.username);
  await expect(row).toContainText(`account:bluesky:${HANDLE}`);
  await expect(row).toContainText(`authorisedBy: ${ADMIN.username}`);
  expect(await page.content()).not.toContain(appPassword);
});

test('a manager changes the details, changes the app password and disconnects, each audited', async ({ page, bluesky }) => {
  const answers = await recordIpcAnswers(page);
  const first = await bluesky.newAppPassword('herald-1');
  const second = await bluesky.newAppPassword('herald-2');
  await setUpAdmin(page);
  await openScreen(page, 'Accounts');
  await page.getByRole('button', { name: 'Connect an account' }).click();
  await fillConnectForm(page, bluesky, first);
  await connectForm(page).getByRole('radio', { name: 'Corporate account' }).check();
  await connectForm(page).getByRole('button', { name: 'Connect account' }).click();
  const account = card(page);
  await expect(account.locator('.govuk-tag')).toHaveText('Working');
  await expect(account).toContainText('Corporate');

  await account.getByRole('button', { name: 'Change details' }).click();
  const details = account.getByRole('form', { name: /Change the details/ });
  await expect(account.getByRole('heading', { name: `Change the details of ${HANDLE} on Bluesky` })).toBeFocused();
  await details.getByLabel('Owner').fill('Digital team');
  await details.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText(`Saved the details of ${HANDLE} on Bluesky.`)).toBeVisible();
  await expect(account).toContainText('Digital team');
  await expect(account.getByRole('button', { name: 'Change details' })).toBeFocused();

  await account.getByRole('button', { name: 'Change app password' }).click();
  const rotate = account.getByRole('form', { name: /Change the app password/ });
  await rotate.getByLabel('New app password').fill(second);
  await rotate.getByRole('button', { name: 'Change app password' }).click();
  await expect(page.getByText(`Changed the app password for ${HANDLE} on Bluesky.`)).toBeVisible();
  await expect(account.locator('.govuk-tag')).toHaveText('Working');

  await account.getByRole('button', { name: 'Disconnect' }).click();
  const disconnect = account.getByRole('form', { name: /Disconnect/ });
  await expect(disconnect.locator('.govuk-warning-text')).toContainText('delete this account’s app password');
  await disconnect.getByRole('button', { name: 'Disconnect account' }).click();
  await expect(page.locator('.govuk-error-summary')).toContainText('Say why this account is being disconnected');
  await expect(account.locator('.govuk-tag')).toHaveText('Working'); // nothing happened without a reason
  await disconnect.getByLabel('Why is this account being disconnected?').fill('Campaign ended');
  await disconnect.getByRole('button', { name: 'Disconnect account' }).click();
  await expect(page.getByText(`Disconnected ${HANDLE} on Bluesky.`)).toBeVisible();
  await expect(account.locator('.govuk-tag')).toHaveText('Disconnected');
  await expect(account.getByRole('button', { name: 'Check now' })).toHaveCount(0);

  const html = await page.content();
  for (const secret of [first, second]) {
    expect(html).not.toContain(secret);
    for (const body of answers) expect(body).not.toContain(secret);
  }

  await openScreen(page, 'Audit');
  const rows = page.getByRole('table').locator('tbody tr');
  const expected: Array<[action: string, label: string]> = [
    ['account.details-changed', 'Account details changed'],
    ['account.credentials-rotated', 'Account app password changed'],
    ['account.disconnected', 'Account disconnected'],
  ];
  for (const [action, label] of expected) {
    const row = rows.filter({ has: page.locator(`[data-action="${action}"]`) });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(label);
    await expect(row).toContainText(ADMIN.username);
  }
  await expect(rows.filter({ has: page.locator('[data-action="account.disconnected"]') })).toContainText('reason: Campaign ended');
});

test('a wrong app password is refused with a clear message and nothing is connected', async ({ page, bluesky }) => {
  const answers = await recordIpcAnswers(page);
  const wrong = 'abcd-efgh-ijkl-mnop';
  await setUpAdmin(page);
  await openScreen(page, 'Accounts');
  await page.getByRole('button', { name: 'Connect an account' }).click();
  await fillConnectForm(page, bluesky, wrong);
  await connectForm(page).getByRole('radio', { name: 'Corporate account' }).check();
  await connectForm(page).getByRole('button', { name: 'Connect account' }).click();

  const summary = page.locator('.govuk-error-summary');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Bluesky refused');
  await expect(page.locator('#connect-app-password-error')).toContainText('Bluesky did not accept this handle and app password');
  await expect(connectForm(page).getByLabel('App password')).toHaveValue('');
  await expectNoSeriousViolations(page, 'accounts, connect form with errors');
  await saveScreenshot(page, 'accounts-errors');
  await summary.getByRole('link').click();
  await expect(connectForm(page).getByLabel('App password')).toBeFocused();

  await expect(page.locator('.govuk-summary-card')).toHaveCount(0);
  await openScreen(page, 'Accounts');
  await expect(page.getByRole('heading', { name: 'No accounts connected yet' })).toBeVisible();
  expect(await page.content()).not.toContain(wrong);
  for (const body of answers) expect(body).not.toContain(wrong);
  await openScreen(page, 'Audit');
  await expect(page.locator('[data-action^="account."]')).toHaveCount(0);
});

test('an officer sees accounts and can check them, but only a manager connects or changes them', async ({ page, bluesky }) => {
  await setUpAdmin(page);
  await addOfficer(page);
  await signOut(page);
  await signIn(page, OFFICER.username, OFFICER.password);
  await expect(heading(page)).not.toHaveText('Sign in to Herald');
  await openScreen(page, 'Accounts');
  await expect(page.getByRole('heading', { name: 'No accounts connected yet' })).toBeVisible();
  await expect(page.getByText('A manager connects accounts')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Connect an account' })).toHaveCount(0);
  await expectNoSeriousViolations(page, 'accounts, empty, as an officer');

  // A manager connects one; the officer then sees it, with "Check now" only.
  await signOut(page);
  await signIn(page, ADMIN.username, ADMIN.password);
  await openScreen(page, 'Accounts');
  await page.getByRole('button', { name: 'Connect an account' }).click();
  await fillConnectForm(page, bluesky, await bluesky.newAppPassword('herald'));
  await connectForm(page).getByRole('radio', { name: 'Corporate account' }).check();
  await connectForm(page).getByRole('button', { name: 'Connect account' }).click();
  await expect(card(page).locator('.govuk-tag')).toHaveText('Working');
  await signOut(page);
  await signIn(page, OFFICER.username, OFFICER.password);
  await openScreen(page, 'Accounts');
  const account = card(page);
  await expect(account.locator('.govuk-tag')).toHaveText('Working');
  await expect(page.getByText('A manager connects accounts')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Connect an account' })).toHaveCount(0);
  for (const name of ['Change details', 'Change app password', 'Disconnect']) {
    await expect(account.getByRole('button', { name })).toHaveCount(0);
  }
  await account.getByRole('button', { name: 'Check now' }).click();
  await expect(page.getByText(`Checked ${HANDLE} on Bluesky.`)).toBeVisible();
});
