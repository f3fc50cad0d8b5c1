/** Steps the tests share, done through the UI as a person would, plus screenshot saving. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Page } from '@playwright/test';

export const ADMIN = { username: 'amara.admin', displayName: 'Amara Admin', password: 'correct horse battery staple' };
export const OFFICER = { username: 'oliver.officer', displayName: 'Oliver Officer', password: 'purple elephant rides bicycle' };
export const APPROVER = { username: 'abi.approver', displayName: 'Abi Approver', password: 'seven lanterns over the quay' };

const screenshotsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../screenshots');

export async function saveScreenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(screenshotsDir, `${name}.png`), fullPage: true, animations: 'disabled' });
}

export function heading(page: Page) {
  return page.getByRole('heading', { level: 1 });
}

/** First-run setup through the form; ends signed in as ADMIN on the first screen. */
export async function setUpAdmin(page: Page, trainingDate = { day: '3', month: '3', year: '2026' }): Promise<void> {
  await page.goto('/');
  await expect(heading(page)).toHaveText('Create the first administrator');
  await page.getByLabel('Username').fill(ADMIN.username);
  await page.getByLabel('Full name').fill(ADMIN.displayName);
  await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
  await page.getByLabel('Confirm password').fill(ADMIN.password);
  await page.getByLabel('Day').fill(trainingDate.day);
  await page.getByLabel('Month').fill(trainingDate.month);
  await page.getByLabel('Year').fill(trainingDate.year);
  await page.getByRole('button', { name: 'Create administrator' }).click();
  await expect(heading(page)).toHaveText('Compose');
}

export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(heading(page)).toHaveText('Sign in to Herald');
}

export async function openScreen(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Herald' }).getByRole('link', { name, exact: true }).click();
  await expect(heading(page)).toBeFocused();
}

/** Adds OFFICER (officer role, trained) through the Users screen. */
export async function addOfficer(page: Page): Promise<void> {
  await addUser(page, OFFICER, 'Officer');
}

/** Adds a trained user with one role through the Users screen, as a manager would. */
export async function addUser(page: Page, user: { username: string; displayName: string; password: string }, role: 'Officer' | 'Approver' | 'Moderator' | 'Manager'): Promise<void> {
  await openScreen(page, 'Users');
  const form = page.getByRole('form', { name: 'Add a user' });
  await form.getByLabel('Username').fill(user.username);
  await form.getByLabel('Full name').fill(user.displayName);
  await form.getByLabel('Starting password').fill(user.password);
  await form.getByRole('checkbox', { name: role }).check();
  await form.getByLabel('Day').fill('12');
  await form.getByLabel('Month').fill('1');
  await form.getByLabel('Year').fill('2026');
  await form.getByRole('button', { name: 'Add user' }).click();
  await expect(page.getByText(`${user.displayName} (${user.username}) has been added.`)).toBeVisible();
}
