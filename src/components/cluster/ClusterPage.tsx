import { useEffect, useId, useState } from 'react';
import type { DatasetRecord } from '../../store/queryClient';
import type { LiveClusterRequest } from '../../store/clusterClient';
import ClusterConsole from './ClusterConsole';
import './cluster.css';

/** A published scenario as the live cluster needs it: the storyline it plays and how its logs are collected. */
export interface ClusterScenario {
  readonly id: string;
  readonly title: string;
  readonly storyline: string;
  readonly collection?: Exclude<LiveClusterRequest['scenario'], string>['collection'];
}

interface Props {
  readonly scenarios: readonly ClusterScenario[];
}

/** The setting that remembers the dataset chosen on the cluster page. */
const DATASET_SETTING = 'cluster.dataset';

function clusterOf(dataset: DatasetRecord, scenarios: readonly ClusterScenario[]): LiveClusterRequest {
  const scenario = scenarios.find((candidate) => candidate.id === dataset.scenario);
  return {
    scenario: scenario
      ? {
          id: scenario.id,
          storyline: scenario.storyline,
          ...(scenario.collection ? { collection: scenario.collection } : {}),
        }
      : dataset.scenario,
    seed: dataset.seed,
    days: dataset.days ?? 1,
  };
}

/** The cluster page: choose a generated dataset, then work on its live cluster. */
export default function ClusterPage({ scenarios }: Props) {
  const id = useId();
  const [datasets, setDatasets] = useState<DatasetRecord[] | undefined>();
  const [chosen, setChosen] = useState('');
  const [error, setError] = useState('');

  useEffect(() => {
    let current = true;
    Promise.all([import('../../store/queryClient'), import('../../store/learner')])
      .then(async ([{ queryClient }, learner]) => {
        const ready = (await queryClient().listDatasets()).filter((dataset) => dataset.status === 'ready');
        const remembered = await learner.getSetting(DATASET_SETTING, '');
        if (!current) return;
        setDatasets(ready);
        setChosen(ready.some((dataset) => dataset.id === remembered) ? remembered : (ready[0]?.id ?? ''));
      })
      .catch((failure: unknown) => {
        if (current)
          setError(
            `The datasets could not be listed: ${failure instanceof Error ? failure.message : String(failure)}`,
          );
      });
    return () => {
      current = false;
    };
  }, []);

  const dataset = datasets?.find((candidate) => candidate.id === chosen);
  const title = (scenarioId: string) =>
    scenarios.find((scenario) => scenario.id === scenarioId)?.title ?? scenarioId;

  return (
    <div className="cluster-page not-content">
      {error && (
        <p role="alert" className="cluster-error">
          {error}
        </p>
      )}
      {datasets === undefined && !error && <p role="status">Looking for your datasets…</p>}
      {datasets?.length === 0 && (
        <p>
          No dataset yet. Open a <a href="/scenarios/">case</a> or the <a href="/datasets/">Datasets page</a>{' '}
          to generate one; its cluster then opens here.
        </p>
      )}
      {datasets && datasets.length > 0 && (
        <p>
          <label htmlFor={`${id}-dataset`}>Dataset</label>{' '}
          <select
            id={`${id}-dataset`}
            value={chosen}
            onChange={(event) => {
              setChosen(event.target.value);
              void import('../../store/learner').then((learner) =>
                learner.setSetting(DATASET_SETTING, event.target.value),
              );
            }}
          >
            {datasets.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {title(candidate.scenario)} · seed {candidate.seed} · {candidate.days ?? 1} day(s)
              </option>
            ))}
          </select>
        </p>
      )}
      {dataset && (
        <ClusterConsole
          key={dataset.id}
          datasetId={dataset.id}
          datasetCreatedAt={dataset.createdAt}
          cluster={clusterOf(dataset, scenarios)}
          headingLevel={2}
        />
      )}
    </div>
  );
}
