import type { Page, Route } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * The lab is painted, laid out, from the server's HTML: what the learner sees before the page's scripts have run is
 * what they see after React has hydrated it and measured it, to the pixel, on a phone and on a desktop, with
 * remembered pane sizes too. (It used to stay hidden until measured, which made it the page's late largest paint.)
 */

interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

async function box(page: Page, locator: ReturnType<Page['locator']>): Promise<Box | 'hidden'> {
  if (!(await locator.isVisible())) return 'hidden';
  const found = await locator.boundingBox();
  if (!found) return 'hidden';
  const round = (value: number) => Math.round(value * 10) / 10;
  return { x: round(found.x), y: round(found.y), width: round(found.width), height: round(found.height) };
}

/** Where the parts of the lab are; a part that is absent or not displayed is "hidden". */
async function layout(page: Page) {
  const lab = page.locator('.lab');
  return {
    editor: await box(page, page.getByRole('textbox', { name: 'KQL query' })),
    run: await box(page, page.getByRole('button', { name: 'Run', exact: true })),
    results: await box(page, lab.getByRole('region', { name: 'Results' })),
    tables: await box(page, lab.getByRole('navigation', { name: 'Tables' })),
    panelTabs: await box(page, lab.getByRole('tablist', { name: 'Lab panels' })),
  };
}

/** Holds back the site's scripts, so that the page shows its server-rendered HTML alone until `release`. */
async function holdScripts(page: Page): Promise<() => Promise<void>> {
  const held: Route[] = [];
  let released = false;
  await page.route(/\/_astro\/.*\.m?js$/, async (route) => {
    if (released) await route.continue();
    else held.push(route);
  });
  return async () => {
    released = true;
    for (const route of held.splice(0)) await route.continue();
  };
}

const REMEMBERED_SIZES = {
  'react-resizable-panels:lab:columns:side:work': JSON.stringify({ side: 35, work: 65 }),
  'react-resizable-panels:lab:rows:editor:results': JSON.stringify({ editor: 30, results: 70 }),
};

for (const { viewport, remembered } of [
  { viewport: { width: 390, height: 844 }, remembered: false },
  { viewport: { width: 1280, height: 900 }, remembered: false },
  { viewport: { width: 390, height: 844 }, remembered: true },
  { viewport: { width: 1280, height: 900 }, remembered: true },
]) {
  test(`the lab's first paint is its measured layout at ${viewport.width} px${remembered ? ', with remembered pane sizes' : ''}`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    await page.addInitScript(
      ({ sizes, remembered }) => {
        if (remembered) for (const [key, value] of Object.entries(sizes)) localStorage.setItem(key, value);
        // Shifts of the page's layout: a side pane's own content growing when the dataset arrives (row counts in
        // the table list, the dataset's facts) is not the layout moving.
        const shifts: number[] = [];
        (window as unknown as { labShifts: number[] }).labShifts = shifts;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) {
            const shift = entry as unknown as { value: number; sources: { node?: Node | null }[] };
            const inSidePane = (node: Node | null | undefined) =>
              node instanceof Element && node.closest('.lab__side-section') !== null;
            if (shift.sources.some((source) => !inSidePane(source.node))) shifts.push(shift.value);
          }
        }).observe({ type: 'layout-shift', buffered: true });
      },
      { sizes: REMEMBERED_SIZES, remembered },
    );
    const release = await holdScripts(page);
    await page.goto('/lab/', { waitUntil: 'commit' });
    await page.getByRole('toolbar', { name: 'Query actions' }).waitFor();
    await page.waitForFunction(() =>
      [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].every(
        (link) => link.media === 'print' || link.sheet !== null,
      ),
    );
    await expect(page.locator('.lab')).toHaveAttribute('data-layout', 'unmeasured');
    const firstPaint = await layout(page);

    await release();
    await expect(page.locator('.lab')).toHaveAttribute(
      'data-layout',
      viewport.width < 760 ? 'narrow' : 'wide',
      {
        timeout: 30_000,
      },
    );
    const measured = await layout(page);

    // The narrow layout has its panel tabs from the first paint; the wide one its side column.
    if (viewport.width < 760) {
      expect(firstPaint.tables).toBe('hidden');
      expect(firstPaint.panelTabs).not.toBe('hidden');
    } else {
      expect(firstPaint.tables).not.toBe('hidden');
      expect(firstPaint.panelTabs).toBe('hidden');
    }
    // Remembered sizes included: the server cannot know them, and the page's inline script applies them.
    expect(measured).toEqual(firstPaint);
    const shifts = await page.evaluate(() => (window as unknown as { labShifts: number[] }).labShifts);
    expect(shifts.reduce((sum, value) => sum + value, 0)).toBeLessThan(0.001);
    await expect(page.getByRole('textbox', { name: 'KQL query' })).toBeEditable();
  });
}
