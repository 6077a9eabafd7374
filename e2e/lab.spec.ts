import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { loadLabEditor } from './labEditor';
import { importLabDataset, LAB_SCENARIO, LAB_SEED } from './labDataset';

/** Files that only the lab may load: Monaco, the Kusto language service and the chart library. */
const LAB_ONLY_FILES = /monaco|kusto|edcore|editor\.api|editor\.worker|echarts|codicon/i;

async function openLab(page: Page, path = '/lab/') {
  await page.goto(path);
  await loadLabEditor(page, { intellisense: true });
  await expect(page.getByLabel('Stored dataset').locator('option:checked')).toHaveText(
    `${LAB_SCENARIO} · seed ${LAB_SEED}`,
  );
}

function editor(page: Page) {
  return page.getByRole('textbox', { name: 'KQL query' }).first();
}

/** Replaces the editor's text by typing, as a learner would. */
async function typeQuery(page: Page, text: string) {
  await editor(page).focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type(text);
  await page.keyboard.press('Escape');
}

function status(page: Page) {
  return page.getByRole('toolbar', { name: 'Query actions' }).getByRole('status');
}

test.beforeEach(async ({ page }) => {
  await importLabDataset(page);
});

test('a query typed with completion runs and shows rows', async ({ page }) => {
  const kustoLanguageFetches: string[] = [];
  page.context().on('request', (request) => {
    if (/kusto-language/.test(request.url())) kustoLanguageFetches.push(request.url());
  });
  await openLab(page);
  await expect(page.locator('html[data-lab-intellisense="ready"]')).toBeAttached({ timeout: 30_000 });
  await typeQuery(page, '');
  await page.keyboard.type('KubeEv');
  await page.keyboard.press('Control+Space');
  const suggestion = page
    .locator('.suggest-widget')
    .getByRole('option', { name: /KubeEvents/ })
    .first();
  await expect(suggestion).toBeVisible({ timeout: 15_000 });
  await page.keyboard.press('Enter');
  // Like Kusto's own editors, accepting a table starts the next line with a pipe.
  await expect(page.locator('.monaco-editor .view-lines')).toContainText(/KubeEvents\s*\|/);
  await page.keyboard.type("where Reason == 'BackOff' | take 25");
  await page.keyboard.press('Escape');
  await expect(editor(page)).toBeFocused();
  await page.keyboard.press('Shift+Enter');
  await expect(status(page)).toHaveText(/^25 rows in \d+ ms/, { timeout: 30_000 });
  const grid = page.getByRole('grid', { name: 'Query 1 result' });
  await expect(grid.getByRole('columnheader', { name: /Reason/ }).first()).toBeVisible();
  await expect(grid.getByRole('gridcell', { name: 'BackOff' }).first()).toBeVisible();
  // Completion (Monaco's Kusto worker) and the query (the query worker) both ran on one copy of Kusto.Language.
  expect(new Set(kustoLanguageFetches).size).toBe(1);
});

test('render timechart draws a chart', async ({ page }) => {
  await openLab(page);
  await typeQuery(
    page,
    'KubeEvents | summarize count() by bin(TimeGenerated, 1h), Reason | render timechart',
  );
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(status(page)).toHaveText(/rows in/, { timeout: 30_000 });
  const chart = page.locator('[data-chart-ready="true"]');
  await expect(chart).toBeVisible();
  // Drawn: the canvas has painted pixels, and the chart's element is an image with a name.
  const painted = await chart
    .locator('canvas')
    .first()
    .evaluate((canvas: HTMLCanvasElement) => {
      const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
      let count = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) count++;
      return count;
    });
  expect(painted).toBeGreaterThan(1000);
  await expect(chart.getByRole('img')).toHaveAccessibleName(/.+/);
  await page.getByRole('button', { name: 'Table', exact: true }).click();
  await expect(page.getByRole('grid')).toBeVisible();
});

test('a broken query shows a marker on its span and a message with the code', async ({ page }) => {
  await openLab(page);
  await typeQuery(page, 'KubeEvents | where NoSuchColumn == 1');
  await page.keyboard.press('Shift+Enter');
  const alert = page.getByRole('alert').filter({ hasText: 'NoSuchColumn' });
  await expect(alert).toBeVisible({ timeout: 30_000 });
  await expect(alert).toContainText(/KS\d+ at line 1, column 20/);
  await expect(page.locator('.monaco-editor .squiggly-error').first()).toBeAttached();
});

test('result text never becomes markup', async ({ page }) => {
  let dialogs = 0;
  page.on('dialog', (dialog) => {
    dialogs++;
    void dialog.dismiss();
  });
  await openLab(page);
  await typeQuery(page, "print '<img src=x onerror=alert(1)>'");
  await page.keyboard.press('Shift+Enter');
  await expect(status(page)).toHaveText(/^1 rows in/, { timeout: 30_000 });
  await expect(page.getByRole('gridcell', { name: '<img src=x onerror=alert(1)>' })).toBeVisible();
  await typeQuery(page, "SecurityAlert | where Description startswith '<img' | project Description");
  await page.keyboard.press('Shift+Enter');
  await expect(page.getByRole('gridcell', { name: '<img src=x onerror=alert(1)>' })).toBeVisible();
  expect(await page.locator('.results img, .lab img').count()).toBe(0);
  expect(dialogs).toBe(0);
});

test('history survives a reload and a share link reopens the same result elsewhere', async ({
  page,
  browser,
}) => {
  await openLab(page);
  const query = "SecurityAlert | where AlertSeverity == 'High' | summarize Alerts = count() by AlertName";
  await typeQuery(page, query);
  await page.keyboard.press('Shift+Enter');
  // The grid shows this query's column before the status is read: an earlier status would also say "rows in".
  await expect(page.getByRole('columnheader', { name: /^Alerts/ }).first()).toBeVisible({ timeout: 30_000 });
  await expect(status(page)).toHaveText(/rows in/, { timeout: 30_000 });
  const rowsText = /^[\d,]+ rows/.exec((await status(page).textContent())!)![0];

  await page.getByRole('button', { name: 'Copy share link' }).click();
  await expect(page).toHaveURL(/#q=.+&scenario=lab-journey&seed=7/);
  const shareUrl = page.url();

  await page.goto('/lab/');
  const history = page.getByRole('list', { name: 'Queries run' });
  await expect(history.getByRole('button', { name: /SecurityAlert/ })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('searchbox', { name: 'Search the query history' }).fill('High');
  await expect(history.getByRole('button')).toHaveCount(1);
  await page.getByRole('searchbox', { name: 'Search the query history' }).fill('no such words');
  await expect(history.getByRole('button')).toHaveCount(0);

  // Another machine: a fresh browser profile with the same dataset (same scenario and seed).
  const elsewhere = await browser.newContext({ baseURL: new URL(shareUrl).origin });
  const other = await elsewhere.newPage();
  await importLabDataset(other);
  await other.goto(shareUrl);
  await expect(other.getByRole('tab', { name: 'Shared query' })).toHaveAttribute('aria-selected', 'true', {
    timeout: 30_000,
  });
  await expect(other.getByRole('toolbar', { name: 'Query actions' }).getByRole('status')).toHaveText(
    new RegExp(`^${rowsText}`),
    { timeout: 30_000 },
  );
  await elsewhere.close();
});

test('a lesson page without a lab requests no Monaco, Kusto or chart files', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  await page.goto('/modules/4-7-defender-for-containers/');
  await page.waitForLoadState('networkidle');
  expect(requested.filter((url) => LAB_ONLY_FILES.test(new URL(url).pathname))).toEqual([]);
});

test('the lab is usable with the keyboard alone and axe finds no violations', async ({ page }) => {
  await openLab(page);
  // Tab from the page's top to the editor, type, run, then reach the grid and move in it.
  await page.getByRole('searchbox', { name: 'Find a table or column' }).focus();
  await page.keyboard.type('KubeEvents');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Insert table KubeEvents' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(editor(page)).toBeFocused();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('KubeEvents | take 3');
  await page.keyboard.press('Shift+Enter');
  await expect(status(page)).toHaveText(/^3 rows in/, { timeout: 30_000 });
  await page.getByRole('button', { name: 'Export CSV' }).focus();
  for (let step = 0; step < 80; step++) {
    await page.keyboard.press('Tab');
    if (
      await page
        .getByRole('gridcell')
        .first()
        .evaluate((cell) => cell === document.activeElement)
    )
      break;
  }
  await expect(page.getByRole('gridcell').first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('[data-cell="1:0"]')).toBeFocused();

  const results = await new AxeBuilder({ page }).include('.lab').analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
});

test('the lab works offline after one visit', async ({ page, context }) => {
  await openLab(page);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await context.setOffline(true);
  await page.reload();
  await loadLabEditor(page, { intellisense: true });
  await typeQuery(page, 'KubeEvents | count');
  // The button, not Shift+Enter: under load the editor can be "ready" a moment before its keybinding is (another
  // test covers Shift+Enter).
  const run = page.getByRole('button', { name: 'Run', exact: true });
  await expect(run).toBeEnabled();
  await run.click();
  await expect(status(page)).toHaveText(/^1 rows in/, { timeout: 30_000 });
  await expect(page.getByRole('gridcell', { name: '6000' })).toBeVisible();
  await context.setOffline(false);
});

test('the dataset controls generate a scenario dataset with progress and show its virtual time', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await openLab(page);
  const dataset = page.getByRole('region', { name: 'Dataset' });
  const scenario = dataset.getByRole('combobox', { name: /^Scenario/ });
  const scenarioId = await scenario.locator('option').first().getAttribute('value');
  await scenario.selectOption(scenarioId!);
  await dataset.getByLabel('Seed', { exact: true }).fill('11');
  await dataset.getByLabel('Simulated days').fill('1');
  await dataset.getByRole('button', { name: 'Generate' }).click();
  await expect(dataset.getByRole('progressbar')).toBeVisible();
  await expect(dataset.getByLabel('Stored dataset').locator('option:checked')).toHaveText(
    `${scenarioId} · seed 11 · 1 d`,
    { timeout: 120_000 },
  );
  await expect(dataset.getByTestId('virtual-now')).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$/);
  await typeQuery(page, 'SecurityAlert | summarize count()');
  await page.keyboard.press('Shift+Enter');
  await expect(status(page)).toHaveText(/^1 rows in/, { timeout: 30_000 });
});

test('a running query can be cancelled, and an empty time window names the dataset range', async ({
  page,
}) => {
  await openLab(page);
  // Within the row limit (a range past it stops at once with KQL_LIMIT), and long enough to be cancelled.
  await typeQuery(page, 'range x from 1 to 9000000 step 1 | summarize dcount(hash_sha256(tostring(x)))');
  await page.keyboard.press('Shift+Enter');
  await expect(status(page)).toHaveText('Running…');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'cancelled' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled();

  await typeQuery(page, 'KubeEvents | where TimeGenerated < ago(30d)');
  await page.keyboard.press('Shift+Enter');
  await expect(status(page)).toHaveText(/^0 rows in/, { timeout: 30_000 });
  await expect(page.getByRole('note').filter({ hasText: 'ago() counts back from that now' })).toContainText(
    'this dataset spans',
  );
});
