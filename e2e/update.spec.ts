import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test } from './fixtures';

// The e2e server reads dist/ on every request, so changing sw.js here is a new deployment.
const SERVICE_WORKER = 'dist/sw.js';

test('a new version announces itself, reloads on the learner’s word and keeps learner data', async ({
  page,
}) => {
  await page.goto('/');
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

  // Something the learner did, kept in IndexedDB.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('update-test', 1);
        open.onupgradeneeded = () => open.result.createObjectStore('answers');
        open.onsuccess = () => {
          const tx = open.result.transaction('answers', 'readwrite');
          tx.objectStore('answers').put('image scanning', 'q1');
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
      }),
  );

  await page.evaluate(() => Object.assign(window, { beforeUpdate: true }));

  // Deploy a "new version": the same worker with different bytes.
  const deployed = readFileSync(SERVICE_WORKER, 'utf8');
  writeFileSync(SERVICE_WORKER, `${deployed}\n// next version\n`);
  try {
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration?.update();
    });
  } finally {
    writeFileSync(SERVICE_WORKER, deployed);
  }

  const banner = page.getByRole('status').filter({ hasText: 'A new version of SC-200 Lab is ready' });
  await expect(banner).toBeVisible();
  // Nothing reloads until the learner asks.
  expect(await page.evaluate(() => 'beforeUpdate' in window)).toBe(true);
  const reloaded = page.waitForEvent('load');
  await banner.getByRole('button', { name: 'Reload to update' }).click();
  await reloaded;

  await expect(page.getByRole('heading', { level: 1, name: 'SC-200 Lab' })).toBeVisible();
  expect(await page.evaluate(() => 'beforeUpdate' in window)).toBe(false);
  const kept = await page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('update-test', 1);
        open.onsuccess = () => {
          const request = open.result.transaction('answers').objectStore('answers').get('q1');
          request.onsuccess = () => resolve(request.result as string);
          request.onerror = () => reject(request.error);
        };
      }),
  );
  expect(kept).toBe('image scanning');
});
