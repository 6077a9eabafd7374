import { useMemo, useState } from 'react';
import type { DatasetSummary, RunOutcome } from './backend';
import { buildChart } from './chart/chartModel';
import { ChartView } from './chart/ChartView';
import { ResultsGrid } from './grid/ResultsGrid';
import { emptyResultHint } from './hints';

interface Props {
  readonly run:
    { readonly running: boolean; readonly outcome?: RunOutcome; readonly ranText?: string } | undefined;
  readonly dataset: DatasetSummary | undefined;
  readonly label: string;
}

/** The result of the active tab: an error in plain words, or the grid, with the chart when the query renders one. */
export function ResultsPanel({ run, dataset, label }: Props) {
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const outcome = run?.outcome;
  const chart = useMemo(
    () =>
      outcome?.ok && outcome.chart ? buildChart(outcome.columns, outcome.rows, outcome.chart) : undefined,
    [outcome],
  );

  if (!outcome) {
    return (
      <section className="results" aria-label="Results">
        <p className="results__empty">{run?.running ? 'Running…' : 'Run a query to see its results here.'}</p>
      </section>
    );
  }

  if (!outcome.ok) {
    return (
      <section className="results" aria-label="Results">
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
        </div>
      </section>
    );
  }

  const hint = outcome.rows.length === 0 ? emptyResultHint(run?.ranText ?? '', dataset) : undefined;
  const drawable = chart?.ok === true && chart.chart.kind !== 'table' ? chart.chart : undefined;
  const showChart = drawable !== undefined && view === 'chart';

  return (
    <section className="results" aria-label="Results">
      {outcome.truncated && (
        <p className="results__notice" role="note">
          The result was cut at {outcome.truncated.limit.toLocaleString('en')} rows (
          {outcome.truncated.reason}), as Kusto does.
        </p>
      )}
      {chart?.ok === false && (
        <p className="results__notice" role="note">
          {chart.message}
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
        <ChartView chart={drawable} />
      ) : (
        <ResultsGrid columns={outcome.columns} rows={outcome.rows} label={`${label} result`} />
      )}
    </section>
  );
}
