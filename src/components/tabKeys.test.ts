import { describe, expect, it } from 'vitest';
import { tabKeyTarget } from './tabKeys';

describe('tabKeyTarget', () => {
  it('moves with the arrows, wrapping around, and to the ends with Home and End', () => {
    expect(tabKeyTarget('ArrowRight', 0, 3)).toBe(1);
    expect(tabKeyTarget('ArrowRight', 2, 3)).toBe(0);
    expect(tabKeyTarget('ArrowLeft', 0, 3)).toBe(2);
    expect(tabKeyTarget('Home', 2, 3)).toBe(0);
    expect(tabKeyTarget('End', 0, 3)).toBe(2);
  });

  it('ignores other keys', () => {
    expect(tabKeyTarget('Enter', 1, 3)).toBeUndefined();
    expect(tabKeyTarget('ArrowDown', 1, 3)).toBeUndefined();
  });
});
