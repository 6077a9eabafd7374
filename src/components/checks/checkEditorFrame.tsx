/**
 * The page inside a query check's editor frame: the lab's KqlEditor (Monaco with Kusto IntelliSense), reporting
 * each change and each Shift+Enter to the check that embeds it. Messages from other origins are ignored.
 */
import { createRoot } from 'react-dom/client';
import { KqlEditor } from '../lab/editor/KqlEditor';
import { isCheckMessage, type EditorToCheck } from './checkEditorProtocol';

type Unsourced<T> = T extends unknown ? Omit<T, 'source'> : never;

function tell(message: Unsourced<EditorToCheck>): void {
  window.parent.postMessage({ source: 'check-editor', ...message }, location.origin);
}

let mounted = false;

window.addEventListener('message', (event) => {
  if (event.origin !== location.origin || event.source !== window.parent || !isCheckMessage(event.data))
    return;
  if (mounted) return;
  mounted = true;
  const { text, label } = event.data;
  document.title = label;
  createRoot(document.getElementById('check-editor')!).render(
    <KqlEditor
      tabId="check"
      initialText={text}
      onChange={(_tab, changed) => tell({ type: 'change', text: changed })}
      onRun={() => tell({ type: 'run' })}
      markers={[]}
      label={label}
    />,
  );
});

tell({ type: 'ready' });
