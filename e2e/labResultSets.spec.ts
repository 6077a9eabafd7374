import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { importLabDataset } from './labDataset';
import { loadLabEditor } from './labEditor';

/** A query that returns several tables (fork): a tab per table above the grid, named as Kusto names them. */

const FORK_QUERY = `KubeEvents
| fork
    Reasons = (summarize Events = count() by Reason | order by Reason asc)
    (count)
    (take 3 | project Reason, Name | as FirstThree)`;

test('a learner runs a fork and switches between its result tables with the mouse and the keyboard', async ({
  page,
}) => {
  await importLabDataset(page);
  await page.goto('/lab/');
  await loadLabEditor(page);
  const editor = page.getByRole('textbox', { name: 'KQL query' }).first();
  await editor.focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(FORK_QUERY);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Run', exact: true }).click();

  const sets = page.getByRole('tablist', { name: 'Result tables' });
  await expect(sets).toBeVisible({ timeout: 60_000 });
  await expect(sets.getByRole('tab')).toHaveText(['Reasons', 'GenericResult', 'FirstThree']);
  const reasons = sets.getByRole('tab', { name: 'Reasons' });
  await expect(reasons).toHaveAttribute('aria-selected', 'true');
  const panel = page.getByRole('tabpanel', { name: 'Reasons' });
  await expect(panel.getByRole('columnheader', { name: /^Events/ })).toBeVisible();
  await expect(panel.getByRole('gridcell', { name: 'BackOff', exact: true })).toBeVisible();

  await sets.getByRole('tab', { name: 'GenericResult' }).click();
  const counted = page.getByRole('tabpanel', { name: 'GenericResult' });
  await expect(counted.getByRole('columnheader', { name: /^Count/ })).toBeVisible();
  await expect(
    counted.getByRole('gridcell', { name: '6,000' }).or(counted.getByRole('gridcell', { name: '6000' })),
  ).toBeVisible();

  // Arrow keys move between the tables, focus following the selected tab.
  await page.keyboard.press('ArrowRight');
  const firstThree = sets.getByRole('tab', { name: 'FirstThree' });
  await expect(firstThree).toHaveAttribute('aria-selected', 'true');
  await expect(firstThree).toBeFocused();
  const lastPanel = page.getByRole('tabpanel', { name: 'FirstThree' });
  await expect(lastPanel.getByRole('grid')).toHaveAttribute('aria-rowcount', String(3 + 2));
  await page.keyboard.press('Home');
  await expect(reasons).toBeFocused();

  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);

  // A query with one table shows no picker.
  await editor.focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText('KubeEvents | count');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('toolbar', { name: 'Query actions' }).getByRole('status')).toHaveText(
    /\b1 rows in/,
    {
      timeout: 60_000,
    },
  );
  await expect(sets).toHaveCount(0);
});
