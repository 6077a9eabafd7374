import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * The live cluster on a case page: the learner's terminal, the virtual clock, manifests through admission, and the
 * trace every call leaves in the dataset.
 */
const CASE_URL = '/scenarios/web-shell-reverse-shell/';

function terminal(page: Page): Locator {
  return page.getByRole('region', { name: 'Cluster terminal' });
}

/** What the terminal shows, as its screen-reader mode gives it to assistive technology (one list item a row). */
function screen(page: Page): Locator {
  return terminal(page).getByRole('list');
}

async function commandsAnswered(page: Page): Promise<number> {
  return page.evaluate(() => performance.getEntriesByName('cluster:command').length);
}

/** Types a command line into the terminal as a learner would and waits until its answer is on the screen. */
async function typeCommand(page: Page, line: string) {
  const before = await commandsAnswered(page);
  await terminal(page).click();
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
  await expect.poll(() => commandsAnswered(page), { timeout: 30_000 }).toBeGreaterThan(before);
}

async function openCluster(page: Page) {
  await page.goto(CASE_URL);
  await expect(page.getByText(/^Dataset ready:/)).toBeVisible({ timeout: 180_000 });
  await page.getByRole('tab', { name: 'Cluster' }).click();
  await expect(screen(page)).toContainText('learner@Azure:~$', { timeout: 60_000 });
}

test('a learner runs kubectl on the case’s live cluster and sees its answer', async ({ page }) => {
  test.setTimeout(300_000);
  await openCluster(page);
  await typeCommand(page, 'kubectl get pods -A');
  await expect(screen(page)).toContainText('storefront-');
});
