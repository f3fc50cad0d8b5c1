/**
 * Four-eyes approval end to end (issue 5 point 9; R5, R10): an officer drafts a post with a finding that needs
 * sign-off; an approver asks for a change, sees exactly what changed, signs the finding off with a written reason;
 * the post becomes scheduled, and the Audit screen shows every step with who did it. The same approver cannot
 * approve their own draft: the screen says why, and the core refuses even a direct call.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { ADMIN, APPROVER, OFFICER, addUser, heading, openScreen, saveScreenshot, setUpAdmin, signIn, signOut } from './support/herald';
import { expectNoSeriousViolations } from './support/checks';

const TEXT = 'Questions about your new bins? Email jane.smith@example.com and Jane will help.';
const ADDED = ' The helpdesk is open 9am to 5pm, Monday to Friday.';

async function draftAndSubmit(page: Page, title: string, text: string): Promise<void> {
  await openScreen(page, 'Compose');
  const editor = page.getByRole('region', { name: 'New post' });
  await editor.getByLabel('Title').fill(title);
  await editor.getByRole('checkbox', { name: '@AnytownCouncil on X' }).check();
  await editor.getByRole('checkbox', { name: 'anytown.gov.uk on Bluesky' }).check();
  await editor.getByLabel('Post text').fill(text);
  // The first save turns the new post into a draft and the page settles; then Wednesday 2 December 2026 at 10:00.
  await expect(page.getByRole('status').filter({ hasText: /Draft saved at \d\d:\d\d/ })).toBeVisible();
  const setTime = page.getByRole('radio', { name: 'At a set time' });
  await expect(async () => {
    await setTime.check();
    await expect(setTime).toBeChecked({ timeout: 1000 });
  }).toPass();
  const date = page.getByRole('group', { name: 'Date' });
  await date.getByLabel('Day').fill('2');
  await date.getByLabel('Month').fill('12');
  await date.getByLabel('Year').fill('2026');
  await page.getByLabel('Time (UK time)').fill('10:00');
  await expect(page.locator('#compose-when-words')).toContainText('Wednesday 2 December 2026 at 10:00 (UK time)');
  await page.getByRole('button', { name: 'Submit for approval' }).click();
  await expect(page.locator('.govuk-notification-banner--success')).toContainText('Submitted for approval');
}

async function auditRows(page: Page): Promise<Array<{ action: string; actor: string }>> {
  await openScreen(page, 'Audit');
  await expect(page.locator('td[data-action="post.scheduled"]').first()).toBeVisible();
  return page.locator('tbody tr').evaluateAll((rows) =>
    rows.map((r) => ({
      action: r.querySelector('td[data-action]')?.getAttribute('data-action') ?? '',
      actor: r.textContent ?? '',
    })),
  );
}

test('an officer’s post with a sign-off finding is reviewed, changed, signed off with a reason and scheduled, all on record', async ({ page, harness }) => {
  await setUpAdmin(page);
  await harness.seedAccounts();
  await addUser(page, OFFICER, 'Officer');
  await addUser(page, APPROVER, 'Approver');
  await signOut(page);

  await signIn(page, OFFICER.username, OFFICER.password);
  await draftAndSubmit(page, 'Bin helpdesk', TEXT);
  await signOut(page);

  // The approver finds it in the queue, with the finding, its clause and a box for the reason.
  await signIn(page, APPROVER.username, APPROVER.password);
  await openScreen(page, 'Approvals');
  await expect(page.getByRole('heading', { name: 'Waiting for approval (1)' })).toBeVisible();
  await expectNoSeriousViolations(page, 'approvals queue');
  await page.getByRole('button', { name: 'Review Bin helpdesk' }).click();
  await expect(page.getByRole('heading', { name: 'Review: Bin helpdesk' })).toBeFocused();
  await expect(page.getByText('Policy: 002_10d59e3fea5b670d.txt (BAR) 5a').first()).toBeVisible();
  await expect(page.locator('mark.app-finding-mark--sign-off', { hasText: 'jane.smith@example.com' }).first()).toBeVisible();

  // Sent back for a change; the author adds the opening hours and submits again.
  await page.getByLabel('Comment for the author (optional when approving)').fill('Please add the helpdesk opening hours.');
  await page.getByRole('button', { name: 'Request changes' }).click();
  await expect(page.locator('.govuk-notification-banner--success')).toContainText(`Changes requested from ${OFFICER.username}`);
  await expect(page.getByRole('heading', { name: 'Sent back for changes (1)' })).toBeVisible();
  await signOut(page);

  await signIn(page, OFFICER.username, OFFICER.password);
  await openScreen(page, 'Compose');
  const mine = page.getByRole('region', { name: 'Your posts' });
  await mine.getByRole('row', { name: /Bin helpdesk/ }).getByRole('button').click();
  const editor = page.getByRole('region', { name: 'Change your post' });
  await expect(editor).toContainText(`${APPROVER.username} asked for changes: Please add the helpdesk opening hours.`);
  await editor.getByLabel('Post text').fill(TEXT + ADDED);
  await expect(page.getByRole('status').filter({ hasText: /Draft saved at \d\d:\d\d/ })).toBeVisible();
  await editor.getByRole('button', { name: 'Submit for approval' }).click();
  await expect(page.locator('.govuk-notification-banner--success')).toContainText('Submitted for approval');
  await signOut(page);

  // The approver sees exactly what changed, and must give a reason before approving.
  await signIn(page, APPROVER.username, APPROVER.password);
  await openScreen(page, 'Approvals');
  await page.getByRole('button', { name: 'Review Bin helpdesk' }).click();
  const changes = page.getByRole('region', { name: 'What changed since the last review' });
  await expect(changes).toContainText(`Since ${APPROVER.username} asked for changes`);
  await expect(changes.locator('ins').first()).toContainText('open 9am to 5pm');
  await expectNoSeriousViolations(page, 'review panel');
  await saveScreenshot(page, 'approvals-review');
  await page.getByRole('button', { name: 'Approve and schedule' }).click();
  await expect(page.locator('.govuk-error-summary')).toContainText('Give a reason for signing off');
  await page.getByLabel('Your reason for signing this off').first().fill('Jane runs the public bins helpdesk; this is her published work address.');
  await page.getByRole('button', { name: 'Approve and schedule' }).click();
  await expect(page.locator('.govuk-notification-banner--success')).toContainText(
    'Approved. “Bin helpdesk” is scheduled for Wednesday 2 December 2026 at 10:00 (UK time).',
  );
  await expect(page.getByRole('heading', { name: 'Scheduled (1)' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Waiting for approval (0)' })).toBeVisible();

  // Every step is on record, with who took it.
  const rows = (await auditRows(page)).filter((r) => r.action.startsWith('post.')).reverse();
  expect(rows.map((r) => r.action)).toEqual([
    'post.drafted',
    'post.submitted',
    'post.changes-requested',
    'post.submitted',
    'post.approved',
    'post.scheduled',
  ]);
  expect(rows[0]!.actor).toContain(OFFICER.username);
  expect(rows[2]!.actor).toContain(APPROVER.username);
  expect(rows[4]!.actor).toContain(APPROVER.username);
  expect(rows[4]!.actor).toContain('published work address');
  await expect(page.locator('td[data-action="post.approved"]').first()).toHaveText('Post approved');
});

test('an approver cannot approve their own draft: the screen says why and the core refuses a direct call', async ({ page, harness }) => {
  await setUpAdmin(page);
  await harness.seedAccounts();
  await addUser(page, APPROVER, 'Approver');
  await signOut(page);
  await signIn(page, APPROVER.username, APPROVER.password);
  await draftAndSubmit(page, 'My own post', 'The recycling centre opens at 9am on Saturday.');

  await openScreen(page, 'Approvals');
  await page.getByRole('button', { name: 'Open My own post' }).click();
  await expect(page.getByText('You wrote this post, so someone else must review it (four eyes).')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Approve and schedule' })).toHaveCount(0);

  // Asking the core directly, as a tampered renderer would, is refused there too.
  const answer = await page.evaluate(async () => {
    const herald = (window as unknown as { herald: { invoke(c: string, p: unknown): Promise<{ ok: boolean; error?: { code: string }; value?: unknown }> } }).herald;
    const list = (await herald.invoke('posts:list', { states: ['submitted'] })) as { value: Array<{ id: string; contentHash: string }> };
    const post = list.value[0]!;
    return herald.invoke('posts:approve', { postId: post.id, contentHash: post.contentHash, reasons: [], comment: '' });
  });
  expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  await signOut(page);

  // The manager, a different person, can approve it.
  await signIn(page, ADMIN.username, ADMIN.password);
  await openScreen(page, 'Approvals');
  await page.getByRole('button', { name: 'Review My own post' }).click();
  await page.getByRole('button', { name: 'Approve and schedule' }).click();
  await expect(page.locator('.govuk-notification-banner--success')).toContainText('Approved. “My own post” is scheduled');
  await expect(heading(page)).toHaveText('Approvals');
});
