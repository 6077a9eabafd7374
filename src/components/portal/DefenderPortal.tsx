import { useCallback, useEffect, useMemo, useState } from 'react';
import { datasetLabel } from '../../portal/datasetChoice';
import { readDefenderOverview, type DefenderOverview } from '../../portal/defenderOverview';
import { SEVERITIES } from '../../portal/incidents';
import { PortalBar } from './DatasetPicker';
import { AlertsView, ClustersView, RecommendationsView, RegistriesView } from './DefenderViews';
import { Tabs } from './Tabs';
import { errorText } from './format';
import { storeRunner } from './portalData';
import { usePortalDataset } from './usePortalDataset';
import './portal.css';

const VIEWS = ['alerts', 'recommendations', 'registries', 'clusters'] as const;

function initialView(): string {
  if (typeof location === 'undefined') return 'alerts';
  const wanted = new URLSearchParams(location.search).get('view');
  return wanted && (VIEWS as readonly string[]).includes(wanted) ? wanted : 'alerts';
}

/** Defender for Cloud's container views over the chosen dataset. */
export default function DefenderPortal() {
  const dataset = usePortalDataset();
  const current = dataset.current;
  const [overview, setOverview] = useState<DefenderOverview | undefined>();
  const [error, setError] = useState('');
  const [view, setView] = useState(initialView);
  const run = useMemo(() => (current ? storeRunner(current.id) : undefined), [current]);

  const reload = useCallback(async () => {
    if (!run) return;
    setError('');
    try {
      setOverview(await readDefenderOverview(run));
    } catch (failure) {
      setError(errorText(failure));
    }
  }, [run]);

  useEffect(() => {
    setOverview(undefined);
    void reload();
  }, [reload]);

  return (
    <div className="portal">
      <PortalBar state={dataset} onRefresh={() => void reload()} error={error} />
      {current && !overview && !error && (
        <p className="portal-note">Reading Defender for Cloud’s findings in {datasetLabel(current)}…</p>
      )}
      {overview && current && (
        <Tabs
          label="Defender for Cloud views"
          selected={view}
          onSelect={setView}
          tabs={[
            {
              id: 'alerts',
              label: `Security alerts (${overview.alerts.length})`,
              render: () => <AlertsView dataset={current} overview={overview} severities={SEVERITIES} />,
            },
            {
              id: 'recommendations',
              label: `Recommendations (${overview.recommendationGroups.length})`,
              render: () => <RecommendationsView groups={overview.recommendationGroups} />,
            },
            {
              id: 'registries',
              label: `Registries (${overview.registries.length})`,
              render: () => <RegistriesView registries={overview.registries} />,
            },
            {
              id: 'clusters',
              label: `Clusters (${overview.clusters.length})`,
              render: () => <ClustersView clusters={overview.clusters} />,
            },
          ]}
        />
      )}
    </div>
  );
}
