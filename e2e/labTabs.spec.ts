import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { loadLabEditor } from './labEditor';
import { importLabDataset } from './labDataset';

async function openLab(page: Page) {
  await page.goto('/lab/');
  await loadLabEditor(page, { intellisense: true });
}

async function typeQuery(page: Page, text: string) {
  await page.getByRole('textbox', { name: 'KQL query' }).first().focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type(text);
  await page.keyboard.press('Escape');
}

function tab(page: Page, name: string) {
  return page.getByRole('tablist', { name: 'Query tabs' }).getByRole('tab', { name, exact: true });
}

function editorText(page: Page) {
  return page.locator('.monaco-editor .view-lines').first();
}

test('two pages of the lab editing different tabs keep both edits, live and after a reload', async ({
  page,
}) => {
  await importLabDataset(page);
  await openLab(page);
  const other = await page.context().newPage();
  await openLab(other);

  await typeQuery(page, 'print fromPageOne=1');
  await other.getByRole('button', { name: 'New tab' }).click();
  await expect(tab(other, 'Query 2')).toHaveAttribute('aria-selected', 'true');
  await typeQuery(other, 'print fromPageTwo=2');

  // Each page picks up the other's change without a reload, keeping its own.
  await expect(tab(page, 'Query 2')).toBeVisible({ timeout: 10_000 });
  await expect(editorText(page)).toContainText('fromPageOne');
  await tab(other, 'Query 1').click();
  await expect(editorText(other)).toContainText('fromPageOne', { timeout: 10_000 });

  await page.reload();
  await loadLabEditor(page, { intellisense: true });
  await tab(page, 'Query 1').click();
  await expect(editorText(page)).toContainText('fromPageOne');
  await tab(page, 'Query 2').click();
  await expect(editorText(page)).toContainText('fromPageTwo');
  await other.close();
});

test('a tab closed in one page stays closed though the other page saves after', async ({ page }) => {
  await importLabDataset(page);
  await openLab(page);
  await page.getByRole('button', { name: 'New tab' }).click();
  await typeQuery(page, 'print closeMe=1');
  const other = await page.context().newPage();
  await openLab(other);
  await expect(tab(other, 'Query 2')).toBeVisible();

  await page.getByRole('button', { name: 'Close tab' }).click();
  await expect(tab(page, 'Query 2')).toHaveCount(0);
  await expect(tab(other, 'Query 2')).toHaveCount(0, { timeout: 10_000 });
  // A later save from the other page does not bring it back.
  await typeQuery(other, 'print stillHere=1');
  // Seen on the first page, so the other page's save has happened.
  await expect(editorText(page)).toContainText('stillHere', { timeout: 10_000 });
  await other.reload();
  await loadLabEditor(other, { intellisense: true });
  await expect(tab(other, 'Query 1')).toBeVisible();
  await expect(tab(other, 'Query 2')).toHaveCount(0);
  await other.close();
});
