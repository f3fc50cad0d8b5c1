/** Checks the specs share: an axe-core scan at WCAG 2.2 AA, and a recording of every IPC answer main sends a page. */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** axe-core with the WCAG 2.0, 2.1 and 2.2 A and AA rules plus best practice; nothing serious or critical allowed. */
export async function expectNoSeriousViolations(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice'])
    .analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious, `axe on ${label}`).toEqual([]);
}

/** Every answer main sends the page, as text, so a test can prove a secret never comes back. */
export async function recordIpcAnswers(page: Page): Promise<string[]> {
  const answers: string[] = [];
  await page.route('**/ipc', async (route) => {
    const response = await route.fetch();
    const body = await response.text();
    answers.push(body);
    await route.fulfill({ response, body });
  });
  return answers;
}
