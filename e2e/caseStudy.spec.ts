import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';

const LESSON = '/modules/4-7-investigation-and-forensics/';
const CASE_TITLE = 'Case study: The build agent that built more than images';

test('a case study shows its situation above each of its questions, and each question is answered on its own', async ({
  page,
}) => {
  await page.goto(LESSON);
  const questions = page.locator('knowledge-check:visible').filter({ hasText: CASE_TITLE });
  await expect(questions).toHaveCount(4);
  for (const question of await questions.all())
    await expect(question.getByText(/mounts the node's/)).toBeVisible();

  const commands = questions.filter({ hasText: 'You need the commands the attacker ran' });
  await commands.getByRole('radio', { name: /CloudProcessEvents/ }).check();
  await commands.getByRole('button', { name: 'Check answer' }).click();
  await expect(commands.getByRole('status')).toHaveText('Correct.');

  const warning = questions.filter({ hasText: 'Which alert had been warning' });
  await warning.getByRole('radio', { name: '"Privileged container detected"' }).check();
  await warning.getByRole('button', { name: 'Check answer' }).click();
  await expect(warning.getByRole('status')).toHaveText(/^Not quite/);
  await expect(warning.getByText('The build agent itself is not privileged')).toBeVisible();

  const accessibility = await new AxeBuilder({ page }).include('.check-case-study').analyze();
  expect(accessibility.violations.map((violation) => violation.id)).toEqual([]);
});
