import { useCallback, useEffect, useRef, useState } from 'react';
import {
  queryClient,
  type DatasetRecord,
  type ImportRequest,
  type RunOutcome,
} from '../../store/queryClient';
import {
  formatCount,
  formatVirtualTime,
  parseManifest,
  tableOfFile,
  type DatasetManifestFile,
} from './format';
import './datasets.css';

function totalRows(dataset: DatasetRecord): number {
  return Object.values(dataset.tables).reduce((sum, info) => sum + info.rowCount, 0);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export interface ScenarioChoice {
  id: string;
  title: string;
  seed: number;
  days: number;
}

/** Lists the datasets stored in this browser; generate, reset, export, import, and a quick query to check one. */
export default function Datasets({ scenarios }: { scenarios: ScenarioChoice[] }) {
  const [datasets, setDatasets] = useState<DatasetRecord[] | undefined>(undefined);
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');

  const refresh = useCallback(async () => {
    try {
      setDatasets(await queryClient().listDatasets());
    } catch (failure) {
      setError(messageOf(failure));
      setDatasets([]);
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  async function reset(dataset: DatasetRecord) {
    if (
      !window.confirm(
        `Delete the dataset ${dataset.id} and all its rows? Your progress and answers are kept.`,
      )
    )
      return;
    setError('');
    try {
      await queryClient().resetDataset(dataset.id);
      setStatus(`Dataset ${dataset.id} was reset.`);
      await refresh();
    } catch (failure) {
      setError(messageOf(failure));
    }
  }

  async function exportTables(dataset: DatasetRecord, tables: string[]) {
    setError('');
    try {
      for (const table of tables) {
        const blob = await queryClient().exportNdjson(dataset.id, table);
        download(blob, `${table}.ndjson`);
      }
      setStatus(`Exported ${tables.length === 1 ? tables[0] : `${tables.length} tables`} of ${dataset.id}.`);
    } catch (failure) {
      setError(messageOf(failure));
    }
  }

  return (
    <div className="datasets">
      <div role="status" aria-live="polite" className="datasets__status">
        {status}
      </div>
      {error && (
        <p role="alert" className="datasets__error">
          {error}
        </p>
      )}
      <section aria-labelledby="stored-heading">
        <h2 id="stored-heading">Stored in this browser</h2>
        {datasets === undefined ? (
          <p>Reading the datasets…</p>
        ) : datasets.length === 0 ? (
          <p>No dataset yet. Generate one or import NDJSON files below.</p>
        ) : (
          <table className="datasets__table">
            <thead>
              <tr>
                <th scope="col">Scenario</th>
                <th scope="col">Seed</th>
                <th scope="col">Virtual time</th>
                <th scope="col">Rows</th>
                <th scope="col">State</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {datasets.map((dataset) => (
                <DatasetRow
                  key={dataset.id}
                  dataset={dataset}
                  onReset={() => void reset(dataset)}
                  onExport={(tables) => void exportTables(dataset, tables)}
                />
              ))}
            </tbody>
          </table>
        )}
      </section>
      <GenerateForm
        scenarios={scenarios}
        onGenerated={async (dataset) => {
          setStatus(`Generated ${formatCount(totalRows(dataset))} rows as ${dataset.id}.`);
          await refresh();
        }}
        onError={setError}
      />
      <ImportForm
        onImported={async (dataset) => {
          setStatus(`Imported ${formatCount(totalRows(dataset))} rows as ${dataset.id}.`);
          await refresh();
        }}
        onError={setError}
      />
      {datasets && datasets.length > 0 && <QuickQuery datasets={datasets} />}
    </div>
  );
}

function DatasetRow({
  dataset,
  onReset,
  onExport,
}: {
  dataset: DatasetRecord;
  onReset: () => void;
  onExport: (tables: string[]) => void;
}) {
  const tables = Object.entries(dataset.tables)
    .filter(([, info]) => info.rowCount > 0)
    .sort(([a], [b]) => a.localeCompare(b, 'en'));
  return (
    <tr>
      <th scope="row">{dataset.scenario}</th>
      <td>{dataset.seed}</td>
      <td>
        {formatVirtualTime(dataset.virtualStart)} → {formatVirtualTime(dataset.virtualEnd)}
        <br />
        <small>now(): {formatVirtualTime(dataset.virtualNow)}</small>
      </td>
      <td>
        <details>
          <summary>{formatCount(totalRows(dataset))} rows</summary>
          <ul className="datasets__tables">
            {tables.map(([table, info]) => (
              <li key={table}>
                {table}: {formatCount(info.rowCount)}{' '}
                <button type="button" className="datasets__link" onClick={() => onExport([table])}>
                  Export {table}.ndjson
                </button>
              </li>
            ))}
          </ul>
        </details>
      </td>
      <td>
        {dataset.status === 'ready'
          ? 'Ready'
          : dataset.status === 'generating'
            ? 'Not finished (still being written, or interrupted)'
            : 'Incomplete'}
        {dataset.problem && <p className="datasets__problem">{dataset.problem}</p>}
      </td>
      <td className="datasets__actions">
        <button
          type="button"
          onClick={() => onExport(tables.map(([table]) => table))}
          disabled={tables.length === 0}
        >
          Export {dataset.id} as NDJSON
        </button>
        <button type="button" onClick={onReset}>
          Reset {dataset.id}
        </button>
      </td>
    </tr>
  );
}

function GenerateForm({
  scenarios,
  onGenerated,
  onError,
}: {
  scenarios: ScenarioChoice[];
  onGenerated: (dataset: DatasetRecord) => Promise<void>;
  onError: (message: string) => void;
}) {
  const [scenarioId, setScenarioId] = useState(scenarios[0]?.id ?? '');
  const scenario = scenarios.find((choice) => choice.id === scenarioId);
  const [seedText, setSeedText] = useState(String(scenarios[0]?.seed ?? 1));
  const [daysText, setDaysText] = useState(String(scenarios[0]?.days ?? 3));
  const [progress, setProgress] = useState('');
  const seed = Number(seedText);
  const days = Number(daysText);
  const valid = /^\d{1,10}$/.test(seedText) && /^\d{1,2}$/.test(daysText) && days >= 1 && days <= 30;

  if (scenarios.length === 0) return null;

  async function submit() {
    onError('');
    setProgress('Starting the simulation…');
    try {
      const dataset = await queryClient().generate({ scenario: scenarioId, seed, days }, (step) =>
        setProgress(
          `Simulating ${step.virtualNow?.slice(0, 16).replace('T', ' ') ?? ''} UTC: ${formatCount(step.rows)} rows, ${Math.round((step.fraction ?? 0) * 100)}%`,
        ),
      );
      await onGenerated(dataset);
    } catch (failure) {
      onError(messageOf(failure));
    } finally {
      setProgress('');
    }
  }

  return (
    <section aria-labelledby="generate-heading">
      <h2 id="generate-heading">Generate a dataset</h2>
      <p>
        Runs the scenario's simulation in this browser. The same scenario, seed and days always give the same
        rows, here and in <code>npm run simulate</code>.
      </p>
      <form
        className="datasets__form"
        onSubmit={(event) => {
          event.preventDefault();
          if (valid && scenario) void submit();
        }}
      >
        <label>
          Scenario
          <select
            aria-label="Scenario"
            value={scenarioId}
            disabled={progress !== ''}
            onChange={(event) => {
              const next = scenarios.find((choice) => choice.id === event.target.value);
              setScenarioId(event.target.value);
              if (next) {
                setSeedText(String(next.seed));
                setDaysText(String(next.days));
              }
            }}
          >
            {scenarios.map((choice) => (
              <option key={choice.id} value={choice.id}>
                {choice.title}
              </option>
            ))}
          </select>
        </label>
        <label>
          Scenario seed
          <input inputMode="numeric" value={seedText} onChange={(event) => setSeedText(event.target.value)} />
        </label>
        <label>
          Days
          <input inputMode="numeric" value={daysText} onChange={(event) => setDaysText(event.target.value)} />
        </label>
        {!valid && (
          <p className="datasets__error">The seed is a whole number and the days go from 1 to 30.</p>
        )}
        <button type="submit" disabled={progress !== '' || !valid}>
          Generate
        </button>
        {progress && <p aria-live="polite">{progress}</p>}
      </form>
    </section>
  );
}

function ImportForm({
  onImported,
  onError,
}: {
  onImported: (dataset: DatasetRecord) => Promise<void>;
  onError: (message: string) => void;
}) {
  const [scenario, setScenario] = useState('imported');
  const [seedText, setSeedText] = useState('1');
  const [files, setFiles] = useState<File[]>([]);
  const [progress, setProgress] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  const seed = Number(seedText);
  const seedValid = /^\d{1,10}$/.test(seedText) && Number.isSafeInteger(seed);
  const scenarioValid = /^[A-Za-z0-9][\w.-]*$/.test(scenario);
  const [manifest, setManifest] = useState<DatasetManifestFile | undefined>(undefined);
  const tableFiles = files.filter((file) => file.name !== 'manifest.json');
  const unknownFiles = tableFiles.filter((file) => tableOfFile(file.name) === undefined);

  async function chooseFiles(chosen: File[]) {
    setFiles(chosen);
    setManifest(undefined);
    const manifestFile = chosen.find((file) => file.name === 'manifest.json');
    if (!manifestFile) return;
    try {
      const parsed = parseManifest(await manifestFile.text());
      setManifest(parsed);
      setScenario(parsed.scenario);
      setSeedText(String(parsed.seed));
    } catch (failure) {
      onError(messageOf(failure));
    }
  }

  async function submit() {
    onError('');
    setProgress('Importing…');
    try {
      const request: ImportRequest = {
        scenario,
        seed,
        files: tableFiles.map((file) => ({ table: tableOfFile(file.name)!, file })),
      };
      if (manifest && manifest.scenario === scenario && manifest.seed === seed) {
        request.days = manifest.days;
        request.virtualStart = Date.parse(manifest.virtualStart);
        request.virtualEnd = Date.parse(manifest.virtualEnd);
        request.virtualNow = Date.parse(manifest.virtualNow);
      }
      const dataset = await queryClient().importNdjson(request, ({ table, rows }) =>
        setProgress(`Importing ${table}: ${formatCount(rows)} rows…`),
      );
      setFiles([]);
      if (fileInput.current) fileInput.current.value = '';
      await onImported(dataset);
    } catch (failure) {
      onError(messageOf(failure));
    } finally {
      setProgress('');
    }
  }

  return (
    <section aria-labelledby="import-heading">
      <h2 id="import-heading">Import NDJSON</h2>
      <p>
        One file per table, named after it (<code>AKSAudit.ndjson</code>), one JSON row per line: the format
        that the export above and <code>npm run simulate</code> write. Add the simulation's{' '}
        <code>manifest.json</code> to keep its scenario, seed, days and virtual time.
      </p>
      <form
        className="datasets__form"
        onSubmit={(event) => {
          event.preventDefault();
          if (seedValid && scenarioValid && tableFiles.length > 0 && unknownFiles.length === 0) void submit();
        }}
      >
        <label>
          Scenario name
          <input value={scenario} onChange={(event) => setScenario(event.target.value)} required />
        </label>
        <label>
          Seed
          <input
            inputMode="numeric"
            value={seedText}
            onChange={(event) => setSeedText(event.target.value)}
            required
          />
        </label>
        <label>
          NDJSON files
          <input
            ref={fileInput}
            type="file"
            multiple
            accept=".ndjson,.jsonl,.json"
            onChange={(event) => void chooseFiles([...(event.target.files ?? [])])}
          />
        </label>
        {!scenarioValid && (
          <p className="datasets__error">
            The scenario name may use letters, digits, dot, dash and underscore.
          </p>
        )}
        {!seedValid && <p className="datasets__error">The seed is a whole number.</p>}
        {unknownFiles.length > 0 && (
          <p className="datasets__error">
            {unknownFiles.map((file) => file.name).join(', ')}: not named like a table (
            <code>Table.ndjson</code>).
          </p>
        )}
        {manifest && (
          <p>
            From manifest.json: {manifest.scenario}, seed {manifest.seed}, {manifest.days} day(s), now(){' '}
            {manifest.virtualNow}.
          </p>
        )}
        <button type="submit" disabled={progress !== '' || tableFiles.length === 0}>
          Import
        </button>
        {progress && <p>{progress}</p>}
      </form>
    </section>
  );
}

function QuickQuery({ datasets }: { datasets: DatasetRecord[] }) {
  const [datasetId, setDatasetId] = useState(datasets[0]!.id);
  const firstTable = Object.keys(datasets[0]!.tables).sort()[0] ?? 'AKSAudit';
  const [text, setText] = useState(`${firstTable} | take 10`);
  const [outcome, setOutcome] = useState<RunOutcome | undefined>(undefined);
  const [error, setError] = useState('');
  const [running, setRunning] = useState<{ cancel: () => void } | undefined>(undefined);

  useEffect(() => {
    if (!datasets.some((dataset) => dataset.id === datasetId)) setDatasetId(datasets[0]!.id);
  }, [datasets, datasetId]);

  async function run() {
    setError('');
    setOutcome(undefined);
    const handle = queryClient().run(text, { datasetId, pageSize: 50 });
    setRunning(handle);
    try {
      setOutcome(await handle.outcome);
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setRunning(undefined);
    }
  }

  return (
    <section aria-labelledby="query-heading">
      <h2 id="query-heading">Check a dataset with a query</h2>
      <form
        className="datasets__form"
        onSubmit={(event) => {
          event.preventDefault();
          void run();
        }}
      >
        <label>
          Dataset
          <select
            aria-label="Dataset"
            value={datasetId}
            onChange={(event) => setDatasetId(event.target.value)}
          >
            {datasets.map((dataset) => (
              <option key={dataset.id} value={dataset.id}>
                {dataset.id}
                {dataset.status === 'ready' ? '' : ` (${dataset.status})`}
              </option>
            ))}
          </select>
        </label>
        <label className="datasets__query">
          KQL query
          <textarea
            value={text}
            onChange={(event) => setText(event.target.value)}
            rows={3}
            spellCheck={false}
          />
        </label>
        <button type="submit" disabled={running !== undefined}>
          Run query
        </button>
        {running && (
          <button type="button" onClick={() => running.cancel()}>
            Cancel
          </button>
        )}
      </form>
      {error && (
        <p role="alert" className="datasets__error">
          {error}
        </p>
      )}
      {outcome && !outcome.ok && (
        <p role="alert" className="datasets__error">
          {outcome.code} at line {outcome.line}, column {outcome.column}: {outcome.message}
        </p>
      )}
      {outcome?.ok && (
        <>
          {outcome.unfinished && (
            <p role="status" className="datasets__error">
              {outcome.unfinished}
            </p>
          )}
          <p>
            {formatCount(outcome.rowCount)} rows in {Math.round(outcome.elapsedMs)} ms (tables loaded in{' '}
            {Math.round(outcome.loadMs)} ms), now() = {outcome.now}
            {outcome.rowCount > outcome.rows.length && `; the first ${outcome.rows.length} are shown`}
          </p>
          <div className="datasets__result">
            <table aria-label="Query result">
              <thead>
                <tr>
                  {outcome.columns.map((column) => (
                    <th key={column.name} scope="col">
                      {column.name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {outcome.rows.map((row, index) => (
                  <tr key={index}>
                    {row.map((value, cell) => (
                      <td key={cell}>
                        {typeof value === 'object' && value !== null
                          ? JSON.stringify(value)
                          : String(value ?? '')}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
