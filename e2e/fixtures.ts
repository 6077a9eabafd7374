import { expect, test as base } from '@playwright/test';

/**
 * The e2e suite's `test`: every page a test opens fails it on a Content-Security-Policy violation, an uncaught
 * exception (`pageerror`) or an unhandled promise rejection. A test that provokes one on purpose names it with
 * `test.use({ expectedPageProblem: /…/ })`. Import `test` and `expect` from here, not from @playwright/test.
 */
export const test = base.extend<{ expectedPageProblem: RegExp | null }>({
  expectedPageProblem: [null, { option: true }],
  page: async ({ page, expectedPageProblem }, use) => {
    const problems: string[] = [];
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        console.error(
          `[csp-violation] ${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`,
        );
      });
      window.addEventListener('unhandledrejection', (event) => {
        const reason: unknown = event.reason;
        console.error(`[unhandled-rejection] ${reason instanceof Error ? reason.message : String(reason)}`);
      });
    });
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      const text = message.text();
      if (/\[csp-violation\]|\[unhandled-rejection\]|Content Security Policy/.test(text)) problems.push(text);
    });
    await use(page);
    const unexpected = problems.filter((problem) => !expectedPageProblem?.test(problem));
    expect(unexpected, 'CSP violations, uncaught exceptions or unhandled rejections on the page').toEqual([]);
  },
});

export { expect };
