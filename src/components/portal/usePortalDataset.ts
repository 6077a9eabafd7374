import { useCallback, useEffect, useState } from 'react';
import { chooseDataset, type DatasetOption } from '../../portal/datasetChoice';
import { listDatasetOptions } from './portalData';

export interface PortalDatasetState {
  datasets: DatasetOption[];
  current: DatasetOption | undefined;
  /** Set once the stored datasets are known. */
  loaded: boolean;
  error: string;
  /** The scenario the address asked for when no dataset of it is stored. */
  missingScenario: string;
  select(id: string): void;
}

/** The stored datasets and the one the page shows (from its address; a choice is written back to it). */
export function usePortalDataset(): PortalDatasetState {
  const [datasets, setDatasets] = useState<DatasetOption[]>([]);
  const [current, setCurrent] = useState<DatasetOption | undefined>();
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState('');
  const [missingScenario, setMissingScenario] = useState('');

  useEffect(() => {
    let live = true;
    listDatasetOptions().then(
      (stored) => {
        if (!live) return;
        const params = new URLSearchParams(location.search);
        setDatasets(stored.filter((dataset) => dataset.ready));
        setCurrent(
          chooseDataset(stored, { dataset: params.get('dataset'), scenario: params.get('scenario') }),
        );
        setLoaded(true);
      },
      (failure: unknown) => {
        if (!live) return;
        setError(
          `The stored datasets could not be read: ${failure instanceof Error ? failure.message : String(failure)}`,
        );
        setLoaded(true);
      },
    );
    return () => {
      live = false;
    };
  }, []);

  const select = useCallback(
    (id: string) => {
      const next = datasets.find((dataset) => dataset.id === id);
      if (!next) return;
      setCurrent(next);
      setMissingScenario('');
      const url = new URL(location.href);
      url.searchParams.delete('scenario');
      url.searchParams.set('dataset', id);
      history.replaceState(null, '', url);
    },
    [datasets],
  );

  return { datasets, current, loaded, error, missingScenario, select };
}
