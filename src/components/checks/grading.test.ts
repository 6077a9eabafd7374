import { describe, expect, it } from 'vitest';
import { grade, GradingError, seededShuffle } from './grading';

describe('grade', () => {
  it('single choice: right only with the one correct choice', () => {
    const key = { type: 'single', correct: [2], choiceCount: 4 } as const;
    expect(grade({ type: 'single', choice: 2 }, key).correct).toBe(true);
    const wrong = grade({ type: 'single', choice: 0 }, key);
    expect(wrong.correct).toBe(false);
    expect(wrong.items.map((item) => item.right)).toEqual([false, true, false, true]);
    expect(wrong.summary).toBe('1 of your choices is wrong and 1 correct choice was not picked.');
    expect(grade({ type: 'single', choice: null }, key).correct).toBe(false);
  });

  it('multiple choice: every correct choice and no wrong one', () => {
    const key = { type: 'multiple', correct: [0, 2], choiceCount: 4 } as const;
    expect(grade({ type: 'multiple', choices: [2, 0] }, key).correct).toBe(true);
    const partial = grade({ type: 'multiple', choices: [0] }, key);
    expect(partial.correct).toBe(false);
    expect(partial.score).toBe(0.75);
    expect(partial.summary).toBe('1 correct choice was not picked.');
    const tooMany = grade({ type: 'multiple', choices: [0, 1, 2, 3] }, key);
    expect(tooMany.correct).toBe(false);
    expect(tooMany.summary).toBe('2 of your choices are wrong.');
  });

  it('ordering: each item in its authored position', () => {
    const key = { type: 'ordering', itemCount: 4 } as const;
    expect(grade({ type: 'ordering', order: [0, 1, 2, 3] }, key).correct).toBe(true);
    const swapped = grade({ type: 'ordering', order: [1, 0, 2, 3] }, key);
    expect(swapped.correct).toBe(false);
    expect(swapped.score).toBe(0.5);
    expect(swapped.items[0]).toMatchObject({ index: 0, placedAt: 1, right: false });
    expect(swapped.summary).toBe('2 of 4 steps are not in their place.');
  });

  it('ordering: refuses an answer that repeats or drops items', () => {
    const key = { type: 'ordering', itemCount: 3 } as const;
    expect(() => grade({ type: 'ordering', order: [0, 0, 1] }, key)).toThrow(GradingError);
    expect(() => grade({ type: 'ordering', order: [0, 1] }, key)).toThrow(GradingError);
  });

  it('matching: each left item with its own right item, repeated right values allowed', () => {
    const key = { type: 'matching', rights: ['Critical', 'High', 'High', 'Medium'] } as const;
    expect(grade({ type: 'matching', matches: ['Critical', 'High', 'High', 'Medium'] }, key).correct).toBe(
      true,
    );
    const wrong = grade({ type: 'matching', matches: ['High', 'High', null, 'Medium'] }, key);
    expect(wrong.correct).toBe(false);
    expect(wrong.items[0]).toMatchObject({ chosen: 'High', expected: 'Critical', right: false });
    expect(wrong.summary).toBe('2 of 4 pairs are not right (1 left without a choice).');
  });

  it('refuses an answer of another question type', () => {
    expect(() => grade({ type: 'single', choice: 0 }, { type: 'ordering', itemCount: 2 })).toThrow(
      'answer of type "single" given to a "ordering" question',
    );
  });
});

describe('shuffles', () => {
  it('are stable for a seed and keep every item', () => {
    const items = ['a', 'b', 'c', 'd', 'e'];
    expect(seededShuffle(items, 'x')).toEqual(seededShuffle(items, 'x'));
    expect([...seededShuffle(items, 'x')].sort()).toEqual(items);
  });
});
