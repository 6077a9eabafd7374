import { useEffect, useState } from 'react';
import type { GenerateProgress } from '../../../store/queryClient';
import type { DatasetSummary, ScenarioOption } from '../backend';

interface Props {
  readonly scenarios: readonly ScenarioOption[];
  readonly datasets: readonly DatasetSummary[];
  readonly current: DatasetSummary | undefined;
  readonly progress: GenerateProgress | undefined;
  readonly error: string;
  /** Present when datasets can be generated in the browser. */
  readonly onGenerate: ((scenarioId: string, seed: number, days: number) => void) | undefined;
  readonly onSelect: (datasetId: string) => void;
}

function formatInstant(iso: string | undefined): string {
  return iso ? iso.replace('T', ' ').replace(/(\.\d+)?Z$/, ' UTC') : 'unknown';
}

/** The simulation's progress in words: its virtual clock and the rows written so far. */
function generationMessage(progress: GenerateProgress): string {
  if (!progress.virtualNow) return 'Starting the simulation…';
  return `Simulating ${progress.virtualNow.slice(0, 16).replace('T', ' ')} UTC: ${progress.rows.toLocaleString('en')} rows written`;
}

function totalRows(dataset: DatasetSummary): number {
  return Object.values(dataset.rowCounts).reduce((sum, count) => sum + count, 0);
}

/**
 * Which dataset queries run on: choose a stored one, or a scenario and seed to generate (with progress); shows the
 * virtual now that `now()` and `ago()` read, and the time range the data covers.
 */
export function DatasetControls({
  scenarios,
  datasets,
  current,
  progress,
  error,
  onGenerate,
  onSelect,
}: Props) {
  const [scenarioId, setScenarioId] = useState(current?.scenarioId ?? scenarios[0]?.id ?? '');
  const [seedText, setSeedText] = useState(String(current?.seed ?? scenarios[0]?.seed ?? 1));
  const [daysText, setDaysText] = useState(String(current?.days ?? scenarios[0]?.days ?? 1));

  useEffect(() => {
    if (!current) return;
    setScenarioId(current.scenarioId);
    setSeedText(String(current.seed));
    if (current.days !== undefined) setDaysText(String(current.days));
  }, [current]);

  const seed = Number(seedText);
  const seedValid = /^\d{1,10}$/.test(seedText) && Number.isSafeInteger(seed);
  const days = Number(daysText);
  const daysValid = /^\d{1,2}$/.test(daysText) && days >= 1 && days <= 30;
  const busy = progress !== undefined;

  return (
    <section className="dataset-controls" aria-labelledby="dataset-heading">
      <h2 id="dataset-heading" className="lab__panel-title">
        Dataset
      </h2>
      {datasets.length > 0 && (
        <label className="dataset-controls__field">
          Stored dataset
          <select
            value={current?.id ?? ''}
            onChange={(event) => onSelect(event.target.value)}
            disabled={busy}
          >
            {current === undefined && <option value="">Choose a dataset</option>}
            {datasets.map((dataset) => (
              <option key={dataset.id} value={dataset.id}>
                {dataset.scenarioId} · seed {dataset.seed}
                {dataset.days !== undefined ? ` · ${dataset.days} d` : ''}
                {dataset.ready ? '' : ' (incomplete)'}
              </option>
            ))}
          </select>
        </label>
      )}
      {onGenerate && scenarios.length > 0 && (
        <form
          className="dataset-controls__form"
          onSubmit={(event) => {
            event.preventDefault();
            if (seedValid && daysValid && scenarioId) onGenerate(scenarioId, seed, days);
          }}
        >
          <label className="dataset-controls__field">
            Scenario
            <select
              value={scenarioId}
              onChange={(event) => {
                setScenarioId(event.target.value);
                const chosen = scenarios.find((scenario) => scenario.id === event.target.value);
                if (chosen) {
                  setSeedText(String(chosen.seed));
                  setDaysText(String(chosen.days));
                }
              }}
              disabled={busy}
            >
              {scenarios.map((scenario) => (
                <option key={scenario.id} value={scenario.id}>
                  {scenario.title}
                </option>
              ))}
            </select>
          </label>
          <label className="dataset-controls__field">
            Seed
            <input
              type="text"
              inputMode="numeric"
              value={seedText}
              aria-invalid={!seedValid}
              aria-describedby={seedValid ? undefined : 'seed-error'}
              onChange={(event) => setSeedText(event.target.value.trim())}
              disabled={busy}
            />
          </label>
          <label className="dataset-controls__field">
            Simulated days
            <input
              type="text"
              inputMode="numeric"
              value={daysText}
              aria-invalid={!daysValid}
              aria-describedby={daysValid ? undefined : 'days-error'}
              onChange={(event) => setDaysText(event.target.value.trim())}
              disabled={busy}
            />
          </label>
          <button type="submit" disabled={busy || !seedValid || !daysValid}>
            {datasets.some(
              (dataset) =>
                dataset.scenarioId === scenarioId && dataset.seed === seed && dataset.days === days,
            )
              ? 'Regenerate'
              : 'Generate'}
          </button>
          {!daysValid && (
            <p id="days-error" className="lab__error-text">
              Simulated days are a whole number from 1 to 30.
            </p>
          )}
          {!seedValid && (
            <p id="seed-error" className="lab__error-text">
              The seed is a whole number, like 42.
            </p>
          )}
        </form>
      )}
      {progress && (
        <label className="dataset-controls__progress">
          <span>{generationMessage(progress)}</span>
          <progress value={progress.fraction} max={1} />
        </label>
      )}
      {error && (
        <p role="alert" className="lab__error-text">
          {error}
        </p>
      )}
      {current ? (
        <dl className="dataset-controls__facts">
          <dt>Virtual now</dt>
          <dd data-testid="virtual-now">{formatInstant(current.virtualNow)}</dd>
          <dt>Time range</dt>
          <dd>
            {formatInstant(current.start)} to {formatInstant(current.end)}
          </dd>
          <dt>Rows</dt>
          <dd>{totalRows(current).toLocaleString('en')}</dd>
        </dl>
      ) : (
        !progress && (
          <p>
            No dataset is stored in this browser yet.{' '}
            {onGenerate ? 'Generate one above, or import' : 'Import'} one on the{' '}
            <a href="/datasets/">Datasets</a> page.
          </p>
        )
      )}
    </section>
  );
}
