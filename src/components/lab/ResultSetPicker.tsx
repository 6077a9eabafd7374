import type { KeyboardEvent } from 'react';
import { tabKeyTarget } from '../tabKeys';

interface Props {
  /** The result tables' names, as Kusto names them (`PrimaryResult`, `GenericResult_2`, a fork branch's name). */
  readonly names: readonly string[];
  readonly selected: number;
  readonly onSelect: (index: number) => void;
  /** The id of the panel showing the selected table. */
  readonly panelId: string;
}

export function resultSetTabId(index: number): string {
  return `lab-result-set-${index}`;
}

/**
 * A tab per result table above the grid, as ADX shows a query that returns several (fork, facet, several
 * statements). Arrows, Home and End move between tables; only the selected tab is in the Tab order.
 */
export function ResultSetPicker({ names, selected, onSelect, panelId }: Props) {
  function select(index: number) {
    onSelect(index);
    requestAnimationFrame(() => document.getElementById(resultSetTabId(index))?.focus());
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const target = tabKeyTarget(event.key, selected, names.length);
    if (target === undefined) return;
    event.preventDefault();
    select(target);
  }

  return (
    <div role="tablist" aria-label="Result tables" className="results__sets" onKeyDown={onKeyDown}>
      {names.map((name, index) => (
        <button
          key={index}
          id={resultSetTabId(index)}
          type="button"
          role="tab"
          aria-selected={index === selected}
          {...(index === selected ? { 'aria-controls': panelId } : {})}
          tabIndex={index === selected ? 0 : -1}
          onClick={() => onSelect(index)}
        >
          {name}
        </button>
      ))}
    </div>
  );
}
