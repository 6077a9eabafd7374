/**
 * The case list's view of the learner's runs: per case, a state and the points so far, from the saved records
 * and the objectives' rules.
 */
import type { Scenario } from '../schemas/scenario';
import { caseScore, caseStatus, maxScore, type CaseRecord, type ObjectiveRules } from './caseState';

export const DIFFICULTY_TITLES: Record<Scenario['difficulty'], string> = {
  beginner: 'Beginner',
  intermediate: 'Intermediate',
  advanced: 'Advanced',
};

const DIFFICULTY_ORDER: Record<Scenario['difficulty'], number> = {
  beginner: 0,
  intermediate: 1,
  advanced: 2,
};

/** Cases in the order a learner meets them: by difficulty, then title. */
export function byDifficulty<T extends Pick<Scenario, 'difficulty' | 'title'>>(cases: readonly T[]): T[] {
  return [...cases].sort(
    (a, b) =>
      DIFFICULTY_ORDER[a.difficulty] - DIFFICULTY_ORDER[b.difficulty] || a.title.localeCompare(b.title, 'en'),
  );
}

/** What the list says of a case: not started, in progress with points so far, solved or given up with the score. */
export function caseStateText(record: CaseRecord | undefined, objectives: readonly ObjectiveRules[]): string {
  const score = caseScore(record);
  const total = maxScore(objectives);
  switch (caseStatus(record, objectives)) {
    case 'not-started':
      return 'Not started';
    case 'in-progress':
      return `In progress: ${score} of ${total} points so far`;
    case 'solved':
      return `Solved: ${score} of ${total} points`;
    case 'given-up':
      return `Given up: ${score} of ${total} points`;
  }
}
