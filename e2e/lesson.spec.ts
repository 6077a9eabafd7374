import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { scrollToChecks } from './lessonChecks';
import { LESSON_JS_BUDGET_GZIP, measureLessonPages } from '../scripts/lessonWeight';
import { parseShareLinkHash } from '../src/components/lab/share/shareLink';

const LESSON = '/modules/4-7-container-escape/';

function check(page: Page, question: string | RegExp): Locator {
  return page.locator('knowledge-check:visible').filter({ hasText: question });
}

test('a learner answers checks right and wrong, reads the explanations, and finds it all after a reload', async ({
  page,
}) => {
  await page.goto(LESSON);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Container escape and how to prevent it' }),
  ).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Knowledge check' })).toBeVisible();

  // Right answer to a single-choice question.
  const kernel = check(page, 'Why can one kernel vulnerability');
  await kernel.getByRole('radio', { name: /share the host's kernel/ }).check();
  await kernel.getByRole('button', { name: 'Check answer' }).click();
  await expect(kernel.getByRole('status')).toHaveText('Correct.');
  await expect(kernel.getByText('Unlike VMs, which each have their own kernel')).toBeVisible();
  // Every choice explains itself, not only the right one.
  await expect(kernel.getByText('Images are stored by the registry')).toBeVisible();

  // Wrong answer to another.
  const socket = check(page, 'An attacker has code execution in a container that mounts');
  await socket.getByRole('radio', { name: 'Exploit a CVE in the container image.' }).check();
  await socket.getByRole('button', { name: 'Check answer' }).click();
  await expect(socket.getByRole('status')).toContainText('Not quite');
  await expect(socket.getByText('Your choice, not correct.')).toBeVisible();
  await expect(socket.getByText('Correct answer, not picked.')).toBeVisible();
  await expect(socket.getByText('No CVE is needed: the socket itself is the way out.')).toBeVisible();

  // A matching question, answered with the keyboard-friendly selects.
  const ranking = check(page, 'Match each container escape risk indicator');
  const answers: Record<string, string> = {
    'Docker socket mounted': 'Critical',
    'Privileged container deployed': 'High',
    'hostPath volume of': 'High',
    'Container running as root': 'Medium',
    'Host network mode': 'Medium',
    'Host PID namespace': 'Medium',
  };
  for (const [left, right] of Object.entries(answers)) {
    await ranking.getByRole('combobox', { name: new RegExp(left) }).selectOption(right);
  }
  await ranking.getByRole('button', { name: 'Check answer' }).click();
  await expect(ranking.getByRole('status')).toHaveText('Correct.');

  await expect(page.getByText('Score: 2 of 13 correct (3 answered).')).toBeVisible();
  await page.getByRole('button', { name: 'Mark lesson as complete' }).click();
  await expect(page.getByRole('button', { name: /Lesson completed/ })).toHaveAttribute(
    'aria-pressed',
    'true',
  );

  const accessibility = await new AxeBuilder({ page }).include('.lesson-progress').analyze();
  expect(accessibility.violations.map((violation) => violation.id)).toEqual([]);

  await page.reload();
  const kernelAgain = check(page, 'Why can one kernel vulnerability');
  await expect(kernelAgain.getByRole('status')).toHaveText('Correct.');
  await expect(kernelAgain.getByRole('radio', { name: /share the host's kernel/ })).toBeChecked();
  await expect(
    check(page, 'An attacker has code execution in a container that mounts').getByRole('status'),
  ).toContainText('Not quite');
  await expect(page.getByText('Score: 2 of 13 correct (3 answered).')).toBeVisible();
  await expect(page.getByRole('button', { name: /Lesson completed/ })).toHaveAttribute(
    'aria-pressed',
    'true',
  );

  // Try again clears the answer.
  const socketAgain = check(page, 'An attacker has code execution in a container that mounts');
  await socketAgain.getByRole('button', { name: 'Try again' }).click();
  await expect(socketAgain.getByRole('radio').first()).toBeEnabled();
  await expect(socketAgain.getByText('No CVE is needed')).toBeHidden();

  await page.goto('/progress/');
  const row = page.getByRole('row', { name: /Container escape and how to prevent it/ });
  await expect(row).toContainText('2 of 13 (3 answered)');
});

test('a lesson read from its top loads no learner store until its checks near the screen', async ({
  page,
}) => {
  const learnerScripts: string[] = [];
  page.on('request', (request) => {
    if (/\/_astro\/learner\.[\w-]+\.js$/.test(new URL(request.url()).pathname))
      learnerScripts.push(request.url());
  });
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(LESSON);
  await page.waitForLoadState('networkidle');
  const checksTop = await page
    .getByRole('heading', { level: 2, name: 'Knowledge check' })
    .evaluate((heading) => heading.getBoundingClientRect().top);
  // Far enough down that the page's first screens do not count as near the checks.
  expect(checksTop).toBeGreaterThan(720 * 3);
  expect(learnerScripts).toEqual([]);
  await expect(page.locator('knowledge-check[data-arranged="true"]')).toHaveCount(0);

  await scrollToChecks(page);
  await expect(page.locator('knowledge-check[data-arranged="true"]').first()).toBeAttached();
  expect(learnerScripts).toHaveLength(1);
});

test('an ordering question is solved with the move buttons', async ({ page }) => {
  await page.goto('/modules/4-7-investigation-and-forensics/');
  const steps = check(page, 'Put the four steps of investigating');
  const wanted = [
    'Preserve the evidence',
    'Investigate the image',
    'Investigate the pod configuration',
    'Check for lateral movement',
  ];
  // The learner's shuffle is applied once the checks are near the screen and the learner store answers: read the
  // order after it.
  await scrollToChecks(page);
  await expect(steps).toHaveAttribute('data-arranged', 'true');
  const items = steps.getByRole('listitem');
  for (let target = 0; target < wanted.length; target++) {
    const texts = await items.allInnerTexts();
    let position = texts.findIndex((text) => text.startsWith(wanted[target]!));
    while (position > target) {
      await steps.getByRole('button', { name: `Move up: ${wanted[target]}` }).click();
      position--;
    }
  }
  await steps.getByRole('button', { name: 'Check answer' }).click();
  await expect(steps.getByRole('status')).toHaveText('Correct.');
});

test('a wrong answer becomes a review card that comes due', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-11-26T10:00:00Z') });
  await page.goto('/modules/4-7-investigation-and-forensics/');
  const first = check(page, 'is still running. What do you do first?');
  await first.getByRole('radio', { name: 'Delete the pod immediately.' }).check();
  await first.getByRole('button', { name: 'Check answer' }).click();
  await expect(first.getByRole('status')).toContainText('Not quite');

  await page.goto('/');
  await expect(page.getByText('No review cards due now (1 in your queue).')).toBeVisible();
  await page.goto('/review/');
  await expect(page.getByRole('status').filter({ hasText: 'Nothing more is due now' })).toBeVisible();
  await expect(page.locator('knowledge-check:visible')).toHaveCount(0);

  await page.clock.setSystemTime(new Date('2026-11-26T10:30:00Z'));
  await page.goto('/');
  await expect(page.getByText('1 review card is due.')).toBeVisible();
  await page.getByRole('link', { name: 'Open the review queue' }).click();
  await expect(page.getByText('1 question is due for review.')).toBeVisible();
  const due = check(page, 'is still running. What do you do first?');
  await due.getByRole('radio', { name: /Leave it running for now/ }).check();
  await due.getByRole('button', { name: 'Check answer' }).click();
  await expect(due.getByRole('status')).toHaveText('Correct.');
  await page
    .getByRole('group', { name: 'Rate your recall' })
    .getByRole('button', { name: /^Good · / })
    .click();
  await expect(page.getByRole('status').filter({ hasText: 'Nothing more is due now' })).toBeVisible();
  const accessibility = await new AxeBuilder({ page }).include('review-queue').analyze();
  expect(accessibility.violations.map((violation) => violation.id)).toEqual([]);
});

test('an exam run hides explanations until the end and scores each objective', async ({ page }) => {
  await page.goto('/exam/');
  await page.getByRole('spinbutton', { name: 'Questions' }).fill('4');
  await page.getByRole('spinbutton', { name: 'Minutes' }).fill('5');
  await page.getByRole('button', { name: 'Start the exam' }).click();
  await expect(page.getByRole('timer')).toContainText('Time left: 0');
  const questions = page.locator('knowledge-check:visible');
  await expect(questions).toHaveCount(4);

  const choice = page
    .locator('knowledge-check:visible:is([data-type="single"], [data-type="multiple"])')
    .first();
  await choice.locator('input').first().check();
  await choice.getByRole('button', { name: 'Save answer' }).click();
  await expect(choice.getByRole('status')).toContainText('Explanations follow at the end');
  await expect(choice.locator('.check-explanation:visible')).toHaveCount(0);

  await page.getByRole('button', { name: 'Finish the exam' }).click();
  await expect(page.getByRole('heading', { name: 'Your result' })).toBeFocused();
  await expect(page.getByText(/of 4 correct \(\d+%\)\./)).toBeVisible();
  const rows = page.getByRole('table', { name: /Score per objective/ }).getByRole('row');
  expect(await rows.count()).toBeGreaterThanOrEqual(2);
  await expect(choice.locator('.check-explanation').first()).toBeVisible();
  await expect(page.getByText('Not answered.').first()).toBeVisible();
  const accessibility = await new AxeBuilder({ page }).include('exam-mode').analyze();
  expect(accessibility.violations.map((violation) => violation.id)).toEqual([]);

  await page.goto('/progress/');
  await expect(page.getByRole('list').filter({ hasText: 'of 4 (' })).toBeVisible();
});

test('lesson pages load their checks within the JS budget before the learner store arrives', () => {
  const weights = measureLessonPages('dist');
  expect(weights.length).toBeGreaterThanOrEqual(4);
  for (const weight of weights) {
    expect(weight.initialGzip, weight.page).toBeLessThanOrEqual(LESSON_JS_BUDGET_GZIP);
    // The learner store is the one chunk loaded later; it must be there for progress to be kept.
    expect(
      weight.lazyFiles.some((file) => file.includes('learner')),
      weight.page,
    ).toBe(true);
    console.log(
      `${weight.page}: ${(weight.initialGzip / 1024).toFixed(1)} KB at load, ` +
        `${(weight.beforeLabGzip / 1024).toFixed(1)} KB with the learner store (gzip)`,
    );
  }
});

test('lesson pages stay within the JS budget until a lab is opened, learner store included', () => {
  for (const weight of measureLessonPages('dist')) {
    expect(weight.beforeLabGzip, weight.page).toBeLessThanOrEqual(LESSON_JS_BUDGET_GZIP);
  }
});

test('each KQL example links to the lab with its query and a data set', async ({ page }) => {
  await page.goto('/modules/4-7-runtime-and-audit-logs/');
  const links = page.getByRole('link', { name: /^Open in lab: example \d+, on the/ });
  await expect(links).toHaveCount(2);
  const href = (await links.nth(0).getAttribute('href'))!;
  const parsed = parseShareLinkHash(new URL(href, 'http://x').hash);
  expect(parsed).toMatchObject({ ok: true, shared: { scenarioId: 'docker-sock-escape', seed: 11 } });
  if (parsed.ok === true) expect(parsed.shared.query).toContain('parse_json(ExtendedProperties)');
});

test('a "write a query" check explains what it needs when its data set is not in the browser', async ({
  page,
}) => {
  await page.goto('/modules/4-7-runtime-and-audit-logs/');
  const question = check(page, 'After a container escape, the attacker works on the node');
  await expect(question.getByRole('textbox', { name: 'Your query' })).toHaveValue(/SecurityAlert/);
  await expect(question.getByRole('link', { name: 'Open in lab' })).toHaveAttribute('href', /^\/lab\/#q=/);
  await question.getByRole('button', { name: 'Run and check' }).click();
  await expect(question.getByRole('status').filter({ hasText: 'is not in this browser yet' })).toBeVisible();
  await expect(question.getByRole('button', { name: 'Generate this dataset' })).toBeVisible();
});

test('an exam ends by itself when the time is up', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-11-26T10:00:00Z') });
  await page.goto('/exam/');
  await page.getByRole('spinbutton', { name: 'Questions' }).fill('2');
  await page.getByRole('spinbutton', { name: 'Minutes' }).fill('1');
  await page.getByRole('button', { name: 'Start the exam' }).click();
  await expect(page.getByRole('timer')).toHaveText('Time left: 01:00');
  await page.clock.fastForward('01:01');
  await expect(page.getByRole('timer')).toHaveText('Time is up.');
  await expect(page.getByText('0 of 2 correct (0%).')).toBeVisible();
});

test('progress is exported to a JSON file and imported into a fresh browser', async ({ page, browser }) => {
  await page.goto(LESSON);
  const kernel = check(page, 'Why can one kernel vulnerability');
  await kernel.getByRole('radio', { name: /share the host's kernel/ }).check();
  await kernel.getByRole('button', { name: 'Check answer' }).click();
  await expect(kernel.getByRole('status')).toHaveText('Correct.');

  await page.goto('/progress/');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export my data (JSON)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('sc200-learner-data.json');
  const file = await download.path();

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto('/progress/');
  const row = other.getByRole('row', { name: /Container escape and how to prevent it/ });
  await expect(row).toContainText('0 of 13 (0 answered)');
  await other.getByLabel(/Import a file exported earlier/).setInputFiles({
    name: 'not-an-export.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"hello": 1}'),
  });
  await expect(other.getByRole('status').filter({ hasText: 'was not imported' })).toBeVisible();
  await other.getByLabel(/Import a file exported earlier/).setInputFiles(file);
  await expect(other.getByRole('status').filter({ hasText: 'Imported' })).toBeVisible();
  await expect(row).toContainText('1 of 13 (1 answered)');
  const accessibility = await new AxeBuilder({ page: other }).include('learner-progress').analyze();
  expect(accessibility.violations.map((violation) => violation.id)).toEqual([]);
  await fresh.close();
});
