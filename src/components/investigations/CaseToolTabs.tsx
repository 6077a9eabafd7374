import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface CaseTool {
  readonly id: string;
  readonly label: string;
  readonly panel: ReactNode;
  readonly className?: string;
}

interface Props {
  readonly tools: readonly CaseTool[];
  readonly selected: string;
  readonly onSelect: (id: string) => void;
}

/**
 * The case's tools side by side as tabs (the KQL lab, the live cluster). Every panel stays mounted, hidden when not
 * chosen, so the lab keeps its query and the terminal its session while the learner switches. Arrow keys, Home and
 * End move between tabs, as the WAI-ARIA tabs pattern has it.
 */
export function CaseToolTabs({ tools, selected, onSelect }: Props) {
  const id = useId();
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);

  function onKeyDown(event: KeyboardEvent, index: number) {
    const last = tools.length - 1;
    const target =
      event.key === 'ArrowRight'
        ? (index + 1) % tools.length
        : event.key === 'ArrowLeft'
          ? (index + last) % tools.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : undefined;
    if (target === undefined) return;
    event.preventDefault();
    onSelect(tools[target]!.id);
    tabs.current[target]?.focus();
  }

  return (
    <div className="case-tools">
      <div role="tablist" aria-label="Case tools" className="case-tools__tabs">
        {tools.map((tool, index) => (
          <button
            key={tool.id}
            ref={(element) => {
              tabs.current[index] = element;
            }}
            type="button"
            role="tab"
            id={`${id}-tab-${tool.id}`}
            aria-controls={`${id}-panel-${tool.id}`}
            aria-selected={tool.id === selected}
            tabIndex={tool.id === selected ? 0 : -1}
            onClick={() => onSelect(tool.id)}
            onKeyDown={(event) => onKeyDown(event, index)}
          >
            {tool.label}
          </button>
        ))}
      </div>
      {tools.map((tool) => (
        <section
          key={tool.id}
          role="tabpanel"
          id={`${id}-panel-${tool.id}`}
          aria-labelledby={`${id}-tab-${tool.id}`}
          hidden={tool.id !== selected}
          className={tool.className}
        >
          {tool.panel}
        </section>
      ))}
    </div>
  );
}
