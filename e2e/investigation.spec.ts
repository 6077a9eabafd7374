import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { parse } from 'yaml';

/**
 * A learner works a case end to end. The case is the one whose dataset generates fastest in Chromium
 * (`npm run bench -- cases`); its questions and reference queries are read from its scenario file, as a learner who
 * knows the right query would type it. The answers themselves come from the result grid.
 */
const CASE_ID = process.env.E2E_CASE ?? 'exposed-dashboard';

interface ScenarioFile {
  title: string;
  objectives: {
    id: string;
    question: string;
    points: number;
    query?: string;
    answers?: string[];
    wrongAnswers?: { answer?: string; query?: string; explanation: string }[];
    hints: { cost: number }[];
    fixed?: boolean;
  }[];
}

function readScenario(id: string): ScenarioFile {
  const text = readFileSync(`content/scenarios/${id}.md`, 'utf8');
  const frontMatter = /^---\n([\s\S]*?)\n---/.exec(text)?.[1];
  if (!frontMatter) throw new Error(`content/scenarios/${id}.md has no front matter`);
  const data = parse(frontMatter) as ScenarioFile;
  for (const objective of data.objectives) objective.points ??= 100;
  return data;
}

const scenario = readScenario(CASE_ID);

function editor(page: Page) {
  return page.getByRole('textbox', { name: 'KQL query' }).first();
}

function objectiveRegion(page: Page, question: string): Locator {
  return page.getByRole('region', { name: question });
}

async function runCount(page: Page): Promise<number> {
  return page.evaluate(() => performance.getEntriesByName('lab:run').length);
}

/** Types a query into the editor as a learner would (on one line, so completion never swallows a newline) and runs it. */
async function runQuery(page: Page, query: string) {
  const oneLine = query.replace(/\s*\n\s*/g, ' ').trim();
  await editor(page).focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type(oneLine);
  await page.keyboard.press('Escape');
  const before = await runCount(page);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect.poll(() => runCount(page), { timeout: 30_000 }).toBeGreaterThan(before);
}

/** The value a learner reads off the grid: the first cell of the only row. */
async function firstCell(page: Page): Promise<string> {
  const status = page.getByRole('toolbar', { name: 'Query actions' }).getByRole('status');
  await expect(status).toHaveText(/^1 rows in/);
  const cell = page.getByRole('grid').first().getByRole('gridcell').first();
  return (await cell.innerText()).trim();
}

async function answer(page: Page, question: string, text: string) {
  const region = objectiveRegion(page, question);
  await region.getByLabel('Answer').fill(text);
  await region.getByRole('button', { name: 'Submit answer' }).click();
}

test('a learner works a case: wrong answer explained, a hint, every objective solved by querying, the debrief, kept after a reload and offline', async ({
  page,
  context,
}) => {
  test.setTimeout(300_000);
  await page.goto('/scenarios/');
  const row = page.getByRole('row', { name: new RegExp(scenario.title) });
  await expect(row.getByRole('cell').last()).toHaveText('Not started');
  await row.getByRole('link', { name: scenario.title }).click();
  await expect(page.getByRole('heading', { level: 1, name: scenario.title })).toBeVisible();

  // The dataset for the case's seed is generated on the page, with progress.
  await expect(page.getByText(/^Dataset ready:/)).toBeVisible({ timeout: 180_000 });
  await expect(page.locator('html[data-lab-editor="ready"]')).toBeAttached({ timeout: 30_000 });
  await expect(
    page.getByRole('region', { name: 'Opening evidence' }).getByRole('heading', { level: 3 }).first(),
  ).toBeVisible({ timeout: 60_000 });

  // A known wrong answer is explained.
  const withWrong =
    scenario.objectives.find((objective) => objective.wrongAnswers?.length) ?? scenario.objectives[0]!;
  const wrong = withWrong.wrongAnswers?.[0];
  let wrongText = 'certainly-not-the-answer';
  if (wrong?.answer) wrongText = wrong.answer;
  else if (wrong?.query) {
    await runQuery(page, wrong.query);
    wrongText = await firstCell(page);
  }
  await answer(page, withWrong.question, wrongText);
  const feedback = objectiveRegion(page, withWrong.question).getByRole('status');
  await expect(feedback).toHaveText(wrong ? `Not this one. ${wrong.explanation}` : /That is not it/, {
    timeout: 30_000,
  });

  // A hint costs points.
  const hinted = scenario.objectives[0]!;
  const hintedRegion = objectiveRegion(page, hinted.question);
  await expect(hintedRegion.getByText(`Worth ${hinted.points} of ${hinted.points} points`)).toBeVisible();
  await hintedRegion.getByRole('button', { name: /^Show hint 1 of/ }).click();
  const afterHint = hinted.points - hinted.hints[0]!.cost;
  await expect(hintedRegion.getByText(`Worth ${afterHint} of ${hinted.points} points`)).toBeVisible();
  await expect(hintedRegion.getByRole('list', { name: 'Hints' }).getByRole('listitem')).toHaveCount(1);

  // Every objective, solved by running its query and typing what the grid shows.
  let expectedScore = 0;
  for (const objective of scenario.objectives) {
    let value: string;
    if (objective.query) {
      await runQuery(page, objective.query);
      value = await firstCell(page);
    } else value = objective.answers![0]!;
    await answer(page, objective.question, value);
    const points = objective === hinted ? afterHint : objective.points;
    await expect(objectiveRegion(page, objective.question).getByRole('status')).toHaveText(
      `Correct: ${points} points.`,
      { timeout: 30_000 },
    );
    expectedScore += points;
  }

  // The debrief.
  const debrief = page.getByRole('region', { name: 'Debrief' });
  await expect(debrief).toBeVisible();
  await expect(debrief.getByText(`Score: ${expectedScore} of`)).toBeVisible();
  await expect(debrief.getByRole('heading', { name: 'Detections that fired' })).toBeVisible();
  await expect(
    debrief.getByRole('group', { name: 'Detections that fired' }).getByRole('row').nth(1),
  ).toBeVisible({
    timeout: 30_000,
  });
  await expect(debrief.getByRole('heading', { name: 'What would have stopped it' })).toBeVisible();
  // A reference query runs in place, in the embedded lab.
  const before = await runCount(page);
  await debrief
    .getByRole('button', { name: /^Run the reference query of/ })
    .first()
    .click();
  await expect.poll(() => runCount(page), { timeout: 30_000 }).toBeGreaterThan(before);

  const axe = await new AxeBuilder({ page }).include('.case-room').exclude('.monaco-editor').analyze();
  expect(
    axe.violations.map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join('; ')})`,
    ),
  ).toEqual([]);

  // Kept after a reload.
  await page.reload();
  await expect(page.getByTestId('case-score')).toHaveText(String(expectedScore));
  await expect(page.getByRole('group', { name: 'Case status' })).toContainText('Solved');
  await expect(page.getByRole('region', { name: 'Debrief' })).toBeVisible({ timeout: 60_000 });

  // The list shows it solved.
  await page.goto('/scenarios/');
  await expect(
    page
      .getByRole('row', { name: new RegExp(scenario.title) })
      .getByRole('cell')
      .last(),
  ).toHaveText(new RegExp(`^Solved: ${expectedScore} of`));

  // After one visit the case page works offline.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await context.setOffline(true);
  await page.goto(`/scenarios/${CASE_ID}/`);
  await expect(page.getByRole('heading', { level: 1, name: scenario.title })).toBeVisible();
  await expect(page.getByText(/^Dataset ready:/)).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('case-score')).toHaveText(String(expectedScore));
  await context.setOffline(false);
});

test('a new case with another seed is a fresh investigation with other answers', async ({ page }) => {
  test.setTimeout(300_000);
  const varied = scenario.objectives.filter((objective) => objective.query && !objective.fixed);
  async function answersOnThisSeed(): Promise<string[]> {
    await expect(page.getByText(/^Dataset ready:/)).toBeVisible({ timeout: 180_000 });
    await expect(page.locator('html[data-lab-editor="ready"]')).toBeAttached({ timeout: 30_000 });
    const values: string[] = [];
    for (const objective of varied) {
      await runQuery(page, objective.query!);
      values.push(await firstCell(page));
    }
    return values;
  }

  await page.goto(`/scenarios/${CASE_ID}/`);
  const before = await answersOnThisSeed();
  await answer(page, varied[0]!.question, before[0]!);
  await expect(objectiveRegion(page, varied[0]!.question).getByRole('status')).toHaveText(/^Correct/, {
    timeout: 30_000,
  });

  const status = page.getByRole('group', { name: 'Case status' });
  const seedBefore = /Seed (\d+)/.exec((await status.textContent()) ?? '')?.[1];
  await status.getByRole('button', { name: 'New case with another seed' }).click();
  await status.getByRole('button', { name: 'Start the new case' }).click();
  await expect(status).not.toContainText(`Seed ${seedBefore}`);
  await expect(status).toContainText('Not started');
  await expect(page.getByText(/^Earlier runs: seed/)).toBeVisible();

  // Some answers change with the seed (a seed may draw the same value for one indicator, not for all).
  const after = await answersOnThisSeed();
  const changed = varied.findIndex((_, index) => before[index] !== after[index]);
  expect(changed, `answers before ${before.join(', ')} and after ${after.join(', ')}`).toBeGreaterThanOrEqual(
    0,
  );
  const question = varied[changed]!.question;
  await answer(page, question, before[changed]!);
  await expect(objectiveRegion(page, question).getByRole('status')).toHaveText(
    /^(That is not it|Not this one)/,
    {
      timeout: 30_000,
    },
  );
  await answer(page, question, after[changed]!);
  await expect(objectiveRegion(page, question).getByRole('status')).toHaveText(/^Correct/, {
    timeout: 30_000,
  });
});

test('the case list and a case page load cleanly, fetch nothing from outside, and pass axe', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol.startsWith('http') && url.hostname !== '127.0.0.1')
      problems.push(`left: ${request.url()}`);
  });

  await page.goto('/');
  await page.getByRole('link', { name: 'Investigations' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Investigations' })).toBeVisible();
  const list = await new AxeBuilder({ page }).analyze();
  expect(list.violations.map((violation) => violation.id)).toEqual([]);

  await page.getByRole('link', { name: scenario.title }).click();
  await expect(page.getByText(/^Dataset ready:/)).toBeVisible({ timeout: 180_000 });
  await expect(
    page.getByRole('region', { name: 'Opening evidence' }).getByRole('heading', { level: 3 }).first(),
  ).toBeVisible({ timeout: 60_000 });
  // Every field of the case is labelled and reachable (the editor is Monaco's, checked by the lab's own e2e).
  const casePage = await new AxeBuilder({ page }).exclude('.monaco-editor').analyze();
  expect(casePage.violations.map((violation) => violation.id)).toEqual([]);
  expect(problems).toEqual([]);
});
