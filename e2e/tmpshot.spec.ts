import { expect, test } from '@playwright/test';
test('shot', async ({ page }) => {
  await page.setViewportSize({ width: 1200, height: 1400 });
  await page.goto('/modules/4-7-runtime-and-audit-logs/');
  const q = page.locator('knowledge-check').filter({ hasText: 'Which pods raised' });
  await q.getByRole('button', { name: 'Start this check' }).click();
  await expect(q.frameLocator('iframe').locator('.kql-editor[data-phase="ready"]')).toBeAttached({ timeout: 30000 });
  await page.waitForTimeout(1500);
  await q.screenshot({ path: '/tmp/qcheck.png' });
  await page.goto('/review/');
  await page.waitForTimeout(1000);
  await page.screenshot({ path: '/tmp/review.png' });
});
