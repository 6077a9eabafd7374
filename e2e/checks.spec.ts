/**
 * Knowledge checks a learner can trust: options in an order of their own (per learner and attempt), no answer
 * key in the page before an answer, a "write a query" check graded on a data set generated in the browser, and
 * review cards rated Again/Hard/Good/Easy with FSRS.
 */
import type { Browser, Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { scrollToChecks } from './lessonChecks';

const LESSON = '/modules/4-7-container-escape/';

function check(page: Page, question: string | RegExp): Locator {
  return page.locator('knowledge-check:visible').filter({ hasText: question });
}

/** The options of every check on the page, in the order shown, once each check has arranged them. */
async function optionOrders(page: Page): Promise<string[][]> {
  const checks = page.locator('knowledge-check:not([data-type="query"])');
  const count = await checks.count();
  expect(count).toBeGreaterThan(3);
  await scrollToChecks(page);
  await expect(page.locator('knowledge-check[data-arranged="true"]')).toHaveCount(count);
  const orders: string[][] = [];
  for (let i = 0; i < count; i++) {
    // The first line of a row is its option (a matching row goes on with the choices of its select).
    const rows = await checks.nth(i).getByRole('listitem').allInnerTexts();
    orders.push(rows.map((text) => text.trim().split('\n')[0]!));
  }
  return orders;
}

async function ordersInNewProfile(browser: Browser): Promise<string[][]> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(LESSON);
  const orders = await optionOrders(page);
  await context.close();
  return orders;
}

test('two learners see the options in different orders; each keeps theirs across a reload until trying again', async ({
  page,
  browser,
}) => {
  await page.goto(LESSON);
  const mine = await optionOrders(page);
  const someoneElses = await ordersInNewProfile(browser);
  // The same options, in another order (with ten checks, the chance of all ten orders agreeing is negligible).
  expect(someoneElses.map((options) => [...options].sort())).toEqual(
    mine.map((options) => [...options].sort()),
  );
  expect(someoneElses).not.toEqual(mine);

  await page.reload();
  expect(await optionOrders(page)).toEqual(mine);

  // A new attempt brings a new order (retried until it differs: one shuffle may repeat the last by chance).
  const kernel = check(page, 'Why can one kernel vulnerability');
  const before = (await kernel.getByRole('listitem').allInnerTexts()).map((text) => text.trim());
  let after = before;
  for (let attempt = 0; attempt < 5 && after.join() === before.join(); attempt++) {
    await kernel.getByRole('radio').first().check();
    await kernel.getByRole('button', { name: 'Check answer' }).click();
    await kernel.getByRole('button', { name: 'Try again' }).click();
    after = (await kernel.getByRole('listitem').allInnerTexts()).map((text) => text.trim());
  }
  expect([...after].sort()).toEqual([...before].sort());
  expect(after).not.toEqual(before);
});

test('the answer key and explanations are not in the page before the learner answers', async ({
  page,
  request,
}) => {
  const sheet = (await (await request.get('/check-keys/kernel-exploit.json')).json()) as {
    explanations: string[];
    key: { correct: number[] };
  };
  expect(sheet.explanations.length).toBeGreaterThan(1);
  const html = await (await request.get(LESSON)).text();
  await page.goto(LESSON);
  const kernel = check(page, 'Why can one kernel vulnerability');
  await scrollToChecks(page);
  await expect(page.locator('knowledge-check[data-arranged="true"]').first()).toBeAttached();
  const dom = await page.content();
  for (const explanation of sheet.explanations) {
    const plain = explanation.replace(/<[^>]+>/g, '');
    expect(html).not.toContain(plain);
    expect(dom).not.toContain(plain);
  }
  expect(html).not.toMatch(/isCorrect|data-answer-key/);

  await kernel.getByRole('radio').first().check();
  await kernel.getByRole('button', { name: 'Check answer' }).click();
  await expect(kernel.getByRole('status')).toHaveText(/Correct\.|Not quite/);
  for (const explanation of sheet.explanations) {
    await expect(kernel.getByText(explanation.replace(/<[^>]+>/g, ''))).toBeVisible();
  }
});

test('offline, a check is still graded: its answer sheet comes from the precache', async ({
  page,
  context,
}) => {
  await page.goto('/');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

  await context.setOffline(true);
  // A lesson never visited online, answered offline.
  await page.goto('/modules/4-7-investigation-and-forensics/');
  const first = check(page, 'is still running. What do you do first?');
  await first.getByRole('radio', { name: /Leave it running for now/ }).check();
  await first.getByRole('button', { name: 'Check answer' }).click();
  await expect(first.getByRole('status')).toHaveText('Correct.');
  await expect(first.getByText('Your choice, correct.')).toBeVisible();
  await context.setOffline(false);
});

test('a "write a query" check generates its data set in place and grades a wrong and a right query', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const editorFiles: string[] = [];
  page.on('request', (request) => {
    if (/monaco|kusto|edcore|editor\.api/i.test(request.url())) editorFiles.push(request.url());
  });
  await page.goto('/modules/4-7-runtime-and-audit-logs/');
  const question = check(page, 'Which pods raised Defender for Containers alerts');
  const status = question.locator('.check-status');
  await page.waitForLoadState('networkidle');
  // The editor and its IntelliSense load when the learner starts the check, not with the lesson.
  expect(editorFiles).toEqual([]);
  await question.getByRole('button', { name: 'Start this check' }).click();
  await expect(status).toContainText('is not in this browser yet');

  await question.getByRole('button', { name: 'Generate this dataset' }).click();
  await expect(question.getByRole('progressbar', { name: 'Generating the dataset' })).toBeVisible();
  await expect(status).toContainText('Generating the data set');
  await expect(status).toContainText(/The data set docker-sock-escape:11:\d+ is ready/, { timeout: 240_000 });

  // The lab's editor, with IntelliSense, opened when the check started.
  const frame = question.frameLocator('iframe[title="Query editor"]');
  const editor = frame.getByRole('textbox', { name: 'Your query' });
  await expect(frame.locator('.kql-editor[data-phase="ready"]')).toBeAttached({ timeout: 30_000 });
  await expect(frame.getByRole('status')).toContainText('Shift+Enter runs the query.');
  await expect(frame.locator('html[data-lab-intellisense="ready"]')).toBeAttached({ timeout: 60_000 });
  await expect(question.getByRole('textbox', { name: 'Your query' })).toHaveCount(0);

  const typeQuery = async (text: string) => {
    await editor.focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await page.keyboard.type(text);
    await page.keyboard.press('Escape');
  };
  const perPod =
    'SecurityAlert | where AlertType startswith "K8S" | extend Props = parse_json(ExtendedProperties) | extend Namespace = tostring(Props["Namespace"]), PodName = tostring(Props["Pod name"])';

  // Wrong: the alerts that name no pod are counted too.
  await typeQuery(`${perPod} | summarize Alerts = count() by Namespace, PodName`);
  await question.getByRole('button', { name: 'Run and check' }).click();
  await expect(status).toHaveText('Not quite yet:', { timeout: 60_000 });
  const feedback = question.locator('.query-feedback').getByRole('listitem');
  await expect(feedback.filter({ hasText: /should not be there/ })).toBeVisible();
  await expect(question.getByText('Reference query:')).toBeVisible();

  // Right, run from the editor with Shift+Enter as in the lab.
  await typeQuery(`${perPod} | where isnotempty(PodName) | summarize Alerts = count() by Namespace, PodName`);
  await page.keyboard.press('Shift+Enter');
  await expect(status).toHaveText(/^Correct: your \d+ rows match the reference\.$/, { timeout: 60_000 });
  await expect(feedback).toHaveCount(0);

  // The answer is kept: after a reload the check says so.
  await page.reload();
  await expect(
    check(page, 'Which pods raised Defender for Containers alerts').locator('.check-status'),
  ).toHaveText('Your last query was correct.');
});

test('review cards are rated Again/Hard/Good/Easy; a card rated Again comes back in the same session', async ({
  page,
}) => {
  await page.clock.install({ time: new Date('2026-11-26T10:00:00Z') });
  await page.goto('/modules/4-7-investigation-and-forensics/');
  const first = check(page, 'is still running. What do you do first?');
  await first.getByRole('radio', { name: 'Delete the pod immediately.' }).check();
  await first.getByRole('button', { name: 'Check answer' }).click();
  await expect(first.getByRole('status')).toContainText('Not quite');

  await page.clock.setSystemTime(new Date('2026-11-26T10:30:00Z'));
  await page.goto('/review/');
  const queueStatus = page.locator('.review-status');
  await expect(queueStatus).toHaveText('1 question is due for review.');
  const card = check(page, 'is still running. What do you do first?');
  // A card names its lesson and objective, not a question number.
  await expect(card.getByRole('heading', { name: /Investigating container alerts/ })).toBeVisible();
  await expect(card.getByText(/^Objective: /)).toBeVisible();
  await expect(card.getByRole('heading', { name: /Question \d+/ })).toHaveCount(0);

  const rating = page.getByRole('group', { name: 'Rate your recall' });
  await expect(rating).toBeHidden();
  await card.getByRole('radio', { name: 'Delete the pod immediately.' }).check();
  await card.getByRole('button', { name: 'Check answer' }).click();
  await expect(card.locator('.check-status')).toContainText('Not quite');
  await expect(rating.getByRole('button')).toHaveText([/^Again · /, /^Hard · /, /^Good · /, /^Easy · /]);
  await expect(rating.getByRole('button', { name: /^Again · 1 min$/ })).toBeFocused();
  await rating.getByRole('button', { name: /^Again · / }).click();

  // The learning step brings it back before the session ends, with a fresh order.
  await expect(queueStatus).toHaveText('A question you got wrong earlier in this session comes back.');
  const again = check(page, 'is still running. What do you do first?');
  await expect(again.getByRole('radio', { name: /Leave it running for now/ })).toBeEnabled();
  await again.getByRole('radio', { name: /Leave it running for now/ }).check();
  await again.getByRole('button', { name: 'Check answer' }).click();
  await expect(again.locator('.check-status')).toHaveText('Correct.');
  await rating.getByRole('button', { name: /^Good · / }).click();
  await expect(queueStatus).toHaveText(
    /^2 reviewed in this session\. Nothing more is due now\. Next review: /,
  );
  await expect(page.locator('knowledge-check:visible')).toHaveCount(0);

  // Good was a learning step too: while the page stays open the card comes back when it is due.
  await page.clock.fastForward('11:00');
  await expect(queueStatus).toHaveText('1 question is due for review.');
  const third = check(page, 'is still running. What do you do first?');
  await third.getByRole('radio', { name: /Leave it running for now/ }).check();
  await third.getByRole('button', { name: 'Check answer' }).click();
  await rating.getByRole('button', { name: /^Good · / }).click();
  await expect(queueStatus).toHaveText(
    /^3 reviewed in this session\. Nothing more is due now\. Next review: [^.]*\.$/,
  );

  await page.goto('/');
  await expect(page.getByText('No review cards due now (1 in your queue).')).toBeVisible();
});

test('a "write a query" check counts in an exam, graded only at the end', async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto('/exam/');
  await page.getByRole('spinbutton', { name: 'Questions' }).fill('100');
  await page.getByRole('button', { name: 'Start the exam' }).click();
  const question = check(page, 'Which pods raised Defender for Containers alerts');
  const status = question.locator('.check-status');
  await question.getByRole('button', { name: 'Start this check' }).click();
  await question.getByRole('button', { name: 'Generate this dataset' }).click();
  await expect(status).toContainText(/The data set docker-sock-escape:11:\d+ is ready/, { timeout: 240_000 });

  const frame = question.frameLocator('iframe[title="Query editor"]');
  await expect(frame.locator('.kql-editor[data-phase="ready"]')).toBeAttached({ timeout: 30_000 });
  await frame.getByRole('textbox', { name: 'Your query' }).focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type(
    'SecurityAlert | where AlertType startswith "K8S" | extend Props = parse_json(ExtendedProperties) | extend Namespace = tostring(Props["Namespace"]), PodName = tostring(Props["Pod name"]) | where isnotempty(PodName) | summarize Alerts = count() by Namespace, PodName',
  );
  await page.keyboard.press('Escape');
  await question.getByRole('button', { name: 'Run and save answer' }).click();
  await expect(status).toHaveText('Answer saved. Your query is graded at the end of the exam.', {
    timeout: 60_000,
  });
  await expect(question.getByRole('button', { name: 'Run and save answer' })).toBeDisabled();
  await expect(question.getByText('Reference query:')).toBeHidden();

  await page.getByRole('button', { name: 'Finish the exam' }).click();
  await expect(page.getByText(/^1 of \d+ correct \(\d+%\)\.$/)).toBeVisible();
  await expect(status).toHaveText(/^Correct: your \d+ rows match the reference\.$/);
  await expect(question.getByText('Reference query:')).toBeVisible();
  const kqlRow = page
    .getByRole('table', { name: /Score per objective/ })
    .getByRole('row', { name: /Kusto Query Language/ });
  await expect(kqlRow).toContainText(/[1-9]\d* of \d+/);
});
