import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';

/**
 * The lab page loads Monaco when the learner first points at or focuses the editor (a plain text box until then):
 * waits for the island to take over the page's HTML, focuses the editor as a learner would, and waits for Monaco.
 * With `intellisense`, also for the Kusto language worker, which starts once the query engine is warm: a test that
 * types key by key waits for it, since suggestions that appear halfway through typing take keys (commit characters).
 */
export async function loadLabEditor(page: Page, options: { intellisense?: boolean } = {}): Promise<void> {
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0, { timeout: 30_000 });
  await page.getByRole('textbox', { name: 'KQL query' }).first().focus();
  await expect(page.locator('html[data-lab-editor="ready"]')).toBeAttached({ timeout: 30_000 });
  if (options.intellisense) {
    await expect(page.locator('html[data-lab-intellisense="ready"]')).toBeAttached({ timeout: 60_000 });
  }
}
