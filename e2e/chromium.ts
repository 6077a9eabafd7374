import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/**
 * Finds a Chromium to drive: PLAYWRIGHT_CHROMIUM_PATH, then Debian's /usr/bin/chromium, then the
 * browser Playwright downloaded itself. Says how to get one when there is none.
 */
export function findChromium(): string | undefined {
  const fromEnvironment = process.env.PLAYWRIGHT_CHROMIUM_PATH;
  if (fromEnvironment) {
    if (!existsSync(fromEnvironment)) {
      throw new Error(`PLAYWRIGHT_CHROMIUM_PATH is set to ${fromEnvironment}, but no file is there.`);
    }
    return fromEnvironment;
  }
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  let bundled = '';
  try {
    bundled = chromium.executablePath();
  } catch {
    // Playwright throws when it has no browser of its own; handled below.
  }
  if (bundled && existsSync(bundled)) return undefined; // Playwright finds its own browser.
  throw new Error(
    [
      'No Chromium found for the end-to-end tests. Any one of these fixes it:',
      '  - Debian/Ubuntu: apt-get install -y chromium   (gives /usr/bin/chromium)',
      '  - any machine with internet access: npx playwright install chromium',
      '  - or point PLAYWRIGHT_CHROMIUM_PATH at a Chromium or Chrome executable.',
    ].join('\n'),
  );
}

/** Flags for a headless Chromium on a machine without outside network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
