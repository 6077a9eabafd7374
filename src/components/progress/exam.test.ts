import { describe, expect, it } from 'vitest';
import { formatCountdown, planExam, scoreExam, timeLeft } from './exam';

const pool = [
  ...Array.from({ length: 10 }, (_, i) => ({ checkId: `a${i}`, objective: 'A' })),
  ...Array.from({ length: 4 }, (_, i) => ({ checkId: `b${i}`, objective: 'B' })),
  ...Array.from({ length: 2 }, (_, i) => ({ checkId: `c${i}`, objective: 'C' })),
];

describe('planExam', () => {
  it('draws the asked number of distinct questions, every objective represented', () => {
    const exam = planExam(pool, 6, 'seed');
    expect(exam).toHaveLength(6);
    expect(new Set(exam.map((q) => q.checkId)).size).toBe(6);
    expect(new Set(exam.map((q) => q.objective))).toEqual(new Set(['A', 'B', 'C']));
    expect(exam.filter((q) => q.objective === 'A')).toHaveLength(2);
  });

  it('is stable for a seed and takes the whole pool when asked for more', () => {
    expect(planExam(pool, 6, 'x')).toEqual(planExam(pool, 6, 'x'));
    expect(planExam(pool, 100, 'x')).toHaveLength(pool.length);
  });
});

describe('scoreExam', () => {
  it('scores per objective, weakest first, with unanswered questions counted wrong', () => {
    const score = scoreExam([
      { checkId: 'a0', objective: 'A', correct: true },
      { checkId: 'a1', objective: 'A', correct: true },
      { checkId: 'a2', objective: 'A', correct: false },
      { checkId: 'b0', objective: 'B' },
      { checkId: 'b1', objective: 'B', correct: true },
    ]);
    expect(score).toEqual({
      correct: 3,
      total: 5,
      percent: 60,
      byObjective: [
        { objective: 'B', correct: 1, total: 2, percent: 50 },
        { objective: 'A', correct: 2, total: 3, percent: 66 },
      ],
    });
  });

  it('gives zero for an empty exam instead of dividing by zero', () => {
    expect(scoreExam([])).toEqual({ correct: 0, total: 0, percent: 0, byObjective: [] });
  });
});

describe('the countdown', () => {
  it('counts down to zero and never below', () => {
    expect(timeLeft(0, 30, 29 * 60_000)).toBe(60_000);
    expect(timeLeft(0, 30, 31 * 60_000)).toBe(0);
  });

  it('formats minutes and seconds', () => {
    expect(formatCountdown(30 * 60_000)).toBe('30:00');
    expect(formatCountdown(61_500)).toBe('01:02');
    expect(formatCountdown(0)).toBe('00:00');
    expect(formatCountdown(2 * 3600_000 + 5000)).toBe('2:00:05');
  });
});
