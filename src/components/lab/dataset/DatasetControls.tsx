import { useEffect, useState } from 'react';
import type { DatasetSummary, GenerateProgress, ScenarioOption } from '../backend';

interface Props {
  readonly scenarios: readonly ScenarioOption[];
  readonly dataset: DatasetSummary | undefined;
  readonly progress: GenerateProgress | undefined;
  readonly error: string;
  readonly available: boolean;
  readonly onGenerate: (scenarioId: string, seed: number) => void;
}

function formatInstant(iso: string): string {
  return iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC');
}

/** Choose a scenario and seed, regenerate its dataset with progress, see the virtual now and the time range. */
export function DatasetControls({ scenarios, dataset, progress, error, available, onGenerate }: Props) {
  const [scenarioId, setScenarioId] = useState(dataset?.scenarioId ?? scenarios[0]?.id ?? '');
  const [seedText, setSeedText] = useState(String(dataset?.seed ?? scenarios[0]?.seed ?? 1));

  useEffect(() => {
    if (!dataset) return;
    setScenarioId(dataset.scenarioId);
    setSeedText(String(dataset.seed));
  }, [dataset]);

  const seed = Number(seedText);
  const seedValid = /^\d{1,10}$/.test(seedText) && Number.isSafeInteger(seed);
  const busy = progress !== undefined;

  return (
    <section className="dataset-controls" aria-labelledby="dataset-heading">
      <h2 id="dataset-heading" className="lab__panel-title">
        Dataset
      </h2>
      {scenarios.length === 0 ? (
        <p>No scenario is published yet, so there is no dataset to generate.</p>
      ) : (
        <form
          className="dataset-controls__form"
          onSubmit={(event) => {
            event.preventDefault();
            if (seedValid && scenarioId) onGenerate(scenarioId, seed);
          }}
        >
          <label>
            Scenario
            <select
              value={scenarioId}
              onChange={(event) => setScenarioId(event.target.value)}
              disabled={busy}
            >
              {scenarios.map((scenario) => (
                <option key={scenario.id} value={scenario.id}>
                  {scenario.title}
                </option>
              ))}
            </select>
          </label>
          <label>
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
          <button type="submit" disabled={busy || !seedValid || !available}>
            {dataset ? 'Regenerate' : 'Generate'}
          </button>
          {!seedValid && (
            <p id="seed-error" className="lab__error-text">
              The seed is a whole number, like 42.
            </p>
          )}
        </form>
      )}
      {progress && (
        <div className="dataset-controls__progress">
          <label>
            <span>{progress.message}</span>
            <progress value={progress.fraction} max={1} aria-label="Dataset generation progress" />
          </label>
        </div>
      )}
      {error && (
        <p role="alert" className="lab__error-text">
          {error}
        </p>
      )}
      {dataset ? (
        <dl className="dataset-controls__facts">
          <dt>Virtual now</dt>
          <dd data-testid="virtual-now">{formatInstant(dataset.virtualNow)}</dd>
          <dt>Time range</dt>
          <dd>
            {formatInstant(dataset.start)} to {formatInstant(dataset.end)}
          </dd>
          <dt>Rows</dt>
          <dd>
            {Object.values(dataset.rowCounts)
              .reduce((sum, count) => sum + count, 0)
              .toLocaleString('en')}
          </dd>
        </dl>
      ) : (
        !progress && <p>No dataset is loaded yet.</p>
      )}
    </section>
  );
}
