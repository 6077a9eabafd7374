import type * as MonacoApi from 'monaco-editor/esm/vs/editor/editor.api';
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker.js?worker';
// Monaco's styles come with Monaco, not with the page: 130 KB of CSS that no page needs before the editor loads.
// (A stylesheet imported only by a lazily loaded chunk is dropped by Astro's build, so it is added here by hand.)
import monacoCss from 'monaco-editor/min/vs/editor/editor.main.css?inline';
import KustoWorker from './kusto.worker.ts?worker';
import { TABLE_DEFINITIONS } from '../../../tables';
import { kustoEngineSchema } from './kustoSchema';
import { languageWorkerMayStart } from './languageWorkerGate';

export type Monaco = typeof MonacoApi;

let loading: Promise<Monaco> | undefined;

/**
 * Loads Monaco and the Kusto language once per page, from the site's own bundle (no CDN). Only the lab's island
 * calls this, and only when it is shown, so a page without a lab downloads none of these bytes.
 */
export function loadMonaco(): Promise<Monaco> {
  loading ??= load().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

function addMonacoStyles(): void {
  if (document.getElementById('monaco-styles')) return;
  const style = document.createElement('style');
  style.id = 'monaco-styles';
  style.textContent = monacoCss;
  document.head.append(style);
}

async function load(): Promise<Monaco> {
  addMonacoStyles();
  (self as unknown as { MonacoEnvironment: MonacoApi.Environment }).MonacoEnvironment = {
    getWorker: (_workerId: string, label: string) =>
      label === 'kusto' ? languageWorkerMayStart().then(() => new KustoWorker()) : new EditorWorker(),
  };
  // edcore.main: the editor with all its contributions (suggest, hover, find) but none of Monaco's other languages.
  // It has no typings of its own; it re-exports editor.api, whose typings apply.
  // @ts-expect-error TS7016: no declaration file for edcore.main.js
  const monaco = (await import('monaco-editor/esm/vs/editor/edcore.main.js')) as Monaco;
  const kusto = await import('@kusto/monaco-kusto');
  kusto.kustoDefaults.setLanguageSettings({
    ...kusto.kustoDefaults.languageSettings,
    includeControlCommands: false,
    newlineAfterPipe: true,
    useSemanticColorization: true,
    enableHover: true,
    enableQueryWarnings: false,
  });
  // The Kusto mode starts when the first Kusto model exists; a scratch model starts it and carries the schema.
  // The editor is usable at once; completion knows the tables as soon as the language worker has the schema.
  const model = monaco.editor.createModel('', 'kusto');
  intellisenseReady = kusto
    .getKustoWorker()
    .then((workerAccessor) => workerAccessor(model.uri))
    .then((worker) => worker.setSchema(kustoEngineSchema(TABLE_DEFINITIONS)))
    .finally(() => model.dispose());
  return monaco;
}

let intellisenseReady: Promise<void> | undefined;

/** Resolves when the Kusto language worker knows the tables (completion, hover, semantic colours). */
export function whenIntellisenseReady(): Promise<void> {
  return intellisenseReady ?? Promise.reject(new Error('Monaco is not loaded yet.'));
}
