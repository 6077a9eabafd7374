import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { datasetLabel, virtualActionTime } from '../../portal/datasetChoice';
import { applyIncidentAction, LEARNER_OWNER, type IncidentAction } from '../../portal/incidentActions';
import {
  filterIncidents,
  INCIDENT_STATUSES,
  NO_FILTERS,
  ownerChoices,
  ownerLabel,
  queueSummary,
  readIncidentQueue,
  SEVERITIES,
  UNASSIGNED,
  type IncidentFilters,
  type IncidentOwner,
  type IncidentView,
} from '../../portal/incidents';
import { PortalBar } from './DatasetPicker';
import { IncidentDetails } from './IncidentDetails';
import { errorText, formatTime, severityClass } from './format';
import { storeAppender, storeRunner } from './portalData';
import { usePortalDataset } from './usePortalDataset';
import './portal.css';

/** The owners an incident can be given: unassigned, the learner, and everyone who owns an incident already. */
function ownerOptions(incidents: readonly IncidentView[]): IncidentOwner[] {
  const owners = new Map<string, IncidentOwner>([
    ['Unassigned', UNASSIGNED],
    [ownerLabel(LEARNER_OWNER), LEARNER_OWNER],
  ]);
  for (const incident of incidents) owners.set(incident.ownerLabel, incident.owner);
  return [...owners.values()];
}

/** Sentinel's incident queue over the chosen dataset: filters, the list and the selected incident's details. */
export default function IncidentQueue() {
  const dataset = usePortalDataset();
  const current = dataset.current;
  const [incidents, setIncidents] = useState<IncidentView[] | undefined>();
  const [error, setError] = useState('');
  const [filters, setFilters] = useState<IncidentFilters>(NO_FILTERS);
  const [selected, setSelected] = useState<number | undefined>();
  const [notice, setNotice] = useState('');
  const openedAt = useRef(Date.now());

  const run = useMemo(() => (current ? storeRunner(current.id) : undefined), [current]);

  const reload = useCallback(async () => {
    if (!run) return;
    setError('');
    try {
      const queue = await readIncidentQueue(run);
      setIncidents(queue);
      setSelected((previous) => previous ?? queue[0]?.number);
    } catch (failure) {
      setError(errorText(failure));
    }
  }, [run]);

  useEffect(() => {
    setIncidents(undefined);
    setSelected(undefined);
    setNotice('');
    void reload();
  }, [reload]);

  const act = useCallback(
    async (incident: IncidentView, action: IncidentAction, done: string) => {
      if (!run || !current) return;
      const at = virtualActionTime(current.virtualNow ?? Date.now(), openedAt.current, Date.now());
      const applied = await applyIncidentAction(run, storeAppender(current.id), incident.number, action, {
        at,
      });
      const written = formatTime(String(applied.incident.LastModifiedTime));
      const alerts =
        applied.alerts.length === 0
          ? ''
          : ` ${applied.alerts.length === 1 ? 'Its alert is' : `Its ${applied.alerts.length} alerts are`} now ${String(applied.alerts[0]!.Status)}.`;
      setNotice(`${done} A new SecurityIncident row was written at ${written}.${alerts}`);
      await reload();
    },
    [run, current, reload],
  );

  const shown = incidents ? filterIncidents(incidents, filters) : [];
  const summary = incidents ? queueSummary(incidents) : undefined;
  const chosen = incidents?.find((incident) => incident.number === selected);
  const setFilter = (key: keyof IncidentFilters) => (value: string) =>
    setFilters((previous) => ({ ...previous, [key]: value }));

  return (
    <div className="portal">
      <PortalBar state={dataset} onRefresh={() => void reload()} error={error} />
      {current && !incidents && !error && (
        <p className="portal-note">Reading the incidents of {datasetLabel(current)}…</p>
      )}
      {summary && (
        <ul className="portal-summary" aria-label="Incident summary">
          <li>
            <strong>{summary.open}</strong> open incidents
          </li>
          <li>
            <strong>{summary.new}</strong> new
          </li>
          <li>
            <strong>{summary.active}</strong> active
          </li>
          {summary.bySeverity.map((entry) => (
            <li key={entry.severity}>
              <strong>{entry.count}</strong> {entry.severity}
            </li>
          ))}
        </ul>
      )}
      {incidents && (
        <>
          <div className="portal-filters" role="search" aria-label="Filter incidents">
            <label>
              Search
              <input
                type="search"
                value={filters.search}
                placeholder="ID, title or owner"
                onChange={(event) => setFilter('search')(event.target.value)}
              />
            </label>
            <FilterSelect
              label="Severity"
              value={filters.severity}
              options={SEVERITIES}
              onChange={setFilter('severity')}
            />
            <FilterSelect
              label="Status"
              value={filters.status}
              options={INCIDENT_STATUSES}
              onChange={setFilter('status')}
            />
            <FilterSelect
              label="Owner"
              value={filters.owner}
              options={ownerChoices(incidents)}
              onChange={setFilter('owner')}
            />
          </div>
          <div className="portal-split">
            <div className="portal-list" role="region" aria-label="Incidents" tabIndex={0}>
              <table>
                <caption>
                  {shown.length} of {incidents.length} incidents
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Incident</th>
                    <th scope="col">Severity</th>
                    <th scope="col">Status</th>
                    <th scope="col">Owner</th>
                    <th scope="col">Alerts</th>
                    <th scope="col">Last update</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((incident) => (
                    <tr
                      key={incident.number}
                      className={incident.number === selected ? 'is-selected' : undefined}
                    >
                      <th scope="row">
                        <button
                          type="button"
                          className="portal-link-button"
                          aria-pressed={incident.number === selected}
                          onClick={() => {
                            setSelected(incident.number);
                            setNotice('');
                          }}
                        >
                          {incident.number} · {incident.title}
                        </button>
                      </th>
                      <td>
                        <span className={severityClass(incident.severity)}>{incident.severity}</span>
                      </td>
                      <td>{incident.status}</td>
                      <td>{incident.ownerLabel}</td>
                      <td>{incident.alertIds.length}</td>
                      <td>{formatTime(incident.lastModifiedTime)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {shown.length === 0 && <p className="portal-note">No incident matches these filters.</p>}
            </div>
            {chosen && run && current && (
              <IncidentDetails
                key={chosen.number}
                incident={chosen}
                run={run}
                dataset={current}
                owners={ownerOptions(incidents)}
                notice={notice}
                onAction={act}
              />
            )}
          </div>
        </>
      )}
    </div>
  );
}

function FilterSelect({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string;
  options: readonly string[];
  onChange: (value: string) => void;
}) {
  return (
    <label>
      {label}
      <select value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">All</option>
        {options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
    </label>
  );
}
