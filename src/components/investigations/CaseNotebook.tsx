import { useId, useState } from 'react';
import type { NotebookEntry } from '../../investigations/caseState';
import type { LabResult } from '../lab/Lab';
import { formatUtc } from './CaseEvidence';
import { cellText, ResultTable } from './ResultTable';

interface Props {
  readonly entries: readonly NotebookEntry[];
  readonly lastResult: LabResult | undefined;
  readonly onPinResult: () => void;
  readonly onPinRow: (index: number) => void;
  readonly onRemove: (id: string) => void;
  readonly onOpen: (query: string) => void;
}

const ENTRY_TITLES: Record<NotebookEntry['kind'], string> = {
  query: 'Pinned result',
  row: 'Pinned row',
  capture: 'Captured output',
};

/** Rows offered for pinning one at a time. */
const ROW_CHOICES = 50;

function rowLabel(result: LabResult, index: number): string {
  const row = result.rows[index] ?? [];
  const cells = row.slice(0, 3).map((cell) => cellText(cell).slice(0, 40));
  return `Row ${index + 1}: ${cells.join(' · ')}`;
}

/** The case notebook: queries with their results and single rows the learner keeps as evidence. */
export function CaseNotebook({ entries, lastResult, onPinResult, onPinRow, onRemove, onOpen }: Props) {
  const [rowIndex, setRowIndex] = useState(0);
  const id = useId();
  const rowCount = Math.min(lastResult?.rows.length ?? 0, ROW_CHOICES);
  const chosenRow = Math.min(rowIndex, Math.max(0, rowCount - 1));

  return (
    <section className="case-notebook" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Case notebook</h2>
      <p>
        Pin the query you just ran with its result, or one row of it, as evidence; capture what a command
        printed in the cluster terminal. The notebook is kept with the case and exported with your progress.
      </p>
      <div className="case-notebook__actions">
        <button type="button" onClick={onPinResult} disabled={!lastResult}>
          Pin the last query and its result
        </button>
        <label htmlFor={`${id}-row`}>Row of the last result</label>
        <select
          id={`${id}-row`}
          value={chosenRow}
          onChange={(event) => setRowIndex(Number(event.target.value))}
          disabled={rowCount === 0}
        >
          {lastResult &&
            Array.from({ length: rowCount }, (_, index) => (
              <option key={index} value={index}>
                {rowLabel(lastResult, index)}
              </option>
            ))}
        </select>
        <button type="button" onClick={() => onPinRow(chosenRow)} disabled={rowCount === 0}>
          Pin this row
        </button>
      </div>
      {entries.length === 0 ? (
        <p>Nothing pinned yet.</p>
      ) : (
        <ol className="case-notebook__entries">
          {entries.map((entry, index) => (
            <li key={entry.id}>
              <article aria-labelledby={`${id}-entry-${index}`}>
                <h3 id={`${id}-entry-${index}`}>
                  {ENTRY_TITLES[entry.kind]} {index + 1}
                  <span className="case-meta"> · {formatUtc(new Date(entry.at).toISOString())}</span>
                </h3>
                {entry.kind === 'capture' ? (
                  <>
                    <p className="case-meta">
                      Ran on the live cluster at the virtual time{' '}
                      {entry.virtualTime !== undefined
                        ? formatUtc(new Date(entry.virtualTime).toISOString())
                        : 'unknown'}
                      :
                    </p>
                    <figure className="case-capture">
                      <figcaption>
                        <code>$ {entry.query}</code>
                      </figcaption>
                      <pre tabIndex={0}>{entry.output ?? ''}</pre>
                    </figure>
                  </>
                ) : (
                  <>
                    <pre className="case-query">
                      <code>{entry.query}</code>
                    </pre>
                    <ResultTable
                      caption={`${ENTRY_TITLES[entry.kind]} ${index + 1}`}
                      columns={entry.columns}
                      rows={entry.rows}
                    />
                    {entry.kind === 'query' && entry.rowCount > entry.rows.length && (
                      <p className="case-meta">
                        First {entry.rows.length} of {entry.rowCount.toLocaleString('en')} rows.
                      </p>
                    )}
                  </>
                )}
                <div className="case-notebook__entry-actions">
                  {entry.kind !== 'capture' && (
                    <button type="button" onClick={() => onOpen(entry.query)}>
                      Run again in the lab
                    </button>
                  )}
                  <button type="button" onClick={() => onRemove(entry.id)}>
                    Remove
                  </button>
                </div>
              </article>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
