import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { loadLabEditor } from './labEditor';
import { importLabDataset } from './labDataset';

/** The lab as an application: data on arrival, a layout that never widens the page, keys, fixes, offline search. */

function editor(page: Page) {
  return page.getByRole('textbox', { name: 'KQL query' }).first();
}

function status(page: Page) {
  return page.getByRole('toolbar', { name: 'Query actions' }).getByRole('status');
}

async function openLab(page: Page) {
  await page.goto('/lab/');
  await loadLabEditor(page, { intellisense: true });
}

/** Replaces the editor's text as a learner would, leaving no suggestion list open. */
async function typeQuery(page: Page, text: string) {
  await editor(page).focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type(text);
  await page.keyboard.press('Escape');
}

async function pageWidth(page: Page) {
  return page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    viewport: window.innerWidth,
  }));
}

test('a fresh profile runs the starter query with no other action', async ({ page }) => {
  test.setTimeout(240_000);
  await openLab(page);
  // No dataset is stored: the lab makes the starter one itself; Run is pressed at once and waits for it.
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(status(page)).toHaveText(/^\d+ rows in \d+ ms/, { timeout: 200_000 });
  await expect(
    page
      .getByRole('grid', { name: 'Query 1 result' })
      .getByRole('columnheader', { name: /^Alerts/ })
      .first(),
  ).toBeVisible();
  await expect(page.getByLabel('Stored dataset').locator('option:checked')).toHaveText(/seed \d+ · 3 d$/);
});

for (const viewport of [
  { width: 1280, height: 900 },
  { width: 390, height: 844 },
]) {
  test(`a 40-column result leaves the page as wide as the viewport at ${viewport.width} px`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    await importLabDataset(page);
    await openLab(page);
    // SecurityAlert has 39 columns; one more makes the 40 of the report.
    await typeQuery(page, 'SecurityAlert | take 10 | extend Extra = 1');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(status(page)).toHaveText(/^10 rows in/, { timeout: 30_000 });
    const grid = page.getByRole('grid', { name: 'Query 1 result' });
    expect(Number(await grid.getAttribute('aria-colcount'))).toBe(40);
    expect(await pageWidth(page)).toEqual({ scrollWidth: viewport.width, viewport: viewport.width });
    // The editor comes first on a phone too: it starts within the first screen.
    const box = await editor(page).boundingBox();
    expect(box!.y).toBeLessThan(viewport.height / 2);
  });
}

test('Shift+Enter runs the query while the suggestion list is open', async ({ page }) => {
  await importLabDataset(page);
  await openLab(page);
  await expect(page.locator('html[data-lab-intellisense="ready"]')).toBeAttached({ timeout: 30_000 });
  await typeQuery(page, 'KubeEvents | take 3 | project Name');
  await page.keyboard.press('Control+Space');
  await expect(page.locator('.suggest-widget').getByRole('option').first()).toBeVisible({ timeout: 15_000 });
  await page.keyboard.press('Shift+Enter');
  await expect(status(page)).toHaveText(/^3 rows in/, { timeout: 30_000 });
  await expect(page.locator('.suggest-widget.visible')).toHaveCount(0);
});

test('a query is prepared in a pause of the typing, before Shift+Enter', async ({ page }) => {
  await importLabDataset(page);
  await openLab(page);
  await typeQuery(page, 'KubeEvents | summarize Events = count() by Reason');
  const typed = await page.evaluate(() => performance.now());
  // The engine analyses the text and loads its tables now, so that the run pays only for running it.
  await expect
    .poll(
      () =>
        page.evaluate(
          (since) =>
            performance
              .getEntriesByName('lab:worker-request')
              .filter(
                (entry) =>
                  entry.startTime >= since &&
                  ((entry as PerformanceMeasure).detail as { type: string }).type === 'prepare',
              ).length,
          typed,
        ),
      { timeout: 10_000 },
    )
    .toBeGreaterThan(0);
  await page.keyboard.press('Shift+Enter');
  await expect(status(page)).toHaveText(/^[1-9]\d* rows in/, { timeout: 30_000 });
});

test('a column typo offers the fix, and applying it runs the query', async ({ page }) => {
  await importLabDataset(page);
  await openLab(page);
  await typeQuery(page, "KubeEvents | where Reasn == 'BackOff' | take 4");
  await page.keyboard.press('Shift+Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'KS142' })).toContainText('Did you mean', {
    timeout: 30_000,
  });
  await page.getByRole('button', { name: 'Replace Reasn with Reason and run' }).click();
  await expect(status(page)).toHaveText(/^4 rows in/, { timeout: 30_000 });
  await expect(page.locator('.monaco-editor .view-lines')).toContainText("where Reason == 'BackOff'");
});

test('an empty == result whose values differ in case offers =~', async ({ page }) => {
  await importLabDataset(page);
  await openLab(page);
  await typeQuery(page, "KubeEvents | where Reason == 'backoff'");
  await page.keyboard.press('Shift+Enter');
  const advice = page.getByRole('note').filter({ hasText: 'when case is ignored' });
  await expect(advice).toBeVisible({ timeout: 30_000 });
  await advice.getByRole('button', { name: 'Use =~ and run' }).click();
  await expect(status(page)).toHaveText(/^[1-9][\d,]* rows in/, { timeout: 30_000 });
});

test('Run during a run says the new run replaced the old one', async ({ page }) => {
  await importLabDataset(page);
  await openLab(page);
  await typeQuery(page, 'range x from 1 to 9000000 step 1 | summarize dcount(hash_sha256(tostring(x)))');
  await page.keyboard.press('Shift+Enter');
  await expect(status(page)).toHaveText(/^Running…/);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(status(page)).toHaveText('Running… (this run replaced the one still running)');
  await expect(page.getByRole('alert').filter({ hasText: /KQL_/ })).toHaveCount(0);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'cancelled' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('alert').filter({ hasText: 'KQL_RUNTIME' })).toHaveCount(0);
  await typeQuery(page, 'KubeEvents | take 2');
  await page.keyboard.press('Shift+Enter');
  await expect(status(page)).toHaveText(/^2 rows in/, { timeout: 30_000 });
});

test('site search returns a lesson offline after one visit', async ({ page, context }) => {
  await page.goto('/');
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await context.setOffline(true);
  await page.reload();
  await page.getByRole('button', { name: 'Search' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Search' });
  await dialog.getByRole('textbox', { name: 'Search' }).fill('Defender');
  await expect(dialog.getByRole('link', { name: /.+/ }).first()).toHaveAttribute('href', /\/modules\//, {
    timeout: 30_000,
  });
  await context.setOffline(false);
});

test('no page of the site is wider than a phone', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/');
  // Every page the home page links to (lessons included), whatever lessons there are.
  const linked = await page
    .locator('a[href^="/"]')
    .evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
  const paths = [...new Set(['/', ...linked])];
  expect(paths.some((path) => path.startsWith('/modules/'))).toBe(true);
  for (const path of paths) {
    await page.goto(path);
    expect({ path, ...(await pageWidth(page)) }).toEqual({ path, scrollWidth: 390, viewport: 390 });
  }
});

test('a row opens in a details panel, a dynamic value as a tree, and columns hide and move', async ({
  page,
}) => {
  await importLabDataset(page);
  await openLab(page);
  await typeQuery(
    page,
    'SecurityAlert | take 3 | project AlertName, AlertSeverity, Props = parse_json(ExtendedProperties)',
  );
  await page.keyboard.press('Shift+Enter');
  const grid = page.getByRole('grid', { name: 'Query 1 result' });
  await expect(grid.getByRole('columnheader', { name: /^Props/ }).first()).toBeVisible({ timeout: 30_000 });

  await page.getByRole('button', { name: 'Row details' }).click();
  const details = page.getByRole('region', { name: 'Row 1 details' });
  await expect(details).toContainText('AlertSeverity');
  await expect(details.locator('details summary').first()).toContainText('{2}');
  await expect(details.getByRole('button', { name: 'Copy Props' })).toBeVisible();

  await page.getByRole('button', { name: 'Columns', exact: true }).click();
  const columns = page.getByRole('region', { name: 'Columns' });
  await columns.getByRole('checkbox', { name: 'AlertSeverity' }).uncheck();
  await expect(grid).toHaveAttribute('aria-colcount', '2');
  await columns.getByRole('button', { name: 'Move Props left' }).click();
  await expect(grid.getByRole('columnheader').first()).toContainText('Props');
});
