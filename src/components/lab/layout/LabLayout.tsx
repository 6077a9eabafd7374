import { useRef, type ReactNode } from 'react';
import { Group, Panel, Separator, useDefaultLayout, type LayoutStorage } from 'react-resizable-panels';
import { PaneTabs, type Pane } from './PaneTabs';
import { useNarrowContainer } from './useNarrowContainer';

interface Props {
  /** Separate remembered sizes for the lab page and for labs embedded in other pages. */
  readonly layoutId: string;
  /** Dataset, tables, history: a column beside the editor when there is room, tabs under it when not. */
  readonly sidePanes: readonly Pane[];
  readonly editor: ReactNode;
  readonly results: ReactNode;
  /** The narrow layout's visible pane ("results" or a side pane's id). */
  readonly narrowPane: string;
  readonly onNarrowPaneChange: (id: string) => void;
  readonly className: string;
}

/** Below this width (of the lab, not the viewport) the panels go behind tabs under the editor. */
const NARROW_PX = 760;

/** Where sizes go when there is no localStorage (the server render, storage blocked by privacy settings). */
const FORGETFUL_STORAGE: LayoutStorage = { getItem: () => null, setItem: () => undefined };

/** Layout sizes are UI preferences, not learner data: localStorage, read synchronously so panes do not jump. */
function layoutStorage(): LayoutStorage {
  try {
    return typeof window === 'undefined' ? FORGETFUL_STORAGE : window.localStorage;
  } catch {
    return FORGETFUL_STORAGE;
  }
}

function useRememberedLayout(id: string, panelIds: string[]) {
  return useDefaultLayout({ id, panelIds, onlySaveAfterUserInteractions: true, storage: layoutStorage() });
}

/**
 * The lab as Azure Data Explorer lays it out: a side column (schema, dataset, history) beside the editor over the
 * results, every boundary a separator that the pointer or the arrow keys move, sizes remembered per layout. The lab
 * fills the box it is given, and nothing inside it can widen the page: wide results scroll inside their pane.
 */
export function LabLayout({
  layoutId,
  sidePanes,
  editor,
  results,
  narrowPane,
  onNarrowPaneChange,
  className,
}: Props) {
  const rootRef = useRef<HTMLDivElement>(null);
  const narrow = useNarrowContainer(rootRef, NARROW_PX);
  const columns = useRememberedLayout(`${layoutId}:columns`, ['side', 'work']);
  const rows = useRememberedLayout(`${layoutId}:rows`, ['editor', 'results']);
  const narrowRows = useRememberedLayout(`${layoutId}:narrow-rows`, ['editor', 'panes']);

  const editorAndResults = (
    <Group
      orientation="vertical"
      className="lab__rows"
      defaultLayout={rows.defaultLayout}
      onLayoutChanged={rows.onLayoutChanged}
    >
      <Panel id="editor" defaultSize="42%" minSize="7rem" className="lab__pane lab__pane--editor">
        {editor}
      </Panel>
      <Separator
        className="lab__separator lab__separator--rows"
        aria-label="Resize the editor and the results"
      />
      <Panel id="results" minSize="6rem" className="lab__pane lab__pane--results">
        {results}
      </Panel>
    </Group>
  );

  return (
    <div
      ref={rootRef}
      className={`${className}${narrow ? ' lab--narrow' : ''}`}
      // Until measured, the lab is laid out wide but not shown: on a phone the narrow layout replaces it, and showing
      // the wide one first moved the whole page when it did (a layout shift Lighthouse counted).
      data-layout={narrow === undefined ? 'unmeasured' : narrow ? 'narrow' : 'wide'}
    >
      {narrow ? (
        <Group
          orientation="vertical"
          className="lab__rows"
          defaultLayout={narrowRows.defaultLayout}
          onLayoutChanged={narrowRows.onLayoutChanged}
        >
          <Panel id="editor" defaultSize="40%" minSize="8rem" className="lab__pane lab__pane--editor">
            {editor}
          </Panel>
          <Separator
            className="lab__separator lab__separator--rows"
            aria-label="Resize the editor and the panels"
          />
          <Panel id="panes" minSize="8rem" className="lab__pane lab__pane--tabs">
            <PaneTabs
              label="Lab panels"
              activeId={narrowPane}
              onSelect={onNarrowPaneChange}
              panes={[{ id: 'results', label: 'Results', content: results }, ...sidePanes]}
            />
          </Panel>
        </Group>
      ) : (
        <Group
          orientation="horizontal"
          className="lab__columns"
          defaultLayout={columns.defaultLayout}
          onLayoutChanged={columns.onLayoutChanged}
        >
          <Panel
            id="side"
            defaultSize="22%"
            minSize="11rem"
            maxSize="50%"
            className="lab__pane lab__pane--side"
          >
            {sidePanes.map((pane) => (
              <div key={pane.id} className="lab__side-section">
                {pane.content}
              </div>
            ))}
          </Panel>
          <Separator
            className="lab__separator lab__separator--columns"
            aria-label="Resize the side panel and the editor"
          />
          <Panel id="work" minSize="18rem" className="lab__pane lab__pane--work">
            {editorAndResults}
          </Panel>
        </Group>
      )}
    </div>
  );
}
