import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { TABLE_DEFINITIONS } from '../../tables';
import { datasetIdOf } from '../../store/datasetId';
import type { DatasetSummary, GenerateProgress, LabBackend, RunOutcome, ScenarioOption } from './backend';
import { DatasetControls } from './dataset/DatasetControls';
import { KqlEditor, type EditorMarker, type KqlEditorHandle } from './editor/KqlEditor';
import { HistoryPanel } from './history/HistoryPanel';
import { ResultsPanel } from './ResultsPanel';
import { SchemaTree } from './schema/SchemaTree';
import { parseShareLinkHash, shareLinkUrl } from './share/shareLink';
import { QueryTabs } from './tabs/QueryTabs';
import { initialTabs, restoreTabs, tabsReducer } from './tabs/tabsModel';

import 'monaco-editor/min/vs/editor/editor.main.css';
import './lab.css';

export interface LabProps {
  readonly scenarios: readonly ScenarioOption[];
  /** The query a lesson or scenario starts the lab with; otherwise the learner's own tabs are restored. */
  readonly initialQuery?: string;
  readonly initialScenarioId?: string;
  readonly initialSeed?: number;
  /** An embedded lab (in a lesson) shows no history or tabs of its own and does not save tabs. */
  readonly embedded?: boolean;
}

interface TabRun {
  readonly running: boolean;
  readonly outcome?: RunOutcome;
  /** The text that was run and its offset in the editor, to place markers and hints. */
  readonly ranText?: string;
  readonly ranOffset?: number;
}

const DEFAULT_QUERY =
  'SecurityAlert\n| summarize Alerts = count() by AlertName, AlertSeverity\n| sort by Alerts desc';
const TABS_SETTING = 'lab.tabs';
const DATASET_SETTING = 'lab.dataset';

type StoreModule = typeof import('../../store/learner');

/** The KQL lab: query tabs in Monaco, results grid and charts, schema tree, history, dataset controls, share links. */
export default function Lab({
  scenarios,
  initialQuery,
  initialScenarioId,
  initialSeed,
  embedded = false,
}: LabProps) {
  const [tabs, dispatch] = useReducer(tabsReducer, initialTabs(initialQuery ?? DEFAULT_QUERY));
  const [runs, setRuns] = useState<Readonly<Record<string, TabRun>>>({});
  const [backend, setBackend] = useState<LabBackend | undefined>();
  const [backendError, setBackendError] = useState('');
  const [datasets, setDatasets] = useState<readonly DatasetSummary[]>([]);
  const [dataset, setDataset] = useState<DatasetSummary | undefined>();
  const [progress, setProgress] = useState<GenerateProgress | undefined>();
  const [datasetError, setDatasetError] = useState('');
  const [historyRevision, setHistoryRevision] = useState(0);
  const [shareNotice, setShareNotice] = useState('');
  const [tabsRestored, setTabsRestored] = useState(false);
  const editorRef = useRef<KqlEditorHandle>(null);
  const controllers = useRef(new Map<string, AbortController>());
  const storeRef = useRef<StoreModule | undefined>(undefined);
  const pendingRun = useRef(false);

  const activeTab = tabs.tabs.find((tab) => tab.id === tabs.activeId) ?? tabs.tabs[0]!;
  const activeRun = runs[activeTab.id];

  const store = useCallback(async () => {
    storeRef.current ??= await import('../../store/learner');
    return storeRef.current;
  }, []);

  const chooseDataset = useCallback(
    (summary: DatasetSummary | undefined) => {
      setDataset(summary);
      if (summary && !summary.ready) {
        setDatasetError(
          `The dataset ${summary.scenarioId} (seed ${summary.seed}) is incomplete${summary.problem ? `: ${summary.problem}` : ''}. Regenerate or import it again.`,
        );
      } else {
        setDatasetError('');
      }
      if (summary && !embedded) {
        store()
          .then((learner) => learner.setSetting(DATASET_SETTING, summary.id))
          .catch((error: unknown) => console.error('The chosen dataset could not be remembered.', error));
      }
    },
    [embedded, store],
  );

  const generate = useCallback(
    async (chosenBackend: LabBackend, scenarioId: string, seed: number, days: number) => {
      if (!chosenBackend.generate) return undefined;
      setDatasetError('');
      setProgress({ fraction: 0, message: 'Starting the simulation…' });
      try {
        const summary = await chosenBackend.generate(scenarioId, seed, days, setProgress);
        setDatasets(await chosenBackend.listDatasets());
        chooseDataset(summary);
        return summary;
      } catch (error) {
        setDatasetError(
          `The dataset for ${scenarioId} (seed ${seed}) could not be generated: ${error instanceof Error ? error.message : String(error)}`,
        );
        return undefined;
      } finally {
        setProgress(undefined);
      }
    },
    [chooseDataset],
  );

  const run = useCallback(async () => {
    const editor = editorRef.current;
    if (!editor) return;
    if (!backend || !dataset?.ready) return;
    const tabId = tabs.activeId;
    const { text, offset } = editor.textToRun();
    if (text.trim() === '') return;
    controllers.current.get(tabId)?.abort();
    const controller = new AbortController();
    controllers.current.set(tabId, controller);
    setRuns((current) => ({ ...current, [tabId]: { ...current[tabId], running: true } }));
    const started = performance.now();
    let outcome: RunOutcome;
    try {
      outcome = await backend.run(text, dataset.id, controller.signal);
    } catch (error) {
      outcome = {
        ok: false,
        code: controller.signal.aborted ? 'KQL_CANCELLED' : 'KQL_RUNTIME',
        message: controller.signal.aborted
          ? 'The query was cancelled.'
          : `The query could not run: ${error instanceof Error ? error.message : String(error)}`,
        line: 1,
        column: 1,
        start: 0,
        length: 0,
      };
    }
    if (controllers.current.get(tabId) !== controller) return;
    controllers.current.delete(tabId);
    setRuns((current) => ({
      ...current,
      [tabId]: { running: false, outcome, ranText: text, ranOffset: offset },
    }));
    // From Run to the frame that shows the result: what the benchmark reads (bench/lab.bench.ts). The history is
    // written after that frame, so IndexedDB work never delays the result on screen.
    await new Promise<void>((resolve) =>
      requestAnimationFrame(() => {
        performance.measure('lab:run', {
          start: started,
          end: performance.now(),
          detail: { engineMs: outcome.ok ? outcome.elapsedMs : undefined, ok: outcome.ok },
        });
        resolve();
      }),
    );
    try {
      const learner = await store();
      await learner.addQueryHistory({
        text,
        datasetId: dataset.id,
        ...(outcome.ok
          ? { rowCount: outcome.rows.length, durationMs: outcome.elapsedMs }
          : { error: outcome.code }),
      });
      setHistoryRevision((revision) => revision + 1);
    } catch (error) {
      console.error('The query ran but could not be added to the history.', error);
    }
  }, [backend, tabs.activeId, dataset, store]);

  const cancel = useCallback(() => {
    controllers.current.get(tabs.activeId)?.abort();
  }, [tabs.activeId]);

  // Connect to the query worker through the store's client; then pick the dataset: the share link's or the
  // lesson's when given, else the one the learner used last, else the newest ready one.
  useEffect(() => {
    let current = true;
    import('./storeBackend')
      .then(({ createStoreBackend }) => createStoreBackend())
      .then(async (created) => {
        if (!current) return;
        setBackend(created);
        const stored = await created.listDatasets();
        if (!current) return;
        setDatasets(stored);
        const shared = parseShareLinkHash(location.hash);
        const wantedId = shared.ok === true ? shared.shared.scenarioId : initialScenarioId;
        const scenario = scenarios.find((candidate) => candidate.id === wantedId);
        const wanted =
          wantedId === undefined
            ? undefined
            : {
                scenarioId: wantedId,
                seed: (shared.ok === true ? shared.shared.seed : initialSeed) ?? scenario?.seed ?? 1,
                days: (shared.ok === true ? shared.shared.days : undefined) ?? scenario?.days,
              };
        if (wanted) {
          const matches = stored.filter(
            (candidate) => candidate.scenarioId === wanted.scenarioId && candidate.seed === wanted.seed,
          );
          // The dataset of the intended length, named as the store names it; failing that, any ready length stored.
          const wantedId =
            wanted.days === undefined ? undefined : datasetIdOf(wanted.scenarioId, wanted.seed, wanted.days);
          const match =
            matches.find((candidate) => candidate.ready && candidate.id === wantedId) ??
            matches.find((candidate) => candidate.ready);
          if (match) chooseDataset(match);
          else if (created.generate && scenario) {
            await generate(created, wanted.scenarioId, wanted.seed, wanted.days ?? scenario.days);
          } else {
            setDatasetError(
              `This query is meant for the dataset of scenario ${wanted.scenarioId} with seed ${wanted.seed}, which is not stored in this browser and is not a published scenario. Import it on the Datasets page.`,
            );
          }
          return;
        }
        const lastUsed = embedded
          ? undefined
          : await store()
              .then((learner) => learner.getSetting<string | undefined>(DATASET_SETTING, undefined))
              .catch(() => undefined);
        const choice =
          stored.find((candidate) => candidate.id === lastUsed) ??
          stored.find((candidate) => candidate.ready);
        if (choice) chooseDataset(choice);
      })
      .catch((error: unknown) => {
        console.error(error);
        if (current) {
          setBackendError(
            `The query engine could not start: ${error instanceof Error ? error.message : String(error)}`,
          );
        }
      });
    return () => {
      current = false;
    };
  }, [chooseDataset, embedded, generate, initialScenarioId, initialSeed, scenarios, store]);

  // Restore the learner's own tabs (not for a lesson's embedded lab, which starts from the lesson's query); a share
  // link then opens its query in a tab of its own and runs it once the dataset is ready.
  useEffect(() => {
    let current = true;
    const restore = async () => {
      if (embedded || initialQuery !== undefined) return;
      try {
        const restored = restoreTabs(await (await store()).getSetting<unknown>(TABS_SETTING, undefined));
        if (restored && current) dispatch({ type: 'replace', state: restored });
      } catch (error) {
        console.error('Saved tabs could not be read; starting with a fresh tab.', error);
      }
    };
    void restore().then(() => {
      if (!current) return;
      const shared = parseShareLinkHash(location.hash);
      if (shared.ok === true) {
        dispatch({ type: 'open', text: shared.shared.query, title: 'Shared query' });
        pendingRun.current = true;
      } else if (shared.ok === false) {
        setShareNotice(shared.reason);
      }
      setTabsRestored(true);
    });
    return () => {
      current = false;
    };
  }, [embedded, initialQuery, store]);

  useEffect(() => {
    if (embedded || !tabsRestored) return;
    const timer = setTimeout(() => {
      store()
        .then((learner) => learner.setSetting(TABS_SETTING, tabs))
        .catch((error: unknown) => console.error('The query tabs could not be saved.', error));
    }, 400);
    return () => clearTimeout(timer);
  }, [tabs, embedded, tabsRestored, store]);

  useEffect(() => {
    if (pendingRun.current && tabsRestored && backend && dataset && !progress) {
      pendingRun.current = false;
      // Wait a frame so the editor holds the shared tab's text before it is read.
      requestAnimationFrame(() => void run());
    }
  }, [backend, dataset, progress, run, tabsRestored]);

  async function share() {
    if (!dataset) {
      setShareNotice('Generate a dataset first: a share link names the dataset its result comes from.');
      return;
    }
    const url = shareLinkUrl(location.href, {
      query: activeTab.text,
      scenarioId: dataset.scenarioId,
      seed: dataset.seed,
      ...(dataset.days !== undefined ? { days: dataset.days } : {}),
    });
    history.replaceState(null, '', url);
    try {
      await navigator.clipboard.writeText(url);
      setShareNotice('Share link copied. It carries the query, the scenario and the seed.');
    } catch {
      setShareNotice('Share link is in the address bar (the clipboard was not available).');
    }
  }

  async function saveQuery() {
    const name = window.prompt('Name of the saved query', activeTab.title);
    if (!name || !name.trim()) return;
    try {
      await (await store()).saveQuery({ name, text: activeTab.text });
      setHistoryRevision((revision) => revision + 1);
      setShareNotice(`Saved as "${name.trim()}".`);
    } catch (error) {
      setShareNotice(error instanceof Error ? error.message : String(error));
    }
  }

  const outcome = activeRun?.outcome;
  const markers: EditorMarker[] =
    outcome && !outcome.ok && outcome.length > 0
      ? [
          {
            code: outcome.code,
            message: outcome.hint ? `${outcome.message}\n${outcome.hint}` : outcome.message,
            start: outcome.start + (activeRun.ranOffset ?? 0),
            length: outcome.length,
            severity: 'error',
          },
        ]
      : [];
  const running = activeRun?.running === true;

  return (
    // not-content: keeps Starlight's prose spacing out of the editor and the grid.
    <div className={`lab not-content${embedded ? ' lab--embedded' : ''}`}>
      <div className="lab__side">
        <DatasetControls
          scenarios={scenarios}
          datasets={datasets}
          current={dataset}
          progress={progress}
          error={datasetError}
          onGenerate={
            backend?.generate
              ? (scenarioId, seed, days) => void generate(backend, scenarioId, seed, days)
              : undefined
          }
          onSelect={(id) => chooseDataset(datasets.find((candidate) => candidate.id === id))}
        />
        <SchemaTree
          tables={TABLE_DEFINITIONS}
          {...(dataset ? { rowCounts: dataset.rowCounts } : {})}
          onInsert={(name) => editorRef.current?.insertText(name)}
        />
        {!embedded && (
          <HistoryPanel
            revision={historyRevision}
            onOpen={(text, title) => dispatch({ type: 'open', text, ...(title ? { title } : {}) })}
          />
        )}
      </div>
      <div className="lab__main">
        {!embedded && (
          <QueryTabs
            state={tabs}
            onSelect={(id) => dispatch({ type: 'select', id })}
            onAdd={() => dispatch({ type: 'add' })}
            onClose={(id) => {
              controllers.current.get(id)?.abort();
              dispatch({ type: 'close', id });
            }}
          />
        )}
        <div
          className="lab__editor"
          role={embedded ? undefined : 'tabpanel'}
          id={embedded ? undefined : `panel-${activeTab.id}`}
          aria-labelledby={embedded ? undefined : `tab-${activeTab.id}`}
        >
          <KqlEditor
            ref={editorRef}
            tabId={activeTab.id}
            initialText={activeTab.text}
            onChange={(id, text) => dispatch({ type: 'edit', id, text })}
            onRun={() => void run()}
            markers={markers}
            label="KQL query"
          />
        </div>
        <div className="lab__toolbar" role="toolbar" aria-label="Query actions">
          <button
            type="button"
            className="lab__run"
            onClick={() => void run()}
            disabled={running || !backend}
          >
            Run
          </button>
          <button type="button" onClick={cancel} disabled={!running}>
            Cancel
          </button>
          <button type="button" onClick={() => void share()}>
            Copy share link
          </button>
          <button type="button" onClick={() => void saveQuery()}>
            Save query
          </button>
          <span className="lab__status" role="status" aria-live="polite">
            {backendError ||
              (!backend
                ? 'Starting the query engine…'
                : !dataset
                  ? 'Choose a dataset to run queries on.'
                  : running
                    ? 'Running…'
                    : outcome?.ok
                      ? `${outcome.rows.length.toLocaleString('en')} rows in ${outcome.elapsedMs.toFixed(0)} ms`
                      : outcome
                        ? 'The query failed.'
                        : '')}
          </span>
          {shareNotice && <span className="lab__notice">{shareNotice}</span>}
        </div>
        <ResultsPanel run={activeRun} dataset={dataset} label={activeTab.title} />
      </div>
    </div>
  );
}
