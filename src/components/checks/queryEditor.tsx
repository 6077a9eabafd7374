/**
 * The lab's query editor (Monaco with Kusto IntelliSense) inside a "write a query" check. Loaded only when the
 * learner starts the check, so a lesson page carries none of the editor's weight until then.
 */
import { createRoot } from 'react-dom/client';
// A stylesheet linked when the editor mounts: Astro would drop CSS imported only by a lazily loaded chunk.
import monacoStylesheet from 'monaco-editor/min/vs/editor/editor.main.css?url';
import { KqlEditor } from '../lab/editor/KqlEditor';

export interface QueryEditorOptions {
  initialText: string;
  label: string;
  onChange(text: string): void;
  onRun(): void;
}

function linkStylesheet(href: string): void {
  if (document.querySelector(`link[rel="stylesheet"][href="${href}"]`)) return;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = href;
  document.head.append(link);
}

export function mountQueryEditor(host: HTMLElement, options: QueryEditorOptions): void {
  linkStylesheet(monacoStylesheet);
  createRoot(host).render(
    <KqlEditor
      tabId="check"
      initialText={options.initialText}
      onChange={(_tab, text) => options.onChange(text)}
      onRun={options.onRun}
      markers={[]}
      label={options.label}
    />,
  );
}
