/** Signing in and out; wrong passwords are refused, throttled, and recorded in the audit log. */
import { test, expect } from './fixtures';
import { ADMIN, heading, openScreen, saveScreenshot, setUpAdmin, signIn, signOut } from './support/herald';

test('an administrator signs out and signs back in', async ({ page }) => {
  await setUpAdmin(page);
  await signOut(page);
  await expect(page.getByText('You have signed out.')).toBeVisible();
  await saveScreenshot(page, 'sign-in');
  await signIn(page, ADMIN.username, ADMIN.password);
  await expect(heading(page)).toHaveText('Compose');
  await expect(page.getByRole('banner')).toContainText(`Signed in as ${ADMIN.displayName}`);
});

test('a wrong password is refused and the failure appears in the audit log', async ({ page }) => {
  await setUpAdmin(page);
  await signOut(page);
  await signIn(page, ADMIN.username, 'not the right password');
  const summary = page.locator('.govuk-error-summary');
  await expect(summary).toContainText('That username and password do not match an active Herald user');
  await expect(summary).toBeFocused();
  await expect(page.getByLabel('Password')).toHaveValue('');

  await signIn(page, ADMIN.username, ADMIN.password);
  await openScreen(page, 'Audit');
  const failed = page.getByRole('row').filter({ hasText: 'Sign-in failed' });
  await expect(failed).toHaveCount(1);
  await expect(failed).toContainText(ADMIN.username);
  await expect(failed).toContainText('reason: wrong-password');
  // Newest first: the successful sign-in comes above the failure.
  const actions = await page.locator('tbody tr td[data-action]').evaluateAll((cells) => cells.map((c) => c.getAttribute('data-action')));
  expect(actions.indexOf('auth.signed-in')).toBeLessThan(actions.indexOf('auth.sign-in-failed'));
});

test('repeated wrong passwords are throttled with a clear wait', async ({ page }) => {
  await setUpAdmin(page);
  await signOut(page);
  const summary = page.locator('.govuk-error-summary');
  // Five failures are free; after that each attempt must wait (1 s, doubling), so keep trying until refused.
  let throttled = false;
  for (let i = 0; i < 10 && !throttled; i++) {
    await signIn(page, ADMIN.username, `wrong password ${i}`);
    await expect(page.getByLabel('Password')).toHaveValue(''); // cleared when the answer has come back
    throttled = (await summary.textContent())!.includes('Too many');
  }
  expect(throttled).toBe(true);
  await expect(summary).toContainText(/Too many failed attempts for this username\. Try again in \d+ seconds?\./);
});
