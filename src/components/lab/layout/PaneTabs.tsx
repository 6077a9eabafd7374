import { useState, type KeyboardEvent, type ReactNode } from 'react';
import { tabKeyTarget } from '../../tabKeys';

export interface Pane {
  readonly id: string;
  readonly label: string;
  readonly content: ReactNode;
}

interface Props {
  readonly panes: readonly Pane[];
  /** Without tabs (a wide lab) only the active pane shows, as a plain region: the side column holds the others. */
  readonly withTabs: boolean;
  readonly label: string;
  readonly activeId: string;
  readonly onSelect: (id: string) => void;
}

/**
 * Panels behind tabs for a narrow lab (a phone): the parent chooses which (a run shows the results); one shows at a
 * time. A pane mounts when first shown (not all at once, with the page's first work), then stays mounted (hidden) so
 * its state (a search, a form being filled) survives switching. Arrows, Home and End move between tabs. The same
 * element holds each pane with tabs or without, so that the lab changing layout never remounts what a pane shows.
 */
export function PaneTabs({ panes, withTabs, label, activeId, onSelect }: Props) {
  const [opened, setOpened] = useState<ReadonlySet<string>>(() => new Set([activeId]));
  if (!opened.has(activeId)) setOpened(new Set([...opened, activeId]));
  function select(id: string) {
    onSelect(id);
    requestAnimationFrame(() => document.getElementById(`lab-pane-tab-${id}`)?.focus());
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const index = panes.findIndex((pane) => pane.id === activeId);
    const target = tabKeyTarget(event.key, index, panes.length);
    if (target === undefined) return;
    event.preventDefault();
    select(panes[target]!.id);
  }

  return (
    <div className="pane-tabs">
      {withTabs && (
        <div role="tablist" aria-label={label} className="pane-tabs__list" onKeyDown={onKeyDown}>
          {panes.map((pane) => (
            <button
              key={pane.id}
              id={`lab-pane-tab-${pane.id}`}
              type="button"
              role="tab"
              aria-selected={pane.id === activeId}
              aria-controls={`lab-pane-${pane.id}`}
              tabIndex={pane.id === activeId ? 0 : -1}
              onClick={() => onSelect(pane.id)}
            >
              {pane.label}
            </button>
          ))}
        </div>
      )}
      {panes.map((pane) => (
        <div
          key={pane.id}
          id={`lab-pane-${pane.id}`}
          role={withTabs ? 'tabpanel' : undefined}
          aria-labelledby={withTabs ? `lab-pane-tab-${pane.id}` : undefined}
          className="pane-tabs__panel"
          hidden={pane.id !== activeId}
        >
          {opened.has(pane.id) && pane.content}
        </div>
      ))}
    </div>
  );
}
