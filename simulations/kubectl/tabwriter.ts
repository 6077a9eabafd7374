/**
 * Go's text/tabwriter as kubectl configures it: cells separated by tabs, each column padded to its widest
 * cell plus `padding` (at least `minWidth`), within runs of consecutive lines that have that column. A line's
 * last cell is not padded unless `terminated` (kubectl top ends every cell with a tab).
 */
export interface TabOptions {
  minWidth: number;
  padding: number;
  /** Every cell, the last included, is followed by a tab (so padded). */
  terminated?: boolean;
}

export const GET_TABS: TabOptions = { minWidth: 6, padding: 3 };
export const DESCRIBE_TABS: TabOptions = { minWidth: 0, padding: 2 };
export const TOP_TABS: TabOptions = { minWidth: 6, padding: 3, terminated: true };

export function tabulate(lines: readonly string[], options: TabOptions): string {
  const cells = lines.map((line) => {
    const parts = line.split('\t');
    // A terminated line's cells all end in a tab: the last (empty) text after it is the line's tail.
    return options.terminated ? [...parts, ''] : parts;
  });
  const widths = cells.map((row) => row.map(() => 0));
  // Column k of a line is aligned with the lines around it that also have a cell after column k.
  const maxColumns = Math.max(0, ...cells.map((row) => row.length));
  for (let column = 0; column < maxColumns - 1; column++) {
    let start = 0;
    while (start < cells.length) {
      if (cells[start]!.length <= column + 1) {
        start++;
        continue;
      }
      let end = start;
      let width = 0;
      while (end < cells.length && cells[end]!.length > column + 1) {
        width = Math.max(width, cells[end]![column]!.length + options.padding);
        end++;
      }
      width = Math.max(width, options.minWidth);
      for (let row = start; row < end; row++) widths[row]![column] = width;
      start = end;
    }
  }
  return cells
    .map((row, rowIndex) =>
      row
        .map((cell, column) => (column < row.length - 1 ? cell.padEnd(widths[rowIndex]![column]!) : cell))
        .join(''),
    )
    .join('\n');
}
