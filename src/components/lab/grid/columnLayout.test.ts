import { describe, expect, it } from 'vitest';
import { defaultColumnLayout, moveColumn, toggleColumn, visibleColumns } from './columnLayout';

describe('column layout', () => {
  it('hides and shows columns, keeping at least one', () => {
    let layout = defaultColumnLayout(2);
    layout = toggleColumn(layout, 0);
    expect(visibleColumns(layout)).toEqual([1]);
    expect(visibleColumns(toggleColumn(layout, 1))).toEqual([1]);
    expect(visibleColumns(toggleColumn(layout, 0))).toEqual([0, 1]);
  });

  it('moves a column left or right, and not past either end', () => {
    const layout = defaultColumnLayout(3);
    expect(moveColumn(layout, 2, -1).order).toEqual([0, 2, 1]);
    expect(moveColumn(layout, 0, -1).order).toEqual([0, 1, 2]);
    expect(visibleColumns(moveColumn(toggleColumn(layout, 1), 0, 1))).toEqual([2, 0]);
  });
});
