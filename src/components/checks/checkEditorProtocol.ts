/**
 * Messages between a "write a query" check and its editor frame (/check-editor/, checkEditorFrame.tsx). The
 * editor lives in a page of its own so that lesson pages carry none of Monaco's code or stylesheets: Astro links
 * the CSS of every chunk a page's script could import, and Monaco's is large.
 */
export const CHECK_EDITOR_PATH = '/check-editor/';

export type EditorToCheck =
  | { source: 'check-editor'; type: 'ready' }
  | { source: 'check-editor'; type: 'change'; text: string }
  | { source: 'check-editor'; type: 'run' };

export type CheckToEditor = { source: 'query-check'; type: 'init'; text: string; label: string };

export function isEditorMessage(data: unknown): data is EditorToCheck {
  const message = data as Partial<EditorToCheck> | null;
  return typeof message === 'object' && message !== null && message.source === 'check-editor';
}

export function isCheckMessage(data: unknown): data is CheckToEditor {
  const message = data as Partial<CheckToEditor> | null;
  return (
    typeof message === 'object' &&
    message !== null &&
    message.source === 'query-check' &&
    message.type === 'init' &&
    typeof message.text === 'string'
  );
}
