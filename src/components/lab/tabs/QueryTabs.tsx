import type { KeyboardEvent } from 'react';
import { MAX_TABS, type TabsState } from './tabsModel';

interface Props {
  readonly state: TabsState;
  readonly onSelect: (id: string) => void;
  readonly onAdd: () => void;
  readonly onClose: (id: string) => void;
}

/** Query tabs as an ARIA tab list: arrows move between tabs, Delete closes the focused tab. */
export function QueryTabs({ state, onSelect, onAdd, onClose }: Props) {
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const index = state.tabs.findIndex((tab) => tab.id === state.activeId);
    const moves: Record<string, number> = { ArrowRight: 1, ArrowLeft: -1 };
    let target: string | undefined;
    if (event.key in moves) {
      target = state.tabs[(index + moves[event.key]! + state.tabs.length) % state.tabs.length]!.id;
    } else if (event.key === 'Home') target = state.tabs[0]!.id;
    else if (event.key === 'End') target = state.tabs.at(-1)!.id;
    else if (event.key === 'Delete' && state.tabs.length > 1) {
      event.preventDefault();
      onClose(state.activeId);
      return;
    }
    if (target) {
      event.preventDefault();
      onSelect(target);
      requestAnimationFrame(() => document.getElementById(`tab-${target}`)?.focus());
    }
  }

  return (
    <div className="query-tabs">
      <div role="tablist" aria-label="Query tabs" onKeyDown={onKeyDown}>
        {state.tabs.map((tab) => {
          const selected = tab.id === state.activeId;
          return (
            <button
              key={tab.id}
              id={`tab-${tab.id}`}
              type="button"
              role="tab"
              aria-selected={selected}
              aria-controls={`panel-${tab.id}`}
              tabIndex={selected ? 0 : -1}
              onClick={() => onSelect(tab.id)}
            >
              {tab.title}
            </button>
          );
        })}
      </div>
      <button type="button" onClick={onAdd} disabled={state.tabs.length >= MAX_TABS}>
        New tab
      </button>
      <button type="button" onClick={() => onClose(state.activeId)} disabled={state.tabs.length === 1}>
        Close tab
      </button>
    </div>
  );
}
