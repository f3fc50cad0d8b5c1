/**
 * Connecting accounts that sign in with OAuth, through the UI, against loopback fakes started inside the harness
 * (e2e/harness/oauth-fakes.ts): a strict OAuth 2 authorisation server, a simulated system browser that signs in and
 * allows access, a spec-checked fake X API and a fake Facebook Graph API.
 * - X: the manager enters the organisation's app registration (client id, secret, the registered redirect port);
 *   Herald says it is waiting for the sign-in in the browser; the account then shows as working, with what Herald
 *   cannot do on X, and the audit log records who authorised it. A second connection reuses the remembered app.
 * - A sign-in reply with the wrong state (RFC 6749 §10.12) is refused with a plain message and audited.
 * - Facebook asks which Page to connect (only Pages the person can post to) and connects the chosen one.
 * The client secret never comes back: not in the page, not in any IPC answer (R2). axe finds no serious or critical
 * problem on the form with the OAuth fields, while waiting, with a refusal, and on the Page choice.
 */
import type { Page } from '@playwright/test';
import { test as base, expect } from './fixtures';
import { spawnHarness, type HarnessHandle } from './harness/spawn-harness';
import type { OAuthFakesInfo } from './harness/oauth-fakes';
import { ADMIN, openScreen, saveScreenshot, setUpAdmin } from './support/herald';
import { expectNoSeriousViolations, recordIpcAnswers } from './support/checks';

// Every test here gets a harness with the OAuth fakes running.
const test = base.extend<{ harness: HarnessHandle; fakes: OAuthFakesInfo }>({
  // eslint-disable-next-line no-empty-pattern
  harness: async ({}, use) => {
    const harness = await spawnHarness({ oauthFakes: true });
    try {
      await use(harness);
    } finally {
      await harness.stop();
    }
  },
  fakes: async ({ harness }, use) => {
    if (!harness.oauth) throw new Error('the harness did not start its OAuth fakes');
    await use(harness.oauth);
  },
});

const WAITING_FOR_X = 'Sign in to X in the browser window Herald opened. Herald is waiting for you (up to 5 minutes)…';

async function expectSecretNeverShown(page: Page, answers: string[], secret: string): Promise<void> {
  expect(await page.content()).not.toContain(secret);
  expect(answers.length).toBeGreaterThan(0);
  for (const body of answers) expect(body).not.toContain(secret);
}

function connectForm(page: Page) {
  return page.getByRole('form', { name: 'Connect an account' });
}

function card(page: Page, name: string) {
  return page.locator('.govuk-summary-card').filter({ has: page.getByRole('heading', { name }) });
}

async function openConnectForm(page: Page): Promise<void> {
  await openScreen(page, 'Accounts');
  await page.getByRole('button', { name: 'Connect an account' }).click();
  await expect(page.getByRole('heading', { name: 'Connect an account' })).toBeFocused();
}

type XForm = { serviceUrl?: string; clientId?: string; clientSecret?: string; port?: string };

async function fillXForm(page: Page, values: XForm): Promise<void> {
  const form = connectForm(page);
  await form.getByRole('group', { name: 'Platform' }).getByRole('radio', { name: 'X', exact: true }).check();
  if (values.serviceUrl !== undefined) await form.getByLabel('Server address').fill(values.serviceUrl);
  const app = form.getByRole('group', { name: 'App registration' });
  if (values.clientId !== undefined) await app.getByLabel('Client ID').fill(values.clientId);
  if (values.clientSecret !== undefined) await app.getByLabel('Client secret').fill(values.clientSecret);
  if (values.port !== undefined) await app.getByLabel('Redirect port').fill(values.port);
  await form.getByLabel('Owner').fill('Communications team');
  await form.getByLabel('Purpose').fill('News and service updates for residents');
  await form.getByRole('radio', { name: 'Corporate account' }).check();
}

test('a manager connects X by signing in in the browser; Herald waits, shows it working and audits who authorised it', async ({ page, harness, fakes }) => {
  const answers = await recordIpcAnswers(page);
  const x = fakes.x;
  await harness.oauthBehaviour({ holdBrowser: true }); // the manager takes a moment to sign in
  await setUpAdmin(page);
  await openConnectForm(page);
  const form = connectForm(page);

  // The OAuth platforms are offered now, each saying how it connects.
  const platforms = form.getByRole('group', { name: 'Platform' });
  for (const name of ['Bluesky', 'X', 'Facebook Page', 'Mastodon']) await expect(platforms.getByRole('radio', { name, exact: true })).toBeEnabled();
  await expect(platforms.getByText('Sign in to X in your web browser', { exact: false })).toBeVisible();
  await expect(form.getByText('arrives in a later release', { exact: false })).toHaveCount(0);

  // Mastodon: the manager's own server, and no app registration to enter.
  await platforms.getByRole('radio', { name: 'Mastodon' }).check();
  await expect(form.getByLabel('Server address')).toHaveValue('');
  await expect(form.getByText('Your organisation’s Mastodon server, for example https://social.example.gov.uk')).toBeVisible();
  await expect(form.getByRole('group', { name: 'App registration' })).toHaveCount(0);

  // X: the server address is filled in; the app registration asks for the port X accepts.
  await platforms.getByRole('radio', { name: 'X', exact: true }).check();
  await expect(form.getByLabel('Server address')).toHaveValue('https://api.x.com');
  const app = form.getByRole('group', { name: 'App registration' });
  await expect(app.getByText('Leave blank to use the one Herald already has', { exact: false }).first()).toBeVisible();
  await expect(app.getByLabel('Client ID')).toHaveAccessibleDescription(/X developer console\. Leave blank to use the one Herald already has/);
  await expect(app.getByLabel('Client secret')).toHaveAttribute('type', 'password');
  await expect(app.getByLabel('Client secret')).toHaveAttribute('autocomplete', 'off');
  await expect(app.getByLabel('Redirect port')).toHaveAccessibleDescription(/http:\/\/127\.0\.0\.1:PORT\/callback/);
  await fillXForm(page, { serviceUrl: x.serviceUrl, clientId: x.clientId, clientSecret: x.clientSecret, port: String(x.port) });
  await expect(app.getByLabel('Redirect port')).toHaveAccessibleDescription(new RegExp(`http://127\\.0\\.0\\.1:${x.port}/callback`));
  await expect(form.getByText('Herald opens the X sign-in page in your web browser', { exact: false })).toBeVisible();
  await expectNoSeriousViolations(page, 'accounts, connect form for X with the app registration');
  await saveScreenshot(page, 'accounts-oauth');

  await form.getByRole('button', { name: 'Connect account' }).click();
  // Waiting for the manager to sign in, in the browser Herald opened.
  const status = form.getByRole('status').filter({ hasText: 'Herald is waiting' });
  await expect(status).toHaveText(WAITING_FOR_X);
  await expect(status).toHaveAttribute('aria-live', 'polite');
  await expect(form.getByRole('button', { name: 'Connect account' })).toHaveAttribute('aria-disabled', 'true');
  await expect(app.getByLabel('Client secret')).toHaveValue(''); // gone from the form's state as soon as it was sent
  await expectNoSeriousViolations(page, 'accounts, waiting for the X sign-in');
  await harness.oauthContinue(); // the manager signs in and allows access

  const connected = card(page, `X: ${x.handle}`);
  await expect(connected.getByRole('heading', { name: `X: ${x.handle}` })).toBeFocused();
  await expect(page.getByText(`Connected ${x.handle} on X.`)).toBeVisible();
  await expect(connected.locator('.govuk-tag')).toHaveText('Working');
  await expect(connected).toContainText(`${ADMIN.username}, connected`);
  await expect(connected).toContainText(x.serviceUrl);
  // X's API cannot block accounts: the card says so rather than pretending (R20).
  const can = connected.locator('.govuk-summary-list__row').filter({ hasText: 'What Herald can do here' });
  const cannot = connected.locator('.govuk-summary-list__row').filter({ hasText: 'What it cannot do' });
  await expect(can.getByRole('listitem').filter({ hasText: /^Mute accounts$/ })).toHaveCount(1);
  await expect(cannot.getByRole('listitem').filter({ hasText: /^Block accounts$/ })).toHaveCount(1);
  await expect(cannot).toContainText('X’s API does not let apps block accounts');
  await expect(connectForm(page)).toHaveCount(0);
  await expectNoSeriousViolations(page, 'accounts, with a connected X account');
  await expectSecretNeverShown(page, answers, x.clientSecret);

  // Herald kept the organisation's X app: connecting again needs no app registration.
  await page.getByRole('button', { name: 'Connect an account' }).click();
  await fillXForm(page, { serviceUrl: x.serviceUrl });
  await expect(connectForm(page).getByLabel('Client ID')).toHaveValue('');
  await connectForm(page).getByRole('button', { name: 'Connect account' }).click();
  await expect(page.getByText(`Connected ${x.handle} on X.`)).toBeVisible();
  await expect(page.locator('.govuk-summary-card')).toHaveCount(1);

  await openScreen(page, 'Audit');
  const rows = page.getByRole('table').locator('tbody tr');
  const row = rows.filter({ has: page.locator('[data-action="account.connected"]') });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Account connected');
  await expect(row).toContainText(ADMIN.username);
  await expect(row).toContainText(`account:x:${x.handle}`);
  await expect(row).toContainText(`authorisedBy: ${ADMIN.username}`);
  await expect(rows.filter({ has: page.locator('[data-action="account.reconnected"]') })).toHaveCount(1);
  await expectSecretNeverShown(page, answers, x.clientSecret);
});

test('a sign-in reply with the wrong state is refused with a clear message, nothing is connected, and it is audited', async ({ page, harness, fakes }) => {
  const answers = await recordIpcAnswers(page);
  const x = fakes.x;
  await harness.oauthBehaviour({ wrongState: true }); // the reply is not the answer to Herald's request
  await setUpAdmin(page);
  await openConnectForm(page);
  await fillXForm(page, { serviceUrl: x.serviceUrl, clientId: x.clientId, clientSecret: x.clientSecret, port: String(x.port) });
  await connectForm(page).getByRole('button', { name: 'Connect account' }).click();

  const summary = page.locator('.govuk-error-summary');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Herald did not connect X: the sign-in reply did not match the request Herald made');
  await expect(summary).not.toContainText('state-mismatch');
  await expect(connectForm(page).getByLabel('Client secret')).toHaveValue('');
  await expect(connectForm(page).getByRole('button', { name: 'Connect account' })).not.toHaveAttribute('aria-disabled', 'true');
  await expect(page.locator('.govuk-summary-card')).toHaveCount(0);
  await expectNoSeriousViolations(page, 'accounts, X connection refused');

  // A refused connection does not keep the app registration: without a client id, Herald says what is missing.
  await harness.oauthBehaviour({ wrongState: false });
  await connectForm(page).getByLabel('Client ID').fill('');
  await connectForm(page).getByRole('button', { name: 'Connect account' }).click();
  await expect(summary).toContainText('Herald has no X app id (client id) set up');
  await expect(page.locator('#connect-client-id-error')).toContainText('Enter the client ID from the X developer console');
  await summary.getByRole('link').click();
  await expect(connectForm(page).getByLabel('Client ID')).toBeFocused();

  await openScreen(page, 'Audit');
  const refused = page.getByRole('table').locator('tbody tr').filter({ has: page.locator('[data-action="account.connect-refused"]') });
  await expect(refused).toHaveCount(1);
  await expect(refused).toContainText('Connection refused');
  await expect(refused).toContainText(ADMIN.username);
  await expect(refused).toContainText('reason: state-mismatch');
  await expect(page.locator('[data-action="account.connected"]')).toHaveCount(0);
  await expectSecretNeverShown(page, answers, x.clientSecret);
});

test('Facebook asks which Page to connect, offering only Pages Herald can post to, and connects the chosen one', async ({ page, fakes }) => {
  const answers = await recordIpcAnswers(page);
  const fb = fakes.facebook;
  await setUpAdmin(page);
  await openConnectForm(page);
  const form = connectForm(page);
  await form.getByRole('radio', { name: 'Facebook Page' }).check();
  await expect(form.getByLabel('Server address')).toHaveValue(/^https:\/\/graph\.facebook\.com\//);
  await expect(form.getByLabel('Redirect port')).toHaveCount(0); // Facebook accepts any loopback port
  await form.getByLabel('Server address').fill(fb.serviceUrl);
  await form.getByLabel('Client ID').fill(fb.clientId);
  await form.getByLabel('Client secret').fill(fb.clientSecret);
  await form.getByLabel('Owner').fill('Communications team');
  await form.getByLabel('Purpose').fill('News and service updates for residents');
  await form.getByRole('radio', { name: 'Corporate account' }).check();
  await form.getByRole('button', { name: 'Connect account' }).click();

  const question = page.getByRole('heading', { name: 'Which Facebook Page should Herald connect?' });
  await expect(question).toBeFocused();
  const choose = page.getByRole('form', { name: 'Which Facebook Page should Herald connect?' });
  const choices = choose.getByRole('group', { name: 'Which Facebook Page should Herald connect?' }).getByRole('radio');
  await expect(choices).toHaveCount(2);
  await expect(choose.getByRole('radio', { name: 'Anytown Council' })).toBeVisible();
  await expect(choose.getByRole('radio', { name: 'Anytown Libraries' })).toBeVisible();
  await expect(choose.getByRole('radio', { name: 'Anytown Leisure Centre' })).toHaveCount(0); // analyse only: cannot post
  await expectNoSeriousViolations(page, 'accounts, choosing the Facebook Page');
  await saveScreenshot(page, 'accounts-oauth-choose-page');

  await choose.getByRole('button', { name: 'Connect this Page' }).click();
  await expect(page.locator('.govuk-error-summary')).toContainText('Select the Facebook Page to connect');
  await choose.getByRole('radio', { name: 'Anytown Council' }).check();
  await choose.getByRole('button', { name: 'Connect this Page' }).click();

  const connected = card(page, 'Facebook Page: Anytown Council');
  await expect(connected.getByRole('heading', { name: 'Facebook Page: Anytown Council' })).toBeFocused();
  await expect(page.getByText('Connected Anytown Council on Facebook Page.')).toBeVisible();
  await expect(connected.locator('.govuk-tag')).toHaveText('Working');
  await expect(connected).toContainText(`${ADMIN.username}, connected`);
  await expect(page.locator('.govuk-summary-card')).toHaveCount(1);
  await expectSecretNeverShown(page, answers, fb.clientSecret);

  await openScreen(page, 'Audit');
  const row = page.getByRole('table').locator('tbody tr').filter({ has: page.locator('[data-action="account.connected"]') });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('account:facebook:Anytown Council');
  await expect(row).toContainText(`authorisedBy: ${ADMIN.username}`);
  await expectSecretNeverShown(page, answers, fb.clientSecret);
});

test('a Facebook sign-in that manages no Pages is explained, and the manager can connect again', async ({ page, harness, fakes }) => {
  const fb = fakes.facebook;
  await harness.oauthBehaviour({ noFacebookPages: true });
  await setUpAdmin(page);
  await openConnectForm(page);
  const form = connectForm(page);
  await form.getByRole('radio', { name: 'Facebook Page' }).check();
  await form.getByLabel('Server address').fill(fb.serviceUrl);
  await form.getByLabel('Client ID').fill(fb.clientId);
  await form.getByLabel('Client secret').fill(fb.clientSecret);
  await form.getByLabel('Owner').fill('Communications team');
  await form.getByLabel('Purpose').fill('News and service updates for residents');
  await form.getByRole('radio', { name: 'Corporate account' }).check();
  await form.getByRole('button', { name: 'Connect account' }).click();

  await expect(page.getByRole('heading', { name: 'No Facebook Pages to connect' })).toBeFocused();
  await expect(page.getByText('Your sign-in does not manage any Facebook Pages Herald can post to.', { exact: false })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Anytown Council' })).toHaveCount(0);
  await expectNoSeriousViolations(page, 'accounts, a Facebook sign-in with no Pages');

  // Back to the form, with what was typed kept (the secret excepted); this time the sign-in manages Pages.
  await harness.oauthBehaviour({ noFacebookPages: false });
  await page.getByRole('button', { name: 'Connect again' }).click();
  await expect(page.getByRole('heading', { name: 'Connect an account' })).toBeFocused();
  await expect(connectForm(page).getByLabel('Server address')).toHaveValue(fb.serviceUrl);
  await expect(connectForm(page).getByLabel('Client secret')).toHaveValue('');
  await connectForm(page).getByLabel('Client secret').fill(fb.clientSecret);
  await connectForm(page).getByRole('button', { name: 'Connect account' }).click();
  await expect(page.getByRole('heading', { name: 'Which Facebook Page should Herald connect?' })).toBeFocused();
  await expect(page.locator('.govuk-summary-card')).toHaveCount(0);
});
