/**
 * Grading of knowledge-check answers. Pure functions over the authored answer key, so the same
 * code grades in the lesson page, the review queue and exam mode, and is unit-tested in Node.
 */
import type { KnowledgeCheck } from '../../schemas/check';
import { seededRandom } from '../../shared/random';

/** What the widget of each check type hands in. Indices refer to the authored order of the content. */
export type LearnerResponse =
  | { type: 'single'; choice: number | null }
  | { type: 'multiple'; choices: number[] }
  | { type: 'ordering'; order: number[] }
  | { type: 'matching'; matches: (string | null)[] };

/** The part of a check needed to grade it (no prose). */
export type AnswerKey =
  | { type: 'single'; correct: readonly number[]; choiceCount: number }
  | { type: 'multiple'; correct: readonly number[]; choiceCount: number }
  | { type: 'ordering'; itemCount: number }
  | { type: 'matching'; rights: readonly string[] };

/** Verdict on one element of the answer: a choice, an item's position, or a pair. */
export interface ItemVerdict {
  index: number;
  /** The learner's handling of this element was right (picked a correct choice, left a wrong one, placed an item well). */
  right: boolean;
  /** For choices: whether the learner picked it. For ordering: the position it was put at (0-based). */
  picked?: boolean;
  placedAt?: number;
  /** For matching: what the learner chose and what was expected. */
  chosen?: string | null;
  expected?: string;
}

export interface Grade {
  correct: boolean;
  /** Fraction of elements handled correctly, 0–1; a wrong answer can still earn partial credit in exam scores. */
  score: number;
  items: ItemVerdict[];
  /** One sentence for the learner on what was wrong; empty when correct. */
  summary: string;
}

export class GradingError extends Error {}

function requireSameType(response: LearnerResponse, key: AnswerKey): void {
  if (response.type !== key.type) {
    throw new GradingError(`answer of type "${response.type}" given to a "${key.type}" question`);
  }
}

function gradeChoices(picked: Set<number>, correct: Set<number>, choiceCount: number): Grade {
  const items: ItemVerdict[] = [];
  for (let index = 0; index < choiceCount; index++) {
    const isPicked = picked.has(index);
    items.push({ index, picked: isPicked, right: isPicked === correct.has(index) });
  }
  const rightCount = items.filter((item) => item.right).length;
  const missed = [...correct].filter((index) => !picked.has(index)).length;
  const wrongPicks = [...picked].filter((index) => !correct.has(index)).length;
  const isCorrect = missed === 0 && wrongPicks === 0;
  const parts: string[] = [];
  if (wrongPicks > 0) parts.push(`${wrongPicks} of your choices ${wrongPicks === 1 ? 'is' : 'are'} wrong`);
  if (missed > 0) parts.push(`${missed} correct choice${missed === 1 ? ' was' : 's were'} not picked`);
  return {
    correct: isCorrect,
    score: choiceCount === 0 ? 0 : rightCount / choiceCount,
    items,
    summary: isCorrect ? '' : `${parts.join(' and ')}.`,
  };
}

function gradeOrdering(order: number[], itemCount: number): Grade {
  const seen = new Set(order);
  if (order.length !== itemCount || seen.size !== itemCount || order.some((i) => i < 0 || i >= itemCount)) {
    throw new GradingError(`an ordering answer must place each of the ${itemCount} items exactly once`);
  }
  const items: ItemVerdict[] = [];
  for (let index = 0; index < itemCount; index++) {
    const placedAt = order.indexOf(index);
    items.push({ index, placedAt, right: placedAt === index });
  }
  const misplaced = items.filter((item) => !item.right).length;
  return {
    correct: misplaced === 0,
    score: (itemCount - misplaced) / itemCount,
    items,
    summary: misplaced === 0 ? '' : `${misplaced} of ${itemCount} steps are not in their place.`,
  };
}

function gradeMatching(matches: readonly (string | null)[], rights: readonly string[]): Grade {
  if (matches.length !== rights.length) {
    throw new GradingError(`a matching answer needs one choice for each of the ${rights.length} items`);
  }
  const items: ItemVerdict[] = rights.map((expected, index) => {
    const chosen = matches[index] ?? null;
    return { index, chosen, expected, right: chosen === expected };
  });
  const wrong = items.filter((item) => !item.right).length;
  const unanswered = items.filter((item) => item.chosen === null).length;
  let summary = '';
  if (wrong > 0) {
    summary = `${wrong} of ${rights.length} pairs are not right`;
    summary += unanswered > 0 ? ` (${unanswered} left without a choice).` : '.';
  }
  return { correct: wrong === 0, score: (rights.length - wrong) / rights.length, items, summary };
}

/** Grades one answer against its key. Throws GradingError when the answer does not fit the question. */
export function grade(response: LearnerResponse, key: AnswerKey): Grade {
  requireSameType(response, key);
  switch (key.type) {
    case 'single': {
      const { choice } = response as Extract<LearnerResponse, { type: 'single' }>;
      return gradeChoices(new Set(choice === null ? [] : [choice]), new Set(key.correct), key.choiceCount);
    }
    case 'multiple': {
      const { choices } = response as Extract<LearnerResponse, { type: 'multiple' }>;
      return gradeChoices(new Set(choices), new Set(key.correct), key.choiceCount);
    }
    case 'ordering':
      return gradeOrdering((response as Extract<LearnerResponse, { type: 'ordering' }>).order, key.itemCount);
    case 'matching':
      return gradeMatching((response as Extract<LearnerResponse, { type: 'matching' }>).matches, key.rights);
  }
}

/** A stable shuffle: the same seed gives the same order (a learner's attempt, an exam's draw). */
export function seededShuffle<T>(items: readonly T[], seed: string): T[] {
  let state = 2166136261;
  for (const char of seed) state = Math.imul(state ^ char.charCodeAt(0), 16777619) >>> 0;
  const next = seededRandom(state);
  const result = [...items];
  for (let i = result.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [result[i], result[j]] = [result[j]!, result[i]!];
  }
  return result;
}

/** The answer key of an authored check (query checks are graded by running queries instead). */
export function answerKeyFor(check: KnowledgeCheck): AnswerKey | undefined {
  switch (check.type) {
    case 'single':
    case 'multiple':
      return {
        type: check.type,
        correct: check.choices.flatMap((choice, index) => (choice.isCorrect ? [index] : [])),
        choiceCount: check.choices.length,
      };
    case 'ordering':
      return { type: 'ordering', itemCount: check.items.length };
    case 'matching':
      return { type: 'matching', rights: check.pairs.map((pair) => pair.right) };
    case 'query':
      return undefined;
  }
}
