/** Which result columns the grid shows, and in what order: indices into the result's columns. */
export interface ColumnLayout {
  readonly order: readonly number[];
  readonly hidden: ReadonlySet<number>;
}

export function defaultColumnLayout(columnCount: number): ColumnLayout {
  return { order: Array.from({ length: columnCount }, (_, index) => index), hidden: new Set() };
}

/** The columns on screen, left to right. */
export function visibleColumns(layout: ColumnLayout): number[] {
  return layout.order.filter((column) => !layout.hidden.has(column));
}

/** Hides or shows a column; the last visible column cannot be hidden (an empty grid helps no one). */
export function toggleColumn(layout: ColumnLayout, column: number): ColumnLayout {
  const hidden = new Set(layout.hidden);
  if (hidden.has(column)) hidden.delete(column);
  else if (visibleColumns(layout).length > 1) hidden.add(column);
  return { order: layout.order, hidden };
}

/** Moves a column one place left (-1) or right (+1) among the visible columns. */
export function moveColumn(layout: ColumnLayout, column: number, step: -1 | 1): ColumnLayout {
  const visible = visibleColumns(layout);
  const neighbour = visible[visible.indexOf(column) + step];
  if (!visible.includes(column) || neighbour === undefined) return layout;
  const order = [...layout.order];
  const from = order.indexOf(column);
  const to = order.indexOf(neighbour);
  [order[from], order[to]] = [neighbour, column];
  return { order, hidden: layout.hidden };
}
