import { describe, expect, it } from 'vitest';
import { byDifficulty, caseStateText } from './caseList';
import { giveUp, newCase, openHint, recordAttempt } from './caseState';

const rules = [
  { id: 'a', points: 100, hintCosts: [20] },
  { id: 'b', points: 50, hintCosts: [10] },
];

describe('caseStateText', () => {
  it('says not started, in progress with points so far, solved or given up with the score', () => {
    expect(caseStateText(undefined, rules)).toBe('Not started');
    let record = openHint(newCase('c', 1, 0), rules[0]!, rules, 1);
    expect(caseStateText(record, rules)).toBe('In progress: 0 of 150 points so far');
    record = recordAttempt(record, rules[0]!, rules, { answer: 'x', at: 2, verdict: 'correct' });
    expect(caseStateText(record, rules)).toBe('In progress: 80 of 150 points so far');
    expect(caseStateText(giveUp(record, rules, 3), rules)).toBe('Given up: 80 of 150 points');
    record = recordAttempt(record, rules[1]!, rules, { answer: 'y', at: 4, verdict: 'correct' });
    expect(caseStateText(record, rules)).toBe('Solved: 130 of 150 points');
  });
});

describe('byDifficulty', () => {
  it('orders beginner, intermediate, advanced, then by title', () => {
    const cases = [
      { title: 'B', difficulty: 'advanced' as const },
      { title: 'Z', difficulty: 'beginner' as const },
      { title: 'A', difficulty: 'beginner' as const },
    ];
    expect(byDifficulty(cases).map((entry) => entry.title)).toEqual(['A', 'Z', 'B']);
  });
});
