import { useState } from 'react';
import type { TableDefinition } from '../../../tables';

interface Props {
  readonly tables: readonly TableDefinition[];
  readonly rowCounts?: Readonly<Record<string, number>>;
  readonly onInsert: (name: string) => void;
}

/** Names that are not plain identifiers need Kusto's bracket quoting to be inserted into a query. */
export function kustoName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `['${name.replace(/'/g, "\\'")}']`;
}

/** Tables → columns with types and descriptions; activating a name inserts it at the editor's cursor. */
export function SchemaTree({ tables, rowCounts, onInsert }: Props) {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const [filter, setFilter] = useState('');
  const needle = filter.trim().toLowerCase();
  const shown = needle
    ? tables.filter(
        (table) =>
          table.name.toLowerCase().includes(needle) ||
          table.columns.some((column) => column.name.toLowerCase().includes(needle)),
      )
    : tables;

  return (
    <nav className="schema-tree" aria-label="Tables">
      <h2 className="lab__panel-title">Tables</h2>
      <input
        type="search"
        aria-label="Find a table or column"
        placeholder="Find a table or column"
        value={filter}
        onChange={(event) => setFilter(event.target.value)}
      />
      <ul className="schema-tree__tables">
        {shown.map((table) => {
          const expanded =
            open.has(table.name) || (needle !== '' && !table.name.toLowerCase().includes(needle));
          const count = rowCounts?.[table.name];
          return (
            <li key={table.name}>
              <div className="schema-tree__table">
                <button
                  type="button"
                  className="schema-tree__toggle"
                  aria-expanded={expanded}
                  aria-label={`${expanded ? 'Hide' : 'Show'} columns of ${table.name}`}
                  onClick={() =>
                    setOpen((current) => {
                      const next = new Set(current);
                      if (next.has(table.name)) next.delete(table.name);
                      else next.add(table.name);
                      return next;
                    })
                  }
                >
                  <span aria-hidden="true">{expanded ? '▾' : '▸'}</span>
                </button>
                <button
                  type="button"
                  className="schema-tree__name"
                  title={table.description}
                  aria-label={`Insert table ${table.name}`}
                  onClick={() => onInsert(kustoName(table.name))}
                >
                  {table.name}
                </button>
                {count !== undefined && (
                  <span className="schema-tree__count">{count.toLocaleString('en')} rows</span>
                )}
              </div>
              {expanded && (
                <ul className="schema-tree__columns">
                  {table.columns
                    .filter(
                      (column) =>
                        !needle ||
                        table.name.toLowerCase().includes(needle) ||
                        column.name.toLowerCase().includes(needle),
                    )
                    .map((column) => (
                      <li key={column.name}>
                        <button
                          type="button"
                          className="schema-tree__column"
                          title={column.description}
                          aria-label={`Insert column ${column.name} (${column.type}): ${column.description}`}
                          onClick={() => onInsert(kustoName(column.name))}
                        >
                          <span>{column.name}</span> <span className="schema-tree__type">{column.type}</span>
                        </button>
                      </li>
                    ))}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
