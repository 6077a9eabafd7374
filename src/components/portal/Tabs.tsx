import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { tabKeyTarget } from '../tabKeys';

export interface TabSpec {
  id: string;
  label: string;
  render: () => ReactNode;
}

/** WAI-ARIA tabs: one tab stop, arrow keys (and Home/End) move between tabs, the panel follows. */
export function Tabs({
  label,
  tabs,
  selected,
  onSelect,
}: {
  label: string;
  tabs: readonly TabSpec[];
  selected: string;
  onSelect: (id: string) => void;
}) {
  const base = useId();
  const buttons = useRef<Record<string, HTMLButtonElement | null>>({});
  const current = tabs.find((tab) => tab.id === selected) ?? tabs[0]!;

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const index = tabs.findIndex((tab) => tab.id === current.id);
    const next = tabKeyTarget(event.key, index, tabs.length);
    if (next === undefined) return;
    event.preventDefault();
    const tab = tabs[next]!;
    onSelect(tab.id);
    buttons.current[tab.id]?.focus();
  }

  return (
    <div className="portal-tabs">
      <div role="tablist" aria-label={label} onKeyDown={onKeyDown} className="portal-tablist">
        {tabs.map((tab) => (
          <button
            key={tab.id}
            ref={(element) => {
              buttons.current[tab.id] = element;
            }}
            type="button"
            role="tab"
            id={`${base}-tab-${tab.id}`}
            aria-selected={tab.id === current.id}
            aria-controls={tab.id === current.id ? `${base}-panel-${tab.id}` : undefined}
            tabIndex={tab.id === current.id ? 0 : -1}
            onClick={() => onSelect(tab.id)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`${base}-panel-${current.id}`}
        aria-labelledby={`${base}-tab-${current.id}`}
        className="portal-tabpanel"
      >
        {current.render()}
      </div>
    </div>
  );
}
