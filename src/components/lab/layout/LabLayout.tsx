import { useRef, type ReactNode } from 'react';
import { Group, Panel, Separator, useDefaultLayout, type LayoutStorage } from 'react-resizable-panels';
import { FIRST_PAINT_SIZES_SCRIPT } from './firstPaintSizes';
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

/**
 * Below this width (of the lab, not the viewport) the panels go behind tabs under the editor. lab.css decides the
 * first paint with the same figure in a container query (`@container lab (width < 760px)`): change both together.
 */
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

const WIDE_COLUMNS = ['side', 'work'];
const NARROW_COLUMNS = ['work'];
const ROWS = ['editor', 'results'];

/**
 * The lab as Azure Data Explorer lays it out: a side column (schema, dataset, history) beside the editor over the
 * results, every boundary a separator that the pointer or the arrow keys move, sizes remembered per layout. The lab
 * fills the box it is given, and nothing inside it can widen the page: wide results scroll inside their pane.
 *
 * One tree serves both layouts, so that measuring the lab never remounts the editor or the results: a narrow lab
 * drops the side column and shows the side panes as tabs beside the results. Before it is measured (the server's
 * render, until hydration), the lab holds the side column and the tab list both, and lab.css shows the one that
 * fits the container: the lab is visible and laid out from the first paint, and the measurement changes nothing
 * on screen.
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
  const withSideColumn = narrow !== true;
  const withTabs = narrow !== false;
  const columns = useDefaultLayout({
    id: `${layoutId}:columns`,
    panelIds: withSideColumn ? WIDE_COLUMNS : NARROW_COLUMNS,
    onlySaveAfterUserInteractions: true,
    storage: layoutStorage(),
  });
  const rows = useDefaultLayout({
    id: `${layoutId}:rows`,
    panelIds: ROWS,
    onlySaveAfterUserInteractions: true,
    storage: layoutStorage(),
  });
  // Unmeasured, the tabs have no content behind them: the side column holds it, and the tabs are only drawn.
  const tabbedPanes: readonly Pane[] = [
    { id: 'results', label: 'Results', content: results },
    ...(narrow === true ? sidePanes : withTabs ? sidePanes.map((pane) => ({ ...pane, content: null })) : []),
  ];

  return (
    <div
      ref={rootRef}
      className={`${className}${narrow ? ' lab--narrow' : ''}`}
      data-layout={narrow === undefined ? 'unmeasured' : narrow ? 'narrow' : 'wide'}
      data-layout-id={layoutId}
    >
      <Group
        orientation="horizontal"
        className="lab__columns"
        defaultLayout={columns.defaultLayout}
        onLayoutChanged={columns.onLayoutChanged}
      >
        {withSideColumn && (
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
        )}
        {withSideColumn && (
          <Separator
            className="lab__separator lab__separator--columns"
            aria-label="Resize the side panel and the editor"
          />
        )}
        <Panel id="work" minSize="18rem" className="lab__pane lab__pane--work">
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
              aria-label={
                withSideColumn ? 'Resize the editor and the results' : 'Resize the editor and the panels'
              }
            />
            <Panel id="results" minSize="6rem" className="lab__pane lab__pane--results">
              <PaneTabs
                label="Lab panels"
                withTabs={withTabs}
                activeId={narrow === true ? narrowPane : 'results'}
                onSelect={onNarrowPaneChange}
                panes={tabbedPanes}
              />
            </Panel>
          </Group>
        </Panel>
      </Group>
      {narrow === undefined && (
        // Runs only from the server's HTML (React never runs a script it renders itself), before the first paint.
        <script dangerouslySetInnerHTML={{ __html: FIRST_PAINT_SIZES_SCRIPT }} suppressHydrationWarning />
      )}
    </div>
  );
}
