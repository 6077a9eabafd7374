import { datasetLabel } from '../../portal/datasetChoice';
import type { PortalDatasetState } from './usePortalDataset';

/** Which stored dataset the portal shows; without one, where to make one. */
export function DatasetPicker({ state }: { state: PortalDatasetState }) {
  if (!state.loaded) return <p className="portal-note">Reading the stored datasets…</p>;
  if (state.error) return <p role="alert">{state.error}</p>;
  if (state.datasets.length === 0) {
    return (
      <p className="portal-note">
        No dataset is stored in this browser yet. Open a case (it generates its dataset) or generate one on
        the <a href="/datasets/">Datasets page</a>, then come back.
      </p>
    );
  }
  return (
    <>
      {state.missingScenario && (
        <p className="portal-note">
          No dataset of the case {state.missingScenario} is stored in this browser yet: open{' '}
          <a href={`/scenarios/${encodeURIComponent(state.missingScenario)}/`}>the case</a> to generate it, or
          choose another dataset.
        </p>
      )}
      <label className="portal-dataset">
        Dataset
        <select value={state.current?.id ?? ''} onChange={(event) => state.select(event.target.value)}>
          {!state.current && <option value="">Choose a dataset</option>}
          {state.datasets.map((dataset) => (
            <option key={dataset.id} value={dataset.id}>
              {datasetLabel(dataset)}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}

/**
 * The bar above a portal view: the dataset picker, a Refresh button once a dataset is chosen, and the view's last
 * error, if any.
 */
export function PortalBar({
  state,
  onRefresh,
  error,
}: {
  state: PortalDatasetState;
  onRefresh: () => void;
  error: string;
}) {
  return (
    <>
      <div className="portal-bar">
        <DatasetPicker state={state} />
        {state.current && (
          <button type="button" onClick={onRefresh}>
            Refresh
          </button>
        )}
      </div>
      {error && <p role="alert">{error}</p>}
    </>
  );
}
