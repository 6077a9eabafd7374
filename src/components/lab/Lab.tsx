import { memo, startTransition, useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { TABLE_DEFINITIONS } from '../../tables';
import type { WireValue } from '../../kql/types';
import { datasetIdOf } from '../../store/datasetId';
import type { GenerateProgress, RunOutcome } from '../../store/queryClient';
import type { DatasetSummary, LabBackend, ScenarioOption } from './backend';
import { DatasetControls } from './dataset/DatasetControls';
import { KqlEditor, type EditorMarker, type KqlEditorHandle } from './editor/KqlEditor';
import { HistoryPanel } from './history/HistoryPanel';
import { LabLayout } from './layout/LabLayout';
import { caseProbe } from './fixes/caseProbe';
import type { QueryFix } from './fixes/nameFixes';
import { preloadChartRuntime, warmUpChartRuntime } from './chart/ChartView';
import { requestIdleTime, type WarmUpEnvironment } from './chart/chartWarmUp';
import { ResultsPanel, type CaseAdvice } from './ResultsPanel';
import { SchemaTree } from './schema/SchemaTree';
import { holdLanguageWorkerUntil } from './editor/languageWorkerGate';
import { remainingTables } from './preloadOrder';
import { runStatus } from './runStatus';
import { longGenerationQuestion, parseShareLinkHash, shareLinkUrl } from './share/shareLink';
import { QueryTabs } from './tabs/QueryTabs';
import {
  initialTabs,
  mergeTabs,
  restoreTabs,
  stampTabsAction,
  tabsReducer,
  type TabsAction,
  type TabsState,
} from './tabs/tabsModel';

import './lab.css';

export interface LabProps {
  readonly scenarios: readonly ScenarioOption[];
  /** The query a lesson or scenario starts the lab with; otherwise the learner's own tabs are restored. */
  readonly initialQuery?: string;
  readonly initialScenarioId?: string;
  readonly initialSeed?: number;
  /** An embedded lab (in a lesson) shows no history or tabs of its own and does not save tabs. */
  readonly embedded?: boolean;
  /** The scenario whose dataset a first visit generates, so the starter query runs with no other step. */
  readonly starterScenarioId?: string;
  /**
   * The dataset a host page owns (a case): the lab queries it and neither generates, offers nor remembers another.
   * `null` while the host is still preparing it.
   */
  readonly datasetId?: string | null;
  /** Told of every query that ran successfully (a case pins it, or a row of it, to its notebook). */
  readonly onResult?: (result: LabResult) => void;
  /** When Monaco loads (KqlEditor): at once, or when the learner first points at or focuses the editor. */
  readonly editorLoadsOn?: 'mount' | 'interaction';
  /** A query for the lab to open and run (once its dataset is ready); a new `id` asks again. */
  readonly queryRequest?: { readonly id: number; readonly text: string; readonly title?: string };
}

export interface LabResult {
  readonly query: string;
  readonly columns: readonly { readonly name: string; readonly type: string }[];
  readonly rows: readonly (readonly WireValue[])[];
}

interface TabRun {
  readonly running: boolean;
  readonly outcome?: RunOutcome;
  /** The text that was run and its offset in the editor, to place markers and hints. */
  readonly ranText?: string;
  readonly ranOffset?: number;
  /** This run replaced one that was still running in the same tab. */
  readonly replacedPrevious?: boolean;
  /** From Run to the outcome. */
  readonly wallMs?: number;
  readonly caseAdvice?: CaseAdvice;
}

// The side panes change with the dataset and the history, not with a run: a run's two renders (running, then its
// outcome) skip them.
const SchemaTreePane = memo(SchemaTree);
const DatasetPane = memo(DatasetControls);

const DEFAULT_QUERY =
  'SecurityAlert\n| summarize Alerts = count() by AlertName, AlertSeverity\n| sort by Alerts desc';
const TABS_SETTING = 'lab.tabs';
/** Results up to this many rows are committed in the task that brings them (see run). */
const SYNC_COMMIT_ROWS = 10_000;
/** A query that draws a chart: the chart library loads while it is typed. */
const RENDERS_A_CHART = /\|\s*render\b/;
/** How long a run goes before the status says "Running…" (a shorter one shows its outcome straight away). */
const RUNNING_STATUS_DELAY_MS = 100;
/** The Chart/Table switch and the margins around a chart in the results pane (lab.css), in rem. */
const CHART_CHROME_REM = 2.556;
/** How long a run's outcome may take to reach the page before its history entry is written without waiting. */
const SHOWN_TIMEOUT_MS = 10_000;
/**
 * A pause in typing after which the query in the editor is analysed and its tables loaded: Shift+Enter then pays only
 * for the run. Shorter than a learner's pause before running; long enough not to analyse every keystroke.
 */
const PREPARE_AFTER_EDIT_MS = 150;

/** Resolves after the next frame has been painted: a task queued from a frame callback runs after that frame. */
function afterNextPaint(): Promise<void> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(undefined);
    }),
  );
}
const DATASET_SETTING = 'lab.dataset';

type StoreModule = typeof import('../../store/learner');

/**
 * The query worker starts as soon as a page with a lab runs this module, not after React has hydrated the island: the
 * engine is warm sooner, and the first query waits less.
 */
const backendLoading =
  typeof window === 'undefined' ? undefined : import('./storeBackend').then(({ labBackend }) => labBackend());
if (backendLoading) holdLanguageWorkerUntil(backendLoading.then((backend) => backend.engineWarm));

/** The KQL lab: query tabs in Monaco, results grid and charts, schema tree, history, dataset controls, share links. */
export default function Lab({
  scenarios,
  initialQuery,
  initialScenarioId,
  initialSeed,
  embedded = false,
  starterScenarioId,
  datasetId,
  onResult,
  queryRequest,
  editorLoadsOn = 'mount',
}: LabProps) {
  const [tabs, dispatchTabs] = useReducer(tabsReducer, initialTabs(initialQuery ?? DEFAULT_QUERY));
  const dispatch = useCallback((action: TabsAction) => dispatchTabs(stampTabsAction(action)), []);
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
  /**
   * The tabs as storage has them (the first render's count: with nothing stored they are the defaults). Saving them
   * again would be work for nothing on every load: the first save loads the settings' schemas and opens a write.
   */
  const tabsInStore = useRef<TabsState>(tabs);
  const editorRef = useRef<KqlEditorHandle>(null);
  const controllers = useRef(new Map<string, AbortController>());
  const storeRef = useRef<StoreModule | undefined>(undefined);
  /** A run asked for before the engine or the dataset was ready (a shared link, Shift+Enter on a first visit). */
  const pendingRun = useRef<{ requestedAt: number; scheduled?: boolean } | undefined>(undefined);
  const [runWaiting, setRunWaiting] = useState(false);
  const [narrowPane, setNarrowPane] = useState('results');

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
      setProgress({ fraction: 0, rows: 0, virtualNow: '' });
      try {
        // Progress arrives every simulated hour while the learner may be typing: its re-renders are transitions,
        // which React splits into short tasks and puts after the learner's input.
        const summary = await chosenBackend.generate(scenarioId, seed, days, (next) =>
          startTransition(() => setProgress(next)),
        );
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

  /** An empty `==` result: run it again with `=~`; if that finds rows, the case differs and the learner is told. */
  const adviseOnCase = useCallback(
    async (tabId: string, text: string, emptyOutcome: RunOutcome, datasetId: string) => {
      const probe = caseProbe(text);
      if (!probe || !backend) return;
      try {
        const probed = await backend.run(probe.probeText, datasetId, new AbortController().signal);
        if (!probed.ok || probed.rows.length === 0) return;
        const advice: CaseAdvice = { rows: probed.rows.length, fix: probe.fix };
        setRuns((current) => {
          const tabRun = current[tabId];
          // Only for the run it was made for: a newer run has its own outcome.
          if (tabRun?.outcome !== emptyOutcome) return current;
          return { ...current, [tabId]: { ...tabRun, caseAdvice: advice } };
        });
      } catch {
        // Advice is optional: a probe that fails (replaced, cancelled) leaves the plain empty result.
      }
    },
    [backend],
  );

  /** Outcomes on their way to the page, and what to tell when each is shown (ResultsPanel's onShown). */
  const shownWaiters = useRef(new Map<RunOutcome, () => void>());
  const resultShown = useCallback((shownOutcome: RunOutcome) => {
    shownWaiters.current.get(shownOutcome)?.();
    shownWaiters.current.delete(shownOutcome);
  }, []);
  /** True once `outcome` is on the page; false if it never got there (another tab shown, a newer run). */
  const whenShown = useCallback((outcome: RunOutcome) => {
    return new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => {
        shownWaiters.current.delete(outcome);
        resolve(false);
      }, SHOWN_TIMEOUT_MS);
      shownWaiters.current.set(outcome, () => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }, []);

  const resultsRef = useRef<HTMLElement>(null);
  /** What the chart warm-up needs of the lab (chartWarmUp.ts): called in the browser only, never while rendering. */
  const chartWarmUp = useCallback(
    (): WarmUpEnvironment => ({
      requestIdle: requestIdleTime,
      // A run in flight: its result would wait behind a warm-up step.
      isBusy: () => controllers.current.size > 0,
      chartSize: () => {
        const { width, height } = resultsRef.current?.getBoundingClientRect() ?? { width: 0, height: 0 };
        // A chart fills the results but for the Chart/Table switch above it: at its size the first chart is not
        // drawn twice (a size observer redraws a chart whose size differs). Hidden (a narrow layout showing the
        // editor): a typical size, and the first chart resizes to its own.
        const chartHeight =
          height - CHART_CHROME_REM * parseFloat(getComputedStyle(document.documentElement).fontSize);
        return width > 0 && chartHeight > 0 ? { width, height: chartHeight } : { width: 600, height: 300 };
      },
      document,
    }),
    [],
  );

  const run = useCallback(async () => {
    const requestedAt = performance.now();
    const editor = editorRef.current;
    if (!editor) return;
    if (!backend || !dataset?.ready) {
      // A first visit: the dataset is still on its way. The run starts as soon as it is ready.
      pendingRun.current = { requestedAt };
      setRunWaiting(true);
      return;
    }
    const tabId = tabs.activeId;
    const { text, offset } = editor.textToRun();
    if (text.trim() === '') return;
    // Alongside the engine, for a query whose text did not come through typing (a share link, a case's evidence).
    if (RENDERS_A_CHART.test(text)) preloadChartRuntime(chartWarmUp());
    const previous = controllers.current.get(tabId);
    previous?.abort();
    const controller = new AbortController();
    controllers.current.set(tabId, controller);
    const replacedPrevious = previous !== undefined;
    setNarrowPane('results');
    const showRunning = () =>
      setRuns((current) => ({ ...current, [tabId]: { ...current[tabId], running: true, replacedPrevious } }));
    // "Running…" shows once a run has taken a moment: most runs end sooner, and rendering and painting the status
    // first took the main thread just when the outcome arrived. A run that replaced another says so at once.
    const runningTimer = replacedPrevious
      ? (showRunning(), undefined)
      : setTimeout(() => {
          if (controllers.current.get(tabId) === controller) showRunning();
        }, RUNNING_STATUS_DELAY_MS);
    const started = pendingRun.current?.requestedAt ?? requestedAt;
    pendingRun.current = undefined;
    setRunWaiting(false);
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
    const outcomeAt = performance.now();
    clearTimeout(runningTimer);
    // A newer run replaced this one: its outcome is not shown.
    if (controllers.current.get(tabId) !== controller) return;
    controllers.current.delete(tabId);
    const wallMs = performance.now() - started;
    const shown = whenShown(outcome);
    const showOutcome = () =>
      setRuns((current) => ({
        ...current,
        [tabId]: { running: false, outcome, ranText: text, ranOffset: offset, replacedPrevious, wallMs },
      }));
    // A small outcome is committed now, in the task that brought it: scheduled, the commit waited behind whatever else
    // the page had queued (a frame, the editor's language worker), which was most of a later query's time after its
    // engine. A large one's render is long enough to go in a task of its own, not added to the message's.
    if (!outcome.ok || outcome.rows.length <= SYNC_COMMIT_ROWS) flushSync(showOutcome);
    else showOutcome();
    if (outcome.ok) onResult?.({ query: text, columns: outcome.columns, rows: outcome.rows });
    if (outcome.ok && outcome.rows.length === 0) void adviseOnCase(tabId, text, outcome, dataset.id);
    // From Run to the result painted (its grid or message committed, or its chart drawn, then the next frame): what
    // the benchmark reads (bench/lab.bench.ts). The history is written after that, so IndexedDB work never delays the
    // result on screen.
    if (await shown) {
      const shownAt = performance.now();
      await afterNextPaint();
      performance.measure('lab:run', {
        start: started,
        end: performance.now(),
        detail: {
          engineMs: outcome.ok ? outcome.elapsedMs : undefined,
          loadMs: outcome.ok ? outcome.loadMs : undefined,
          ok: outcome.ok,
          // Where the time went (the benchmark's breakdown): the outcome in hand, then on the page.
          outcomeAt,
          shownAt,
        },
      });
      // With a result on screen the learner reads it: idle time for ECharts to get ready for the first chart.
      warmUpChartRuntime(chartWarmUp());
    }
    try {
      const learner = await store();
      await learner.addQueryHistory({
        text,
        datasetId: dataset.id,
        ...(outcome.ok
          ? { rowCount: outcome.rows.length, durationMs: outcome.elapsedMs }
          : { error: outcome.code }),
      });
      // A transition: the list catches up in slices of work that the next run (a sync commit) goes ahead of.
      startTransition(() => setHistoryRevision((revision) => revision + 1));
    } catch (error) {
      console.error('The query ran but could not be added to the history.', error);
    }
  }, [backend, tabs.activeId, dataset, store, adviseOnCase, onResult, whenShown, chartWarmUp]);

  // The editor gets one callback for its whole life, so a run's renders do not re-render it.
  const runRef = useRef(run);
  runRef.current = run;
  const runFromEditor = useCallback(() => void runRef.current(), []);
  const editText = useCallback(
    (id: string, text: string) => {
      dispatch({ type: 'edit', id, text });
      if (RENDERS_A_CHART.test(text)) preloadChartRuntime(chartWarmUp());
    },
    [dispatch, chartWarmUp],
  );
  const insertName = useCallback((name: string) => editorRef.current?.insertText(name), []);
  const openInTab = useCallback(
    (text: string, title?: string) => dispatch({ type: 'open', text, ...(title ? { title } : {}) }),
    [dispatch],
  );
  const generateChosen = useMemo(
    () =>
      backend?.generate
        ? (scenarioId: string, seed: number, days: number) => void generate(backend, scenarioId, seed, days)
        : undefined,
    [backend, generate],
  );
  const selectDataset = useCallback(
    (id: string) => chooseDataset(datasets.find((candidate) => candidate.id === id)),
    [chooseDataset, datasets],
  );

  const applyFix = useCallback(
    (fix: QueryFix) => {
      const offset = runs[tabs.activeId]?.ranOffset ?? 0;
      editorRef.current?.replaceRange(offset + fix.start, fix.length, fix.replacement);
      // The edit reaches the editor's model at once; run on the next frame, after React has seen the change.
      requestAnimationFrame(() => void run());
    },
    [runs, tabs.activeId, run],
  );

  const cancel = useCallback(() => {
    controllers.current.get(tabs.activeId)?.abort();
  }, [tabs.activeId]);

  // Connect to the query worker through the store's client; then pick the dataset: the share link's or the
  // lesson's when given, else the one the learner used last, else the newest ready one.
  useEffect(() => {
    let current = true;
    (backendLoading ?? Promise.reject(new Error('The query engine runs only in the browser.')))
      .then(async (created) => {
        if (!current) return;
        setBackend(created);
        const stored = await created.listDatasets();
        if (!current) return;
        if (datasetId !== undefined) {
          const owned = stored.filter((candidate) => candidate.id === datasetId && candidate.ready);
          setDatasets(owned);
          if (owned[0]) chooseDataset(owned[0]);
          else setDataset(undefined);
          return;
        }
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
            const question =
              shared.ok === true ? longGenerationQuestion(shared.shared, scenario.days) : undefined;
            const days =
              question && !window.confirm(question) ? scenario.days : (wanted.days ?? scenario.days);
            await generate(created, wanted.scenarioId, wanted.seed, days);
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
        if (choice) {
          chooseDataset(choice);
          return;
        }
        // Data on arrival: a first visit generates the starter scenario's dataset in the background (the editor is
        // usable meanwhile, the status shows progress, and a run asked for meanwhile starts when it is ready).
        // Measured against shipping it prebuilt (`npm run bench -- lab`): the prebuilt dataset would add 11.8 MB gzip
        // (194 MB of NDJSON) to the download and the offline cache, and only fetching and parsing it took as long as
        // generating and storing it (13–21 s on a loaded 2-core machine); generation downloads nothing.
        const starter = scenarios.find((candidate) => candidate.id === starterScenarioId) ?? scenarios[0];
        if (starter && created.generate) await generate(created, starter.id, starter.seed, starter.days);
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
  }, [
    chooseDataset,
    datasetId,
    embedded,
    generate,
    initialScenarioId,
    initialSeed,
    scenarios,
    starterScenarioId,
    store,
  ]);

  // The first query should pay for neither analysis nor loading: once a dataset is ready, the query in the editor is
  // prepared (the engine analyses it, keeps its plan and loads the tables it reads), then the other tables load, one
  // per request so that a query asked for meanwhile waits for one table at most.
  const activeText = activeTab.text;
  const activeTextRef = useRef(activeText);
  activeTextRef.current = activeText;
  /** The last query prepared, and on which dataset: the same text is not prepared twice. */
  const prepared = useRef<{ datasetId: string; text: string } | undefined>(undefined);
  useEffect(() => {
    if (!backend || !dataset?.ready) return;
    let current = true;
    void (async () => {
      try {
        prepared.current = { datasetId: dataset.id, text: activeTextRef.current };
        const { tables } = await backend.prepare(dataset.id, activeTextRef.current);
        for (const table of remainingTables(dataset.rowCounts, tables)) {
          if (!current) return;
          await backend.loadTable(dataset.id, table);
        }
      } catch (error) {
        // Not fatal: the query that needs a table loads it and reports any problem itself.
        console.warn('The tables could not be loaded ahead of time.', error);
      }
    })();
    return () => {
      current = false;
    };
  }, [backend, dataset]);

  // A query being written is prepared in each pause of the typing (the engine keeps its plan), so that Shift+Enter
  // does not wait for Kusto.Language's analysis of a text it has not seen: 10–40 ms a query on a busy machine.
  useEffect(() => {
    if (!backend || !dataset?.ready) return;
    const timer = setTimeout(() => {
      const text = editorRef.current?.textToRun().text ?? activeText;
      if (text.trim() === '') return;
      if (prepared.current?.datasetId === dataset.id && prepared.current.text === text) return;
      prepared.current = { datasetId: dataset.id, text };
      backend.prepare(dataset.id, text).catch((error: unknown) => {
        // Not fatal: the run analyses the query itself and reports any problem.
        console.warn('The query could not be prepared ahead of its run.', error);
      });
    }, PREPARE_AFTER_EDIT_MS);
    return () => clearTimeout(timer);
  }, [backend, dataset, activeText]);

  useEffect(() => {
    if (!queryRequest) return;
    dispatch({
      type: 'open',
      text: queryRequest.text,
      ...(queryRequest.title ? { title: queryRequest.title } : {}),
    });
    pendingRun.current = { requestedAt: performance.now() };
    // Wakes the pending-run effect even when the query is already the active tab's (its deps would not change).
    setRunWaiting(true);
  }, [queryRequest]);

  // Restore the learner's own tabs (not for a lesson's embedded lab, which starts from the lesson's query); a share
  // link then opens its query in a tab of its own and runs it once the dataset is ready.
  useEffect(() => {
    let current = true;
    const restore = async () => {
      if (embedded || initialQuery !== undefined) return;
      try {
        const restored = restoreTabs(await (await store()).getSetting<unknown>(TABS_SETTING, undefined));
        if (restored && current) {
          tabsInStore.current = restored;
          dispatch({ type: 'replace', state: restored });
        }
      } catch (error) {
        console.error('Saved tabs could not be read; starting with a fresh tab.', error);
      }
    };
    void restore().then(() => {
      if (!current) return;
      const shared = parseShareLinkHash(location.hash);
      if (shared.ok === true) {
        dispatch({ type: 'open', text: shared.shared.query, title: 'Shared query' });
        pendingRun.current = { requestedAt: performance.now() };
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
    if (embedded || !tabsRestored || tabs === tabsInStore.current) return;
    const timer = setTimeout(() => {
      // Merged with what another page of the lab saved meanwhile, in one transaction, then announced to it.
      store()
        .then((learner) =>
          learner.updateSetting<unknown>(TABS_SETTING, undefined, (stored) =>
            mergeTabs(restoreTabs(stored), tabs),
          ),
        )
        .then((merged) => {
          dispatch({ type: 'merge', stored: merged as TabsState });
          tabsChannel.current?.postMessage('saved');
        })
        .catch((error: unknown) => console.error('The query tabs could not be saved.', error));
    }, 400);
    return () => clearTimeout(timer);
  }, [tabs, embedded, tabsRestored, store, dispatch]);

  const tabsChannel = useRef<BroadcastChannel | undefined>(undefined);
  useEffect(() => {
    if (embedded || !tabsRestored || typeof BroadcastChannel === 'undefined') return;
    const channel = new BroadcastChannel(TABS_SETTING);
    tabsChannel.current = channel;
    channel.onmessage = () => {
      store()
        .then((learner) => learner.getSetting<unknown>(TABS_SETTING, undefined))
        .then((stored) => {
          const restored = restoreTabs(stored);
          if (restored) dispatch({ type: 'merge', stored: restored });
        })
        .catch((error: unknown) => console.error("Another page's query tabs could not be read.", error));
    };
    return () => {
      channel.close();
      tabsChannel.current = undefined;
    };
  }, [embedded, tabsRestored, store, dispatch]);

  useEffect(() => {
    const pending = pendingRun.current;
    if (pending && !pending.scheduled && tabsRestored && backend && dataset?.ready && !progress) {
      pending.scheduled = true;
      // Wait a frame so the editor holds the shared tab's text before it is read.
      requestAnimationFrame(() => void run());
    }
  }, [backend, dataset, progress, run, tabsRestored, runWaiting]);

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
  const ranOffset = activeRun?.ranOffset ?? 0;
  // The same markers while the outcome is the same: new ones would be set on the editor's model at every render.
  const markers = useMemo<EditorMarker[]>(
    () =>
      outcome && !outcome.ok && outcome.length > 0
        ? [
            {
              code: outcome.code,
              message: outcome.hint ? `${outcome.message}\n${outcome.hint}` : outcome.message,
              start: outcome.start + ranOffset,
              length: outcome.length,
              severity: 'error',
            },
          ]
        : [],
    [outcome, ranOffset],
  );
  const running = activeRun?.running === true;
  const waitingForHost = datasetId !== undefined && backend !== undefined && !backendError && !dataset?.ready;
  const statusText = waitingForHost
    ? 'Waiting for the case’s dataset…'
    : runStatus({
        ...(backendError ? { engineError: backendError } : {}),
        engineStarted: backend !== undefined,
        hasDataset: dataset?.ready === true,
        ...(progress ? { preparing: progress } : {}),
        runWaiting,
        running,
        replacedPrevious: activeRun?.replacedPrevious === true,
        ...(outcome ? { outcome } : {}),
        ...(activeRun?.wallMs !== undefined ? { wallMs: activeRun.wallMs } : {}),
      });

  const editorPane = (
    <div className="lab__work">
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
          onChange={editText}
          onRun={runFromEditor}
          markers={markers}
          label="KQL query"
          loadOn={editorLoadsOn}
        />
      </div>
      <div className="lab__toolbar" role="toolbar" aria-label="Query actions">
        <button type="button" className="lab__run" onClick={() => void run()} disabled={!backend}>
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
          {statusText}
        </span>
        {shareNotice && <span className="lab__notice">{shareNotice}</span>}
      </div>
    </div>
  );

  const sidePanes = useMemo(
    () => [
      {
        id: 'tables',
        label: 'Tables',
        content: (
          <SchemaTreePane
            tables={TABLE_DEFINITIONS}
            {...(dataset ? { rowCounts: dataset.rowCounts } : {})}
            onInsert={insertName}
          />
        ),
      },
      // A host page that owns the dataset (a case) shows it itself: no other dataset is offered.
      ...(datasetId !== undefined
        ? []
        : [
            {
              id: 'dataset',
              label: 'Dataset',
              content: (
                <DatasetPane
                  scenarios={scenarios}
                  datasets={datasets}
                  current={dataset}
                  progress={progress}
                  error={datasetError}
                  onGenerate={generateChosen}
                  onSelect={selectDataset}
                />
              ),
            },
          ]),
      ...(embedded
        ? []
        : [
            {
              id: 'history',
              label: 'History',
              content: <HistoryPanel revision={historyRevision} onOpen={openInTab} />,
            },
          ]),
    ],
    [
      dataset,
      datasetId,
      datasets,
      datasetError,
      embedded,
      generateChosen,
      historyRevision,
      insertName,
      openInTab,
      progress,
      scenarios,
      selectDataset,
    ],
  );

  return (
    <LabLayout
      // not-content: keeps Starlight's prose spacing out of the editor and the grid.
      className={`lab not-content${embedded ? ' lab--embedded' : ' lab--page'}`}
      layoutId={embedded ? 'lab-embedded' : 'lab'}
      sidePanes={sidePanes}
      editor={editorPane}
      results={
        <ResultsPanel
          run={activeRun}
          dataset={dataset}
          label={activeTab.title}
          onApplyFix={applyFix}
          onShown={resultShown}
          sectionRef={resultsRef}
        />
      }
      narrowPane={narrowPane}
      onNarrowPaneChange={setNarrowPane}
    />
  );
}
