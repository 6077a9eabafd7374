import type { WireValue } from '../../../kql/types';

interface Props {
  readonly value: WireValue;
  /** Shown before the value (a key or an index); the root has none. */
  readonly name?: string;
  /** Levels open at first: the top of a property bag is visible, deep nesting waits for a click. */
  readonly openDepth?: number;
}

function summary(value: object): string {
  return Array.isArray(value) ? `[${value.length}]` : `{${Object.keys(value).length}}`;
}

/**
 * A dynamic value as a tree: objects and arrays are native disclosure widgets (keyboard and screen readers know them),
 * scalars are text. Values are text nodes only: a JSON string can never become markup.
 */
export function JsonTree({ value, name, openDepth = 1 }: Props) {
  const label = name === undefined ? null : <span className="json-tree__key">{name}: </span>;
  if (value === null || typeof value !== 'object') {
    return (
      <div className="json-tree__leaf">
        {label}
        <span className={`json-tree__value json-tree__value--${value === null ? 'null' : typeof value}`}>
          {JSON.stringify(value)}
        </span>
      </div>
    );
  }
  const entries: [string, WireValue][] = Array.isArray(value)
    ? value.map((item, index) => [String(index), item as WireValue])
    : Object.entries(value as Record<string, WireValue>);
  return (
    <details className="json-tree__node" open={openDepth > 0}>
      <summary>
        {label}
        <span className="json-tree__summary">{summary(value)}</span>
      </summary>
      <div className="json-tree__children">
        {entries.map(([key, item]) => (
          <JsonTree key={key} name={key} value={item} openDepth={openDepth - 1} />
        ))}
      </div>
    </details>
  );
}
