import { forwardRef, memo, useEffect, useImperativeHandle, useRef, useState } from 'react';
import type * as MonacoApi from 'monaco-editor/esm/vs/editor/editor.api';
import type { Monaco } from './loadMonaco';

/** A problem to mark in the query text: 0-based offset and length, as the engine reports them. */
export interface EditorMarker {
  readonly code: string;
  readonly message: string;
  readonly start: number;
  readonly length: number;
  readonly severity: 'error' | 'warning';
}

export interface KqlEditorHandle {
  /** Inserts text at the cursor (replacing the selection) and focuses the editor. */
  insertText(text: string): void;
  focus(): void;
  /** Replaces `length` characters at 0-based `start` of the query (an undoable edit), e.g. a suggested fix. */
  replaceRange(start: number, length: number, text: string): void;
  /** The text to run: the selection when there is one, otherwise the whole query, with its offset in the query. */
  textToRun(): { text: string; offset: number };
}

interface Props {
  /** Each tab keeps its own text model (undo history, cursor). */
  readonly tabId: string;
  /** The tab's text: read when the tab's model is made, and applied again when it changes from outside. */
  readonly initialText: string;
  readonly onChange: (tabId: string, text: string) => void;
  readonly onRun: () => void;
  readonly markers: readonly EditorMarker[];
  readonly label: string;
  /**
   * When Monaco loads: at once, or when the learner first points at, touches or focuses the editor. Monaco is about
   * 3 MB of script evaluated on the page's thread; on the lab's own page it waits for the learner, so the page is
   * responsive from the start, and a query typed in the plain text box meanwhile runs all the same.
   */
  readonly loadOn?: 'mount' | 'interaction';
}

const ENGINE_MARKER_OWNER = 'kql-engine';

let monacoLoading: Promise<{ monaco: Monaco; whenIntellisenseReady: () => Promise<void> }> | undefined;

/** Loads Monaco once per page. */
function loadMonacoOnce() {
  monacoLoading ??= import('./loadMonaco').then(async ({ loadMonaco, whenIntellisenseReady }) => ({
    monaco: await loadMonaco(),
    whenIntellisenseReady,
  }));
  return monacoLoading;
}

/**
 * The query editor: Monaco with Kusto IntelliSense once it has loaded, and a plain text area until then (and if it
 * cannot load), so a learner can always type and run a query. Memoized: a run re-renders the lab twice, and the editor
 * changes only with its text, tab and markers.
 */
export const KqlEditor = memo(
  forwardRef<KqlEditorHandle, Props>(function KqlEditor(
    { tabId, initialText, onChange, onRun, markers, label, loadOn = 'mount' },
    ref,
  ) {
    const rootRef = useRef<HTMLDivElement>(null);
    const containerRef = useRef<HTMLDivElement>(null);
    const textareaRef = useRef<HTMLTextAreaElement>(null);
    const monacoRef = useRef<Monaco | null>(null);
    const editorRef = useRef<MonacoApi.editor.IStandaloneCodeEditor | null>(null);
    const modelsRef = useRef(new Map<string, MonacoApi.editor.ITextModel>());
    const [wanted, setWanted] = useState(loadOn === 'mount');
    const [phase, setPhase] = useState<'waiting' | 'loading' | 'ready' | 'failed'>(
      loadOn === 'mount' ? 'loading' : 'waiting',
    );
    const [intellisense, setIntellisense] = useState<'loading' | 'ready' | 'failed'>('loading');
    // The plain text box shows the tab's own text: held by the lab, never copied here, so that a run started in the same
    // frame as a tab change (a share link opening its tab) reads the new tab's text.
    const fallbackText = initialText;
    const latest = useRef({ onChange, onRun, tabId, fallbackText });
    latest.current = { onChange, onRun, tabId, fallbackText };

    useEffect(() => {
      // Focused or pointed at before the page's script took over (the box is in the page's HTML from the start).
      const root = rootRef.current;
      if (root && (root.contains(document.activeElement) || root.matches(':hover'))) setWanted(true);
    }, []);

    useEffect(() => {
      if (!wanted) return;
      let disposed = false;
      setPhase('loading');
      loadMonacoOnce()
        .then(({ monaco, whenIntellisenseReady }) => {
          whenIntellisenseReady().then(
            () => {
              if (disposed) return;
              setIntellisense('ready');
              document.documentElement.dataset.labIntellisense = 'ready';
              performance.mark('lab:intellisense-ready');
            },
            (error: unknown) => {
              console.error('Kusto IntelliSense could not start; the editor still works without it.', error);
              if (!disposed) setIntellisense('failed');
            },
          );
          return monaco;
        })
        .then((monaco) => {
          if (disposed || !containerRef.current) return;
          monacoRef.current = monaco;
          const editor = monaco.editor.create(containerRef.current, {
            model: null,
            ariaLabel: label,
            automaticLayout: true,
            minimap: { enabled: false },
            fontSize: 14,
            lineNumbers: 'on',
            scrollBeyondLastLine: false,
            wordWrap: 'on',
            tabFocusMode: true,
            fixedOverflowWidgets: true,
            theme: 'kusto-light',
            suggest: { showStatusBar: true },
          });
          // Shift+Enter and Ctrl+Enter run, as in Kusto's own editors, even while the suggestion list is open (Monaco's
          // suggest widget binds Shift+Enter to accepting a suggestion): caught on the way down, before Monaco sees it.
          const container = containerRef.current;
          const runOnEnter = (event: KeyboardEvent) => {
            if (event.key !== 'Enter' || event.altKey || event.isComposing) return;
            if (!(event.shiftKey || event.ctrlKey || event.metaKey)) return;
            event.preventDefault();
            event.stopPropagation();
            editor.trigger('keyboard', 'hideSuggestWidget', null);
            latest.current.onRun();
          };
          container.addEventListener('keydown', runOnEnter, true);
          editor.onDidDispose(() => container.removeEventListener('keydown', runOnEnter, true));
          editorRef.current = editor;
          // The learner may be typing in the plain text box: the editor takes over its text, cursor and focus.
          const textarea = textareaRef.current;
          const typing = textarea !== null && document.activeElement === textarea;
          const selection = textarea ? [textarea.selectionStart, textarea.selectionEnd] : [0, 0];
          attachModel(latest.current.tabId, latest.current.fallbackText);
          const model = editor.getModel();
          if (typing && model) {
            const start = model.getPositionAt(selection[0] ?? 0);
            const end = model.getPositionAt(selection[1] ?? 0);
            editor.setSelection(
              new monaco.Selection(start.lineNumber, start.column, end.lineNumber, end.column),
            );
            editor.focus();
          }
          setPhase('ready');
          document.documentElement.dataset.labEditor = 'ready';
          performance.mark('lab:editor-ready');
        })
        .catch((error: unknown) => {
          console.error('The query editor could not load; the plain text box stays in use.', error);
          if (!disposed) setPhase('failed');
        });
      return () => {
        disposed = true;
        editorRef.current?.dispose();
        editorRef.current = null;
        for (const model of modelsRef.current.values()) model.dispose();
        modelsRef.current.clear();
      };
      // The editor is created once; later prop changes are applied by the effects below.
    }, [wanted]);

    function attachModel(id: string, text: string) {
      const monaco = monacoRef.current;
      const editor = editorRef.current;
      if (!monaco || !editor) return;
      let model = modelsRef.current.get(id);
      if (!model) {
        model = monaco.editor.createModel(text, 'kusto');
        const modelForTab = model;
        model.onDidChangeContent(() => {
          monaco.editor.setModelMarkers(modelForTab, ENGINE_MARKER_OWNER, []);
          latest.current.onChange(id, modelForTab.getValue());
        });
        modelsRef.current.set(id, model);
      }
      editor.setModel(model);
    }

    useEffect(() => {
      if (phase === 'ready') attachModel(tabId, initialText);
      // A tab's text is read when its model is first made; after that the model is the source of truth.
    }, [tabId, phase]);

    useEffect(() => {
      // Text that changed outside this editor (another page of the lab edited the tab later) replaces the model's, as
      // an undoable edit. The learner's own typing arrives here equal to the model's text and changes nothing.
      const model = modelsRef.current.get(tabId);
      if (phase !== 'ready' || !model || model.getValue() === initialText) return;
      model.pushEditOperations([], [{ range: model.getFullModelRange(), text: initialText }], () => null);
    }, [initialText, tabId, phase]);

    useEffect(() => {
      const monaco = monacoRef.current;
      const model = modelsRef.current.get(tabId);
      if (!monaco || !model || phase !== 'ready') return;
      monaco.editor.setModelMarkers(
        model,
        ENGINE_MARKER_OWNER,
        markers.map((marker) => {
          const start = model.getPositionAt(marker.start);
          const end = model.getPositionAt(marker.start + Math.max(1, marker.length));
          return {
            startLineNumber: start.lineNumber,
            startColumn: start.column,
            endLineNumber: end.lineNumber,
            endColumn: end.column,
            message: marker.message,
            code: marker.code,
            severity:
              marker.severity === 'error' ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
            source: 'KQL engine',
          };
        }),
      );
    }, [markers, tabId, phase]);

    useImperativeHandle(ref, () => ({
      insertText(text: string) {
        const editor = editorRef.current;
        if (editor) {
          const selection = editor.getSelection();
          if (selection)
            editor.executeEdits('schema-tree', [{ range: selection, text, forceMoveMarkers: true }]);
          editor.focus();
          return;
        }
        const textarea = textareaRef.current;
        if (!textarea) return;
        textarea.setRangeText(text, textarea.selectionStart, textarea.selectionEnd, 'end');
        latest.current.onChange(latest.current.tabId, textarea.value);
        textarea.focus();
      },
      focus() {
        if (editorRef.current) editorRef.current.focus();
        else textareaRef.current?.focus();
      },
      replaceRange(start: number, length: number, text: string) {
        const editor = editorRef.current;
        const model = editor?.getModel();
        const monaco = monacoRef.current;
        if (editor && model && monaco) {
          const from = model.getPositionAt(start);
          const to = model.getPositionAt(start + length);
          const range = new monaco.Range(from.lineNumber, from.column, to.lineNumber, to.column);
          editor.executeEdits('query-fix', [{ range, text, forceMoveMarkers: true }]);
          editor.focus();
          return;
        }
        const current = latest.current.fallbackText;
        const next = current.slice(0, start) + text + current.slice(start + length);
        latest.current.fallbackText = next;
        latest.current.onChange(latest.current.tabId, next);
      },
      textToRun() {
        const editor = editorRef.current;
        const model = editor?.getModel();
        if (editor && model) {
          const selection = editor.getSelection();
          if (selection && !selection.isEmpty()) {
            return {
              text: model.getValueInRange(selection),
              offset: model.getOffsetAt(selection.getStartPosition()),
            };
          }
          return { text: model.getValue(), offset: 0 };
        }
        return { text: latest.current.fallbackText, offset: 0 };
      },
    }));

    const want = wanted ? undefined : () => setWanted(true);
    return (
      <div
        ref={rootRef}
        className="kql-editor"
        data-phase={phase}
        onPointerEnter={want}
        onPointerDown={want}
        onFocus={want}
      >
        <div ref={containerRef} className="kql-editor__monaco" hidden={phase !== 'ready'} />
        {phase !== 'ready' && (
          <textarea
            ref={textareaRef}
            className="kql-editor__fallback"
            aria-label={label}
            spellCheck={false}
            value={fallbackText}
            onChange={(event) => onChange(tabId, event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.shiftKey || event.ctrlKey || event.metaKey)) {
                event.preventDefault();
                onRun();
              }
            }}
          />
        )}
        <p className="kql-editor__status" role="status">
          {phase === 'waiting'
            ? 'Shift+Enter runs the query. The editor with IntelliSense loads when you point at or focus this box.'
            : phase === 'loading'
              ? 'Loading the editor with IntelliSense…'
              : phase === 'failed'
                ? 'The editor with IntelliSense could not load; this plain text box runs queries all the same.'
                : `Shift+Enter runs the query. ${
                    intellisense === 'ready'
                      ? 'Ctrl+Space suggests tables, columns and functions.'
                      : intellisense === 'failed'
                        ? 'IntelliSense could not start; queries still run.'
                        : 'IntelliSense is starting…'
                  } Tab moves focus out of the editor (Ctrl+M lets Tab indent).`}
        </p>
      </div>
    );
  }),
);
