import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { ALERT_CATALOG } from '../simulations/defender/catalog';
import { expect, test } from './fixtures';
import { loadLabEditor } from './labEditor';

/**
 * An analyst's day in the portal over a case's dataset, generated as a learner does (opening the case): the incident
 * queue (assign, close with a classification), the new SecurityIncident row seen in the lab with KQL, and Defender
 * for Cloud listing the case's alert with its entities and a Take action tab.
 */
const CASE_ID = 'exposed-dashboard';
const CASE_ALERT = 'Exposed Kubernetes dashboard detected';

async function hydrated(page: Page) {
  // Astro drops `ssr` from an island once React has hydrated it; clicking before that would be lost.
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0, { timeout: 30_000 });
}

async function expectAxeClean(page: Page) {
  const axe = await new AxeBuilder({ page }).include('.portal').analyze();
  expect(
    axe.violations.map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join('; ')})`,
    ),
  ).toEqual([]);
}

async function expectNoPageOverflow(page: Page) {
  await page.setViewportSize({ width: 390, height: 844 });
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1280, height: 900 });
}

test('the incident queue assigns and closes an incident, the lab shows its new row, Defender lists the case’s alert', async ({
  page,
}) => {
  test.setTimeout(360_000);
  await page.goto(`/scenarios/${CASE_ID}/`);
  await expect(page.getByText(/^Dataset ready:/)).toBeVisible({ timeout: 240_000 });

  // From the case page to its incidents.
  await page.getByRole('link', { name: 'Sentinel incidents' }).click();
  await expect(page).toHaveURL(/\/portal\/incidents\/\?scenario=exposed-dashboard/);
  await hydrated(page);
  const list = page.getByRole('region', { name: 'Incidents' });
  const incidentButton = list.getByRole('button', { name: new RegExp(CASE_ALERT) });
  await expect(incidentButton).toBeVisible({ timeout: 60_000 });
  const incidentNumber = Number(/^(\d+)/.exec((await incidentButton.textContent()) ?? '')?.[1]);
  expect(incidentNumber).toBeGreaterThan(0);
  await incidentButton.click();
  const details = page.getByRole('region', { name: new RegExp(`^Incident ${incidentNumber}:`) });
  await expect(details.getByRole('list', { name: `Entities of incident ${incidentNumber}` })).toContainText(
    'kubernetes-dashboard',
    { timeout: 30_000 },
  );

  // Filters narrow the list.
  await page
    .getByRole('search', { name: 'Filter incidents' })
    .getByLabel('Search')
    .fill('no incident is called this');
  await expect(list.getByText('No incident matches these filters.')).toBeVisible();
  await page
    .getByRole('search', { name: 'Filter incidents' })
    .getByLabel('Search')
    .fill(String(incidentNumber));
  await expect(list.getByRole('row')).toHaveCount(2);

  // Assign it to me.
  await details.getByRole('form', { name: 'Assign' }).getByLabel('Owner').selectOption('Contoso Analyst');
  await details.getByRole('button', { name: 'Assign' }).click();
  await expect(details.getByRole('status')).toHaveText(
    new RegExp(`^Incident ${incidentNumber} assigned to Contoso Analyst\\.`),
    { timeout: 30_000 },
  );
  const row = list.getByRole('row', { name: new RegExp(`^${incidentNumber} ·`) });
  await expect(row.getByRole('cell').nth(2)).toHaveText('Contoso Analyst');

  // Close it as a true positive.
  const close = details.getByRole('form', { name: 'Close incident' });
  await close.getByRole('radio', { name: 'True Positive - suspicious activity' }).check();
  await close.getByLabel('Comment').fill('Dashboard exposed to the internet; service removed.');
  await close.getByRole('button', { name: 'Close incident' }).click();
  await expect(details.getByRole('status')).toHaveText(
    new RegExp(`^Incident ${incidentNumber} closed as True Positive - suspicious activity\\.`),
    { timeout: 30_000 },
  );
  await expect(row.getByRole('cell').nth(1)).toHaveText('Closed');
  await expect(details.getByRole('form', { name: 'Close incident' })).toHaveCount(0);

  // Keyboard: the incident list and its buttons are reachable.
  await list.getByRole('button').first().focus();
  await expect(list.getByRole('button').first()).toBeFocused();
  await expectAxeClean(page);
  await expectNoPageOverflow(page);

  // The lab shows the new rows with KQL.
  await details.getByRole('link', { name: 'Show this incident’s rows in the KQL lab' }).click();
  await expect(page).toHaveURL(/\/lab\/#q=/);
  await expect(page.getByRole('tab', { name: 'Shared query' })).toHaveAttribute('aria-selected', 'true', {
    timeout: 60_000,
  });
  await loadLabEditor(page);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const grid = page.getByRole('grid', { name: 'Shared query result' });
  await expect(grid.getByRole('columnheader', { name: /^ClassificationReason/ })).toBeVisible({
    timeout: 60_000,
  });
  await expect(grid.getByRole('gridcell', { name: 'TruePositive' })).toBeVisible();
  await expect(grid.getByRole('gridcell', { name: 'SuspiciousActivity' })).toBeVisible();
  await expect(grid.getByRole('gridcell', { name: 'analyst@contoso.com' }).first()).toBeVisible();

  // Defender for Cloud lists the case's alert with its entities and the catalog's mitigation.
  await page.goto(`/portal/defender/?scenario=${CASE_ID}`);
  await hydrated(page);
  await expect(page.getByRole('tab', { name: /^Security alerts/ })).toHaveAttribute('aria-selected', 'true', {
    timeout: 60_000,
  });
  const alerts = page.getByRole('region', { name: 'Security alerts' });
  // Closing the incident resolved its alerts, as Defender XDR keeps them in step.
  await expect(
    alerts.getByRole('row').filter({ hasText: CASE_ALERT }).filter({ hasText: 'Resolved' }).first(),
  ).toBeVisible();
  await alerts.getByRole('button', { name: CASE_ALERT }).first().click();
  const alertDetails = page.getByRole('region', { name: CASE_ALERT });
  await expect(alertDetails.getByRole('list', { name: `Entities of ${CASE_ALERT}` })).toContainText(
    'kubernetes-dashboard',
  );
  await expect(
    alertDetails.getByRole('link', { name: 'Show this alert’s rows in the KQL lab' }),
  ).toHaveAttribute('href', /\/lab\/#q=.+&scenario=exposed-dashboard&seed=11&days=2$/);
  await alertDetails.getByRole('tab', { name: 'Alert details' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(alertDetails.getByRole('tab', { name: 'Take action' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(alertDetails.getByRole('heading', { name: 'Mitigate the threat' })).toBeVisible();
  const firstStep = ALERT_CATALOG.get('K8S_ExposedDashboard')!.remediation[0]!;
  await expect(alertDetails.getByRole('listitem').filter({ hasText: firstStep })).toBeVisible();

  for (const view of ['Recommendations', 'Registries', 'Clusters']) {
    await page.getByRole('tab', { name: new RegExp(`^${view}`) }).click();
    await expect(page.getByRole('tabpanel').first().getByRole('table')).toBeVisible();
  }
  await expect(page.getByRole('region', { name: 'Kubernetes clusters' })).toContainText('aks-contoso-prod');
  await expectAxeClean(page);
  await expectNoPageOverflow(page);
});

test('the portal pages say where to get data when none is stored, and serve a strict policy', async ({
  page,
  request,
}) => {
  for (const path of ['/portal/', '/portal/incidents/', '/portal/defender/']) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()['content-security-policy'] ?? '', path).toContain("default-src 'self'");
  }
  await page.goto('/');
  await page.getByRole('link', { name: 'Portal views' }).click();
  await page.getByRole('link', { name: 'Sentinel incidents' }).click();
  await hydrated(page);
  await expect(page.getByText(/^No dataset is stored in this browser yet/)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('link', { name: 'Datasets page' })).toHaveAttribute('href', '/datasets/');

  await page.goto(`/portal/defender/?scenario=${CASE_ID}`);
  await hydrated(page);
  await expect(page.getByText(/^No dataset is stored in this browser yet/)).toBeVisible({ timeout: 30_000 });
  await expectNoPageOverflow(page);
});
