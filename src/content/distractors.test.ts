/**
 * Exam-realistic checks: neither the length of an option nor its place in the source file may give the
 * answer away. Both are compared with chance over every single- and multiple-choice check.
 *
 * Chance, for one check with k options of which c are correct: if nothing about the options' text
 * depended on being correct, the longest option would be a correct one with probability c/k, and the
 * first option likewise. Over n checks the count of checks where it happens is then a sum of
 * independent Bernoulli(c/k) variables, with mean Σ c/k and variance Σ (c/k)(1 − c/k). The tests allow
 * the mean plus two standard deviations (about a 2.5 % chance of failing content that is in fact fair)
 * and fail above it. Length is also held to the mean minus two standard deviations from below, since
 * "the longest option is never right" is as much a tell as "it always is". Ties for the longest count
 * fractionally: the share of correct options among the longest ones.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { knowledgeCheck, type KnowledgeCheck } from '../schemas/check';
import { readContentFolder } from '../schemas/moduleContent';

type ChoiceCheck = Extract<KnowledgeCheck, { type: 'single' | 'multiple' }>;

const choiceChecks: ChoiceCheck[] = readContentFolder(join(import.meta.dirname, '../../content'), 'checks')
  .map((file) => knowledgeCheck.safeParse(file.frontmatter))
  .flatMap((parsed) =>
    parsed.success && (parsed.data.type === 'single' || parsed.data.type === 'multiple') ? [parsed.data] : [],
  );

/** What a reader sees: Markdown markers and code ticks do not make an option look longer. */
const visibleLength = (text: string) => text.replace(/[`*_]/g, '').trim().length;

function chance(checks: ChoiceCheck[]): { mean: number; sd: number } {
  const probabilities = checks.map(
    (check) => check.choices.filter((choice) => choice.isCorrect).length / check.choices.length,
  );
  const mean = probabilities.reduce((sum, p) => sum + p, 0);
  const variance = probabilities.reduce((sum, p) => sum + p * (1 - p), 0);
  return { mean, sd: Math.sqrt(variance) };
}

function chanceBound(checks: ChoiceCheck[]): number {
  const { mean, sd } = chance(checks);
  return mean + 2 * sd;
}

function longestIsCorrect(check: ChoiceCheck): number {
  const lengths = check.choices.map((choice) => visibleLength(choice.text));
  const longest = check.choices.filter((_, index) => lengths[index] === Math.max(...lengths));
  return longest.filter((choice) => choice.isCorrect).length / longest.length;
}

function describeLongest(check: ChoiceCheck): string {
  return `${check.id}: ${check.choices.map((c) => `${c.isCorrect ? '✓' : '✗'}${visibleLength(c.text)}`).join(' ')}`;
}

describe('options do not give the answer away', () => {
  it('there are choice checks to judge', () => expect(choiceChecks.length).toBeGreaterThanOrEqual(20));

  it('the longest option is a correct one no more often than chance', () => {
    const observed = choiceChecks.reduce((sum, check) => sum + longestIsCorrect(check), 0);
    const giveaways = choiceChecks.filter((check) => longestIsCorrect(check) === 1).map(describeLongest);
    expect(observed, `checks whose longest option is correct:\n${giveaways.join('\n')}`).toBeLessThanOrEqual(
      chanceBound(choiceChecks),
    );
  });

  it('the longest option is not conspicuously rarely correct either', () => {
    const observed = choiceChecks.reduce((sum, check) => sum + longestIsCorrect(check), 0);
    const { mean, sd } = chance(choiceChecks);
    expect(observed).toBeGreaterThanOrEqual(mean - 2 * sd);
  });

  it('the first option in the source file is a correct one no more often than chance', () => {
    const observed = choiceChecks.filter((check) => check.choices[0]!.isCorrect).length;
    expect(observed).toBeLessThanOrEqual(chanceBound(choiceChecks));
  });

  it('the last option in the source file is a correct one no more often than chance', () => {
    const observed = choiceChecks.filter((check) => check.choices.at(-1)!.isCorrect).length;
    expect(observed).toBeLessThanOrEqual(chanceBound(choiceChecks));
  });
});
