import { expect, test } from './fixtures';

const PAGES = ['/', '/lab/', '/datasets/', '/progress/', '/review/', '/exam/'];

test('every page and worker script is served with a strict Content-Security-Policy', async ({
  page,
  request,
}) => {
  // A worker's policy is the one its own script is served with.
  const worker = await request.get('/sw.js');
  expect(worker.headers()['content-security-policy'] ?? '').toContain("script-src 'self'");
  for (const path of PAGES) {
    const response = await request.get(path);
    const header = response.headers()['content-security-policy'] ?? '';
    const script = header.split(';').find((directive) => directive.trim().startsWith('script-src')) ?? '';
    expect(header, path).toContain("default-src 'self'");
    expect(script, path).not.toMatch(/unsafe-inline|(?<!wasm-)unsafe-eval|unsafe-hashes/);
    expect(header, path).toContain("frame-ancestors 'self'");
    await page.goto(path);
    await expect(page.locator('meta[http-equiv="Content-Security-Policy"]'), path).toHaveAttribute(
      'content',
      /default-src 'self'/,
    );
  }
});

test.describe('script injected into a page', () => {
  test.use({ expectedPageProblem: /\[csp-violation\] script-src|Content Security Policy/ });

  test('an inline handler or an inline script that reached the page does not run', async ({ page }) => {
    await page.goto('/progress/');
    const ran = await page.evaluate(async () => {
      const holder = document.createElement('div');
      holder.innerHTML = '<img src="data:," onerror="window.__pwned = 1">';
      document.body.append(holder);
      const script = document.createElement('script');
      script.textContent = 'window.__pwned = 2';
      document.body.append(script);
      await new Promise((resolve) => setTimeout(resolve, 300));
      return (window as unknown as { __pwned?: number }).__pwned ?? 0;
    });
    expect(ran).toBe(0);
  });
});

test('a tampered share link gives a notice and a working lab', async ({ page }) => {
  await page.goto('/lab/#q=zz&scenario=share&seed=1');
  await expect(page.getByText(/The shared link is damaged/)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/could not start/)).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Run/ }).first()).toBeVisible();
});
