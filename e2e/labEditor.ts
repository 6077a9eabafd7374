import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';

/**
 * The lab page loads Monaco when the learner first points at or focuses the editor (a plain text box until then):
 * waits for the island to take over the page's HTML, focuses the editor as a learner would, and waits for Monaco.
 */
export async function loadLabEditor(page: Page): Promise<void> {
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0, { timeout: 30_000 });
  await page.getByRole('textbox', { name: 'KQL query' }).first().focus();
  await expect(page.locator('html[data-lab-editor="ready"]')).toBeAttached({ timeout: 30_000 });
}
