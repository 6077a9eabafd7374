import type { WireValue } from '../../kql/types';

interface Props {
  readonly caption: string;
  readonly columns: readonly { readonly name: string }[];
  readonly rows: readonly (readonly WireValue[])[];
}

export function cellText(value: WireValue | undefined): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** A small read-only result (notebook entries): a plain table, scrollable when wide. */
export function ResultTable({ caption, columns, rows }: Props) {
  return (
    <div className="case-table" tabIndex={0} role="group" aria-label={caption}>
      <table>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.name} scope="col">
                {column.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, rowIndex) => (
            <tr key={rowIndex}>
              {columns.map((column, index) => (
                <td key={column.name}>{cellText(row[index])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
