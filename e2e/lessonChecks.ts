import type { Page } from '@playwright/test';

/**
 * Scrolls to a lesson's knowledge checks, as a learner reading down to them does: the checks read the learner's
 * data (their order of the options, last answers, score) only once they are near the screen.
 */
export async function scrollToChecks(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 2, name: 'Knowledge check' }).scrollIntoViewIfNeeded();
}
