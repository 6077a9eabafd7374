import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { importLabDataset } from './labDataset';
import { loadLabEditor } from './labEditor';

/** axe on the lab and on a case page with a result grid and a chart on screen (issue 14's quality budgets). */

const CHART_QUERY =
  'KubeEvents | summarize Events = count() by bin(TimeGenerated, 1h), Reason | render timechart';

/** Runs a query with the Run button, after pasting it whole (no completion in the way), and waits for its rows. */
async function runQuery(page: Page, query: string) {
  const editor = page.getByRole('textbox', { name: 'KQL query' }).first();
  await editor.focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(query);
  await page.keyboard.press('Escape');
  const status = page.getByRole('toolbar', { name: 'Query actions' }).getByRole('status');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(status).toHaveText(/rows in/, { timeout: 60_000 });
}

function violationsOf(results: Awaited<ReturnType<AxeBuilder['analyze']>>): string[] {
  return results.violations.map(
    (violation) =>
      `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join('; ')})`,
  );
}

test('axe finds nothing on the lab with a result grid, then with a chart', async ({ page }) => {
  await importLabDataset(page);
  await page.goto('/lab/');
  await loadLabEditor(page);
  await runQuery(page, 'KubeEvents | take 50');
  await expect(page.getByRole('grid').first()).toBeVisible();
  expect(violationsOf(await new AxeBuilder({ page }).analyze())).toEqual([]);

  await runQuery(page, CHART_QUERY);
  await expect(page.locator('[data-chart-ready="true"]')).toBeVisible({ timeout: 30_000 });
  expect(violationsOf(await new AxeBuilder({ page }).analyze())).toEqual([]);
});

test('axe finds nothing on a case page with a result and a chart in its lab', async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto('/scenarios/exposed-dashboard/');
  await expect(page.getByText(/^Dataset ready:/)).toBeVisible({ timeout: 180_000 });
  await expect(page.locator('html[data-lab-editor="ready"]')).toBeAttached({ timeout: 30_000 });
  await runQuery(page, 'KubeEvents | take 20');
  await expect(page.getByRole('grid').first()).toBeVisible();
  // Monaco's own markup is left out, as on every other page that axe checks (e2e/investigation.spec.ts).
  expect(violationsOf(await new AxeBuilder({ page }).exclude('.monaco-editor').analyze())).toEqual([]);

  await runQuery(page, CHART_QUERY);
  await expect(page.locator('[data-chart-ready="true"]')).toBeVisible({ timeout: 30_000 });
  expect(violationsOf(await new AxeBuilder({ page }).exclude('.monaco-editor').analyze())).toEqual([]);
});
