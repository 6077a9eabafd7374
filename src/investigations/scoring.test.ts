import { describe, expect, it } from 'vitest';
import { availablePoints } from './scoring';

describe('availablePoints', () => {
  it('takes the cost of each opened tier, cheapest first', () => {
    expect(availablePoints(100, [10, 20, 40], 0)).toBe(100);
    expect(availablePoints(100, [10, 20, 40], 1)).toBe(90);
    expect(availablePoints(100, [10, 20, 40], 3)).toBe(30);
  });
  it('never goes below zero', () => {
    expect(availablePoints(50, [30, 40], 2)).toBe(0);
  });
});
