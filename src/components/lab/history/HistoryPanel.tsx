import { memo, startTransition, useEffect, useState } from 'react';
import type { QueryHistoryRecord, SavedQueryRecord } from '../../../store/learner';

interface Props {
  /** Changes after every run or save, so the lists are read again. */
  readonly revision: number;
  readonly onOpen: (text: string, title?: string) => void;
}

type StoreModule = typeof import('../../../store/learner');

// One formatter each, made once: toLocaleString makes a new one per call, and the list shows 50 entries every render.
const RAN_AT = new Intl.DateTimeFormat('en-GB', {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});
const ROW_COUNT = new Intl.NumberFormat('en');

function firstLine(text: string): string {
  const line = text.trim().split('\n')[0] ?? '';
  return line.length > 90 ? `${line.slice(0, 90)}…` : line;
}

/**
 * Query history (kept in IndexedDB, searchable) and saved queries; activating one opens it in a new tab. Memoized: the
 * lab re-renders on every run, and the list changes only with `revision`.
 */
export const HistoryPanel = memo(function HistoryPanel({ revision, onOpen }: Props) {
  const [store, setStore] = useState<StoreModule | undefined>();
  const [term, setTerm] = useState('');
  const [history, setHistory] = useState<QueryHistoryRecord[]>([]);
  const [saved, setSaved] = useState<SavedQueryRecord[]>([]);
  const [error, setError] = useState('');

  useEffect(() => {
    import('../../../store/learner').then(setStore, (reason: unknown) =>
      setError(`The query history could not be opened: ${String(reason)}`),
    );
  }, []);

  useEffect(() => {
    if (!store) return;
    let current = true;
    const search = term.trim() ? store.searchQueryHistory(term, 50) : store.listQueryHistory(50);
    Promise.all([search, store.listSavedQueries()]).then(
      ([entries, queries]) => {
        if (!current) return;
        // After every run: drawn as a transition, so a run started meanwhile is not held up by the list.
        startTransition(() => {
          setHistory(entries);
          setSaved(queries);
          setError('');
        });
      },
      (reason: unknown) => current && setError(reason instanceof Error ? reason.message : String(reason)),
    );
    return () => {
      current = false;
    };
  }, [store, term, revision]);

  return (
    <section className="history-panel" aria-labelledby="history-heading">
      <h2 id="history-heading" className="lab__panel-title">
        History
      </h2>
      <input
        type="search"
        aria-label="Search the query history"
        placeholder="Search the query history"
        value={term}
        onChange={(event) => setTerm(event.target.value)}
      />
      {error && (
        <p role="alert" className="lab__error-text">
          {error}
        </p>
      )}
      <ul className="history-panel__list" aria-label="Queries run">
        {history.length === 0 && (
          <li className="history-panel__empty">{term ? 'No match.' : 'No query run yet.'}</li>
        )}
        {history.map((entry) => (
          <li key={entry.id}>
            <button type="button" onClick={() => onOpen(entry.text)} title={entry.text}>
              <code>{firstLine(entry.text)}</code>
              <span className="history-panel__meta">
                {RAN_AT.format(entry.ranAt)} ·{' '}
                {entry.error ? `error ${entry.error}` : `${ROW_COUNT.format(entry.rowCount ?? 0)} rows`}
              </span>
            </button>
          </li>
        ))}
      </ul>
      <h3 className="lab__panel-subtitle">Saved queries</h3>
      <ul className="history-panel__list" aria-label="Saved queries">
        {saved.length === 0 && <li className="history-panel__empty">No saved query yet.</li>}
        {saved.map((query) => (
          <li key={query.id} className="history-panel__saved">
            <button type="button" onClick={() => onOpen(query.text, query.name)} title={query.text}>
              <strong>{query.name}</strong>
              <code>{firstLine(query.text)}</code>
            </button>
            <button
              type="button"
              className="history-panel__delete"
              aria-label={`Delete saved query ${query.name}`}
              onClick={() => {
                store?.deleteSavedQuery(query.name).then(
                  () => setSaved((current) => current.filter((item) => item.name !== query.name)),
                  (reason: unknown) => setError(reason instanceof Error ? reason.message : String(reason)),
                );
              }}
            >
              Delete
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
});
