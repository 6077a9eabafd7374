import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { ResultColumn, WireValue } from '../../../kql/types';
import {
  cellAsJson,
  nextSort,
  rowAsJson,
  toCsv,
  visibleRowOrder,
  type ColumnFilters,
  type SortState,
} from './gridModel';
import {
  defaultColumnLayout,
  moveColumn,
  toggleColumn,
  visibleColumns,
  type ColumnLayout,
} from './columnLayout';
import { JsonTree } from './JsonTree';
import { formatCell, isExpandable, isNumericType } from './values';

interface Props {
  readonly columns: readonly ResultColumn[];
  readonly rows: readonly (readonly WireValue[])[];
  /** Used in the CSV file name and the grid's accessible name. */
  readonly label: string;
}

const ROW_HEIGHT = 30;
const COLUMN_WIDTH = 180;

/**
 * The results grid: only the rows in view are in the DOM (@tanstack/react-virtual), so 100k rows and more scroll
 * smoothly. One cell is the grid's single tab stop; arrows move it, Enter expands a dynamic value, Ctrl+C copies the
 * cell as JSON and Ctrl+Shift+C the row. Every value is rendered as a text node: result text can never become markup.
 * Memoized: the lab re-renders while a query runs and after its history is written, and the grid changes only with
 * its result.
 */
export const ResultsGrid = memo(function ResultsGrid({ columns, rows, label }: Props) {
  const [sort, setSort] = useState<SortState | undefined>();
  const [filters, setFilters] = useState<ColumnFilters>({});
  const [active, setActive] = useState({ row: 0, column: 0 });
  const [expanded, setExpanded] = useState<{ row: number; column: number } | undefined>();
  const [notice, setNotice] = useState('');
  const [layoutFor, setLayoutFor] = useState<{ columns: readonly ResultColumn[]; layout: ColumnLayout }>({
    columns,
    layout: defaultColumnLayout(columns.length),
  });
  const [columnsOpen, setColumnsOpen] = useState(false);
  const [detailsOpen, setDetailsOpen] = useState(false);
  const scrollRef = useRef<HTMLDivElement>(null);
  // A new result starts with all its columns in their own order.
  const layout = layoutFor.columns === columns ? layoutFor.layout : defaultColumnLayout(columns.length);
  const shown = visibleColumns(layout);
  const setLayout = (next: ColumnLayout) => setLayoutFor({ columns, layout: next });

  const order = useMemo(() => visibleRowOrder(columns, rows, filters, sort), [columns, rows, filters, sort]);
  const virtualizer = useVirtualizer({
    count: order.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });

  const activeRow = Math.min(active.row, Math.max(0, order.length - 1));
  /** The active cell's position among the columns on screen, and the result column it shows. */
  const activeColumn = Math.min(active.column, Math.max(0, shown.length - 1));
  const activeSource = shown[activeColumn] ?? 0;
  const activeRowIndex = order[activeRow];
  const activeValue =
    activeRowIndex === undefined ? undefined : (rows[activeRowIndex]?.[activeSource] ?? null);
  const gridWidth = shown.length * COLUMN_WIDTH;
  const virtualItems = virtualizer.getVirtualItems();
  /** At least as many slots as rows on screen, so that slots are unique among the rows rendered. */
  const rowSlots = Math.max(64, Math.ceil(virtualItems.length / 32) * 32);

  async function copy(text: string, what: string) {
    try {
      await navigator.clipboard.writeText(text);
      setNotice(`Copied ${what} as JSON.`);
    } catch {
      setNotice(`Could not copy ${what}: the browser refused access to the clipboard.`);
    }
  }

  function copyCell() {
    if (activeRowIndex === undefined) return;
    void copy(cellAsJson(activeValue ?? null), `the ${columns[activeSource]?.name ?? ''} cell`);
  }

  function copyRow() {
    if (activeRowIndex === undefined) return;
    void copy(rowAsJson(columns, rows[activeRowIndex] ?? []), `row ${activeRow + 1}`);
  }

  function exportCsv() {
    const blob = new Blob([toCsv(columns, rows, order)], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = `${label.replace(/[^\w.-]+/g, '_') || 'result'}.csv`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1_000);
    setNotice(`Exported ${order.length.toLocaleString('en')} rows as CSV.`);
  }

  function moveTo(row: number, column: number) {
    const nextRow = Math.max(0, Math.min(order.length - 1, row));
    const nextColumn = Math.max(0, Math.min(shown.length - 1, column));
    setActive({ row: nextRow, column: nextColumn });
    virtualizer.scrollToIndex(nextRow, { align: 'auto' });
    requestAnimationFrame(() => {
      scrollRef.current
        ?.querySelector<HTMLElement>(`[data-cell="${nextRow}:${nextColumn}"]`)
        ?.focus({ preventScroll: false });
    });
  }

  function onGridKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 300) / ROW_HEIGHT) - 1);
    const keys: Record<string, () => void> = {
      ArrowDown: () => moveTo(activeRow + 1, activeColumn),
      ArrowUp: () => moveTo(activeRow - 1, activeColumn),
      ArrowRight: () => moveTo(activeRow, activeColumn + 1),
      ArrowLeft: () => moveTo(activeRow, activeColumn - 1),
      PageDown: () => moveTo(activeRow + page, activeColumn),
      PageUp: () => moveTo(activeRow - page, activeColumn),
      Home: () => moveTo(event.ctrlKey ? 0 : activeRow, 0),
      End: () => moveTo(event.ctrlKey ? order.length - 1 : activeRow, shown.length - 1),
    };
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'c') {
      event.preventDefault();
      if (event.shiftKey) copyRow();
      else copyCell();
      return;
    }
    if (event.key === 'Enter' && activeValue !== undefined) {
      event.preventDefault();
      // Enter opens a dynamic value as a tree, and any other cell's row in the details panel.
      if (isExpandable(activeValue, columns[activeSource]!.type)) toggleExpanded(activeRow, activeSource);
      else setDetailsOpen(true);
      return;
    }
    const action = keys[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  }

  function toggleExpanded(row: number, column: number) {
    setExpanded((current) =>
      current && current.row === row && current.column === column ? undefined : { row, column },
    );
  }

  const detailsRow = activeRowIndex === undefined ? undefined : rows[activeRowIndex];

  const expandedValue =
    expanded && order[expanded.row] !== undefined
      ? (rows[order[expanded.row]!]?.[expanded.column] ?? null)
      : undefined;

  return (
    <div className="results-grid">
      <div className="results-grid__toolbar" role="toolbar" aria-label="Result actions">
        <button type="button" onClick={copyCell} disabled={order.length === 0}>
          Copy cell as JSON
        </button>
        <button type="button" onClick={copyRow} disabled={order.length === 0}>
          Copy row as JSON
        </button>
        <button type="button" onClick={exportCsv} disabled={columns.length === 0}>
          Export CSV
        </button>
        <button
          type="button"
          aria-expanded={detailsOpen}
          aria-controls="results-row-details"
          onClick={() => setDetailsOpen((open) => !open)}
          disabled={order.length === 0}
        >
          Row details
        </button>
        <button
          type="button"
          aria-expanded={columnsOpen}
          aria-controls="results-columns"
          onClick={() => setColumnsOpen((open) => !open)}
          disabled={columns.length === 0}
        >
          Columns{shown.length < columns.length ? ` (${shown.length} of ${columns.length})` : ''}
        </button>
        <span className="results-grid__count">
          {order.length === rows.length
            ? `${rows.length.toLocaleString('en')} rows`
            : `${order.length.toLocaleString('en')} of ${rows.length.toLocaleString('en')} rows match the filters`}
        </span>
        <span role="status" className="results-grid__notice">
          {notice}
        </span>
      </div>
      <div
        ref={scrollRef}
        className="results-grid__scroll"
        role="grid"
        aria-label={label}
        aria-rowcount={order.length + 2}
        aria-colcount={shown.length}
        onKeyDown={onGridKeyDown}
      >
        <div role="rowgroup" className="results-grid__head" style={{ width: gridWidth }}>
          <div role="row" aria-rowindex={1} className="results-grid__row">
            {shown.map((index, position) => {
              const column = columns[index]!;
              const sorted = sort?.column === index ? sort.direction : undefined;
              return (
                <div
                  key={`${column.name}-${index}`}
                  role="columnheader"
                  aria-colindex={position + 1}
                  aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
                  className="results-grid__header"
                  style={{ width: COLUMN_WIDTH }}
                >
                  <button
                    type="button"
                    className="results-grid__sort"
                    title={`${column.name} (${column.type}): sort`}
                    onClick={() => setSort((current) => nextSort(current, index))}
                  >
                    <span>{column.name}</span>
                    <span className="results-grid__type">{column.type}</span>
                    <span aria-hidden="true">{sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}</span>
                  </button>
                </div>
              );
            })}
          </div>
          <div role="row" aria-rowindex={2} className="results-grid__row results-grid__filters">
            {shown.map((index, position) => {
              const column = columns[index]!;
              return (
                <div
                  key={`${column.name}-${index}`}
                  role="columnheader"
                  aria-colindex={position + 1}
                  className="results-grid__header"
                  style={{ width: COLUMN_WIDTH }}
                >
                  <input
                    type="search"
                    aria-label={`Filter ${column.name}`}
                    placeholder="Filter"
                    value={filters[index] ?? ''}
                    onChange={(event) =>
                      setFilters((current) => ({ ...current, [index]: event.target.value }))
                    }
                  />
                </div>
              );
            })}
          </div>
        </div>
        <div
          role="rowgroup"
          className="results-grid__body"
          style={{ height: virtualizer.getTotalSize(), width: gridWidth }}
        >
          {virtualItems.map((item) => {
            const rowIndex = order[item.index]!;
            const row = rows[rowIndex] ?? [];
            return (
              <div
                // Keyed by slot, not by row: scrolling reuses the rows' elements and changes their text, rather than
                // removing and creating every row of a screen that scrolled past (what kept long results from scrolling
                // smoothly).
                key={item.index % rowSlots}
                role="row"
                aria-rowindex={item.index + 3}
                className="results-grid__row"
                style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT, width: gridWidth }}
              >
                {shown.map((columnIndex, position) => {
                  const column = columns[columnIndex]!;
                  const value = row[columnIndex] ?? null;
                  const isActive = item.index === activeRow && position === activeColumn;
                  const expandable = isExpandable(value, column.type);
                  const isOpen = expanded?.row === item.index && expanded.column === columnIndex;
                  return (
                    <div
                      key={columnIndex}
                      role="gridcell"
                      aria-colindex={position + 1}
                      aria-selected={isActive}
                      {...(expandable ? { 'aria-expanded': isOpen } : {})}
                      data-cell={`${item.index}:${position}`}
                      tabIndex={isActive ? 0 : -1}
                      className={`results-grid__cell${isNumericType(column.type) ? ' is-number' : ''}${value === null ? ' is-null' : ''}`}
                      style={{ width: COLUMN_WIDTH }}
                      onClick={() => setActive({ row: item.index, column: position })}
                      onDoubleClick={() => expandable && toggleExpanded(item.index, columnIndex)}
                    >
                      {expandable && (
                        <span className="results-grid__expander" aria-hidden="true">
                          {isOpen ? '▾ ' : '▸ '}
                        </span>
                      )}
                      {formatCell(value, column.type)}
                    </div>
                  );
                })}
              </div>
            );
          })}
        </div>
      </div>
      {expanded && expandedValue !== undefined && (
        <section
          className="results-grid__json"
          aria-label={`Value of ${columns[expanded.column]?.name ?? ''}`}
        >
          <div className="results-grid__json-head">
            <strong>
              {columns[expanded.column]?.name} · row {expanded.row + 1}
            </strong>
            <button type="button" onClick={() => setExpanded(undefined)}>
              Close JSON view
            </button>
          </div>
          <div className="results-grid__tree">
            <JsonTree value={expandedValue} openDepth={2} />
          </div>
        </section>
      )}
      {columnsOpen && (
        <section id="results-columns" className="results-grid__columns" aria-label="Columns">
          <ul>
            {layout.order.map((index) => {
              const name = columns[index]!.name;
              return (
                <li key={index}>
                  <label>
                    <input
                      type="checkbox"
                      checked={!layout.hidden.has(index)}
                      onChange={() => setLayout(toggleColumn(layout, index))}
                    />
                    {name}
                  </label>
                  <button
                    type="button"
                    aria-label={`Move ${name} left`}
                    onClick={() => setLayout(moveColumn(layout, index, -1))}
                  >
                    ←
                  </button>
                  <button
                    type="button"
                    aria-label={`Move ${name} right`}
                    onClick={() => setLayout(moveColumn(layout, index, 1))}
                  >
                    →
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      )}
      {detailsOpen && detailsRow && (
        <section
          id="results-row-details"
          className="results-grid__details"
          aria-label={`Row ${activeRow + 1} details`}
        >
          <div className="results-grid__json-head">
            <strong>Row {activeRow + 1}</strong>
            <span>
              <button type="button" onClick={copyRow}>
                Copy row as JSON
              </button>{' '}
              <button type="button" onClick={() => setDetailsOpen(false)}>
                Close row details
              </button>
            </span>
          </div>
          <dl>
            {columns.map((column, index) => {
              const value = detailsRow[index] ?? null;
              return (
                <div key={`${column.name}-${index}`} className="results-grid__detail">
                  <dt>
                    {column.name} <span className="results-grid__type">{column.type}</span>
                  </dt>
                  <dd>
                    {isExpandable(value, column.type) ? (
                      <JsonTree value={value} />
                    ) : (
                      formatCell(value, column.type)
                    )}
                    <button
                      type="button"
                      className="results-grid__copy"
                      aria-label={`Copy ${column.name}`}
                      onClick={() => void copy(cellAsJson(value), `${column.name}`)}
                    >
                      Copy
                    </button>
                  </dd>
                </div>
              );
            })}
          </dl>
        </section>
      )}
    </div>
  );
});
