import { useLayoutEffect, useMemo, useState, type Ref } from 'react';
import { TABLE_DEFINITIONS } from '../../tables';
import type { ResultTablePage, RunOutcome } from '../../store/queryClient';
import type { DatasetSummary } from './backend';
import { buildChart } from './chart/chartModel';
import { ChartView } from './chart/ChartView';
import { ResultsGrid } from './grid/ResultsGrid';
import { nameFixes, type QueryFix } from './fixes/nameFixes';
import { emptyResultHint } from './hints';
import { ResultSetPicker, resultSetTabId } from './ResultSetPicker';

const RESULT_SET_PANEL = 'lab-result-set-panel';

/** An empty result that `=~` would fill: the values differ from the `==` literal only in case. */
export interface CaseAdvice {
  readonly rows: number;
  readonly fix: QueryFix;
}

interface Props {
  readonly run:
    | {
        readonly running: boolean;
        readonly outcome?: RunOutcome;
        readonly ranText?: string;
        readonly caseAdvice?: CaseAdvice;
      }
    | undefined;
  readonly dataset: DatasetSummary | undefined;
  readonly label: string;
  /** Applies a fix to the query (positions in the text that ran) and runs it again. */
  readonly onApplyFix: (fix: QueryFix) => void;
  /** Told when an outcome is on the page: its grid or message committed, or its chart drawn. */
  readonly onShown?: (outcome: RunOutcome) => void;
  /** The results section, whatever it shows (the lab sizes its chart warm-up by it). */
  readonly sectionRef?: Ref<HTMLElement>;
}

/** The result of the active tab: an error in plain words, or the grid, with the chart when the query renders one. */
export function ResultsPanel({ run, dataset, label, onApplyFix, onShown, sectionRef }: Props) {
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const outcome = run?.outcome;
  // Which result table shows, for the outcome it was picked in: a new run starts at its first table.
  const [picked, setPicked] = useState<{ outcome: RunOutcome; index: number }>();
  const tables: readonly ResultTablePage[] = outcome?.ok ? [outcome, ...(outcome.extraTables ?? [])] : [];
  const selectedIndex = picked && picked.outcome === outcome ? Math.min(picked.index, tables.length - 1) : 0;
  const table = tables[selectedIndex];
  const chart = useMemo(
    () => (table?.chart ? buildChart(table.columns, table.rows, table.chart) : undefined),
    [table],
  );
  const drawable = chart?.ok === true && chart.chart.kind !== 'table' ? chart.chart : undefined;
  const showChart = drawable !== undefined && view === 'chart';
  // Told in the commit itself (a layout effect): a passive effect may run only after the frame that painted the
  // result, and the lab's measure would then wait for one more frame. A chart says so itself once drawn.
  useLayoutEffect(() => {
    if (!outcome) return;
    performance.mark('lab:results-committed');
    if (!showChart) onShown?.(outcome);
  }, [outcome, showChart, onShown]);

  if (!outcome) {
    return (
      <section ref={sectionRef} className="results" aria-label="Results">
        <p className="results__empty">{run?.running ? 'Running…' : 'Run a query to see its results here.'}</p>
      </section>
    );
  }

  if (!outcome.ok) {
    const wrong = (run?.ranText ?? '').slice(outcome.start, outcome.start + outcome.length);
    const fixes = nameFixes(outcome, run?.ranText ?? '', TABLE_DEFINITIONS);
    return (
      <section ref={sectionRef} className="results" aria-label="Results">
        <div role="alert" className="results__error">
          <p>
            <strong>{outcome.code}</strong>
            {outcome.code !== 'KQL_CANCELLED' && (
              <span>
                {' '}
                at line {outcome.line}, column {outcome.column}
              </span>
            )}
            : {outcome.message}
          </p>
          {outcome.hint && <p className="results__hint">Hint: {outcome.hint}</p>}
          {fixes.length > 0 && (
            <p className="results__fixes">
              Did you mean{' '}
              {fixes.map((fix, index) => (
                <span key={fix.replacement}>
                  {index > 0 && ', '}
                  <button
                    type="button"
                    className="results__fix"
                    aria-label={`Replace ${wrong} with ${fix.replacement} and run`}
                    onClick={() => onApplyFix(fix)}
                  >
                    {fix.replacement}
                  </button>
                </span>
              ))}
              ?
            </p>
          )}
        </div>
      </section>
    );
  }

  const shown = table ?? outcome;
  const caseAdvice = outcome.rows.length === 0 && selectedIndex === 0 ? run?.caseAdvice : undefined;
  const hint =
    shown.rows.length === 0 && !caseAdvice && tables.length === 1
      ? emptyResultHint(run?.ranText ?? '', dataset)
      : undefined;
  const several = tables.length > 1;

  const content = (
    <>
      {shown.truncated && (
        <p className="results__notice" role="note">
          The result was cut at {shown.truncated.limit.toLocaleString('en')} rows ({shown.truncated.reason}),
          as Kusto does.
        </p>
      )}
      {chart?.ok === false && (
        <p className="results__notice" role="note">
          {chart.message}
        </p>
      )}
      {caseAdvice && (
        <p className="results__hint" role="note">
          No rows: <code>==</code> compares strings with their case, and{' '}
          {caseAdvice.rows.toLocaleString('en')} rows match when case is ignored.{' '}
          <button type="button" className="results__fix" onClick={() => onApplyFix(caseAdvice.fix)}>
            Use =~ and run
          </button>
        </p>
      )}
      {hint && (
        <p className="results__hint" role="note">
          {hint}
        </p>
      )}
      {drawable && (
        <div className="results__views" role="group" aria-label="Result view">
          <button type="button" aria-pressed={view === 'chart'} onClick={() => setView('chart')}>
            Chart
          </button>
          <button type="button" aria-pressed={view === 'table'} onClick={() => setView('table')}>
            Table
          </button>
        </div>
      )}
      {showChart ? (
        <ChartView chart={drawable} onDrawn={() => onShown?.(outcome)} />
      ) : (
        <ResultsGrid
          // A table of its own: another table's sort, filters and column choices do not carry over.
          key={selectedIndex}
          columns={shown.columns}
          rows={shown.rows}
          label={several ? `${label} result ${shown.name}` : `${label} result`}
        />
      )}
    </>
  );

  return (
    <section ref={sectionRef} className="results" aria-label="Results">
      {several ? (
        <>
          <ResultSetPicker
            names={tables.map((t) => t.name)}
            selected={selectedIndex}
            onSelect={(index) => setPicked({ outcome, index })}
            panelId={RESULT_SET_PANEL}
          />
          <div
            id={RESULT_SET_PANEL}
            role="tabpanel"
            aria-labelledby={resultSetTabId(selectedIndex)}
            className="results__set"
          >
            {content}
          </div>
        </>
      ) : (
        content
      )}
    </section>
  );
}
