import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const PAGES = [
  { path: '/', heading: 'SC-200 Lab' },
  { path: '/modules/4-7-defender-for-containers/', heading: 'Defender for Containers and Kubernetes' },
  { path: '/lab/', heading: 'KQL lab' },
  { path: '/datasets/', heading: 'Datasets' },
  { path: '/review/', heading: 'Review queue' },
  { path: '/exam/', heading: 'Practice exam' },
  { path: '/progress/', heading: 'Your progress' },
  { path: '/this-page-does-not-exist/', heading: 'Page not found' },
];

/** Records console errors, uncaught exceptions and any request that leaves the machine. */
function watch(page: Page) {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol.startsWith('http') && url.hostname !== '127.0.0.1') {
      problems.push(`request left 127.0.0.1: ${request.url()}`);
    }
  });
  return problems;
}

for (const { path, heading } of PAGES) {
  test(`${path} loads cleanly and every link on it resolves`, async ({ page, request, baseURL }) => {
    const problems = watch(page);
    // The 404 page answers with status 404 by design; the console reports that as an error.
    const expectedStatus = heading === 'Page not found' ? 404 : 200;
    const response = await page.goto(path);
    expect(response?.status()).toBe(expectedStatus);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();

    const hrefs = await page
      .locator('a[href]')
      .evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of new Set(hrefs)) {
      const url = new URL(href);
      if (url.origin !== baseURL) {
        expect(url.protocol, `external link ${href}`).toBe('https:');
        continue;
      }
      // A fragment link on the page itself ("skip to content") must point at an element that exists.
      if (url.pathname === new URL(page.url()).pathname && url.hash) {
        await expect(page.locator(`[id="${decodeURIComponent(url.hash.slice(1))}"]`)).toHaveCount(1);
        continue;
      }
      const linked = await request.get(url.pathname + url.search);
      expect(linked.status(), `link ${href} on ${path}`).toBeLessThan(400);
    }
    await page.waitForLoadState('networkidle');
    expect(problems.filter((p) => !(expectedStatus === 404 && p.includes('404')))).toEqual([]);
  });
}

test('after one online visit, every page opens offline', async ({ page, context }) => {
  await page.goto('/');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  // The first visit is not controlled yet; a reload puts the page under the service worker.
  await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'SC-200 Lab' })).toBeVisible();

  // A page never visited before comes from the precache too.
  await page.getByRole('link', { name: 'Defender for Containers and Kubernetes' }).first().click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Defender for Containers and Kubernetes' }),
  ).toBeVisible();
  await expect(page.getByText('three layers of protection')).toBeVisible();
  await context.setOffline(false);
});
