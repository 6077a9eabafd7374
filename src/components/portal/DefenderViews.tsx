import { useId, useState, type ReactNode } from 'react';
import type { ClusterView } from '../../portal/clusters';
import type { DatasetOption } from '../../portal/datasetChoice';
import type { DefenderOverview } from '../../portal/defenderOverview';
import { kqlString } from '../../portal/kqlSource';
import type { RecommendationGroup } from '../../portal/recommendations';
import { imageTags, type RegistryView } from '../../portal/registries';
import { filterAlerts, takeActionFor, type SecurityAlertView } from '../../portal/securityAlerts';
import { EntityList } from './EntityList';
import { Tabs } from './Tabs';
import { formatTime, severityClass } from './format';
import { labLink } from './labLink';

/** A list on the left (a table that scrolls on its own), the selected item's details on the right. */
function MasterDetail({
  label,
  caption,
  head,
  rows,
  empty,
  details,
}: {
  label: string;
  caption: string;
  head: readonly string[];
  rows: ReactNode;
  empty: boolean;
  details: ReactNode;
}) {
  return (
    <div className="portal-split">
      <div className="portal-list" role="region" aria-label={label} tabIndex={0}>
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              {head.map((title) => (
                <th key={title} scope="col">
                  {title}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{rows}</tbody>
        </table>
        {empty && <p className="portal-note">Nothing to show.</p>}
      </div>
      {details}
    </div>
  );
}

function SelectButton({
  selected,
  onSelect,
  children,
}: {
  selected: boolean;
  onSelect: () => void;
  children: ReactNode;
}) {
  return (
    <button type="button" className="portal-link-button" aria-pressed={selected} onClick={onSelect}>
      {children}
    </button>
  );
}

function DetailsPane({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="portal-details" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

export function AlertsView({
  dataset,
  overview,
  severities,
}: {
  dataset: DatasetOption;
  overview: DefenderOverview;
  severities: readonly string[];
}) {
  const [severity, setSeverity] = useState('');
  const [status, setStatus] = useState('');
  const [search, setSearch] = useState('');
  const [selectedId, setSelectedId] = useState(overview.alerts[0]?.id);
  const shown = filterAlerts(overview.alerts, { severity, status, search });
  const statuses = [...new Set(overview.alerts.map((alert) => alert.status))].sort();
  const selected = overview.alerts.find((alert) => alert.id === selectedId);
  return (
    <>
      <div className="portal-filters" role="search" aria-label="Filter alerts">
        <label>
          Search
          <input
            type="search"
            value={search}
            placeholder="Alert, resource or entity"
            onChange={(e) => setSearch(e.target.value)}
          />
        </label>
        <label>
          Severity
          <select value={severity} onChange={(e) => setSeverity(e.target.value)}>
            <option value="">All</option>
            {severities.map((value) => (
              <option key={value}>{value}</option>
            ))}
          </select>
        </label>
        <label>
          Status
          <select value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">All</option>
            {statuses.map((value) => (
              <option key={value}>{value}</option>
            ))}
          </select>
        </label>
      </div>
      <MasterDetail
        label="Security alerts"
        caption={`${shown.length} of ${overview.alerts.length} alerts`}
        head={['Alert', 'Severity', 'Status', 'Affected resource', 'Activity start']}
        empty={shown.length === 0}
        rows={shown.map((alert) => (
          <tr key={alert.id} className={alert.id === selectedId ? 'is-selected' : undefined}>
            <th scope="row">
              <SelectButton selected={alert.id === selectedId} onSelect={() => setSelectedId(alert.id)}>
                {alert.name}
              </SelectButton>
            </th>
            <td>
              <span className={severityClass(alert.severity)}>{alert.severity}</span>
            </td>
            <td>{alert.status}</td>
            <td>{alert.affectedResource}</td>
            <td>{formatTime(alert.startTime)}</td>
          </tr>
        ))}
        details={
          selected && (
            <AlertDetails key={selected.id} alert={selected} overview={overview} dataset={dataset} />
          )
        }
      />
    </>
  );
}

/** The lab query that shows an alert's rows: one per status change, oldest first. */
export function alertRowsQuery(alertId: string): string {
  return `SecurityAlert\n| where SystemAlertId == ${kqlString(alertId)}\n| project TimeGenerated, AlertName, Status, AlertSeverity, CompromisedEntity, ExtendedProperties, Entities\n| order by TimeGenerated asc`;
}

function AlertDetails({
  alert,
  overview,
  dataset,
}: {
  alert: SecurityAlertView;
  overview: DefenderOverview;
  dataset: DatasetOption;
}) {
  const [tab, setTab] = useState('details');
  const action = takeActionFor(alert, overview.recommendations);
  return (
    <DetailsPane title={alert.name}>
      <p className="portal-meta">
        <span className={severityClass(alert.severity)}>{alert.severity}</span> · {alert.status} ·{' '}
        {alert.alertType} · {formatTime(alert.startTime)}
      </p>
      <p>
        <a href={labLink(alertRowsQuery(alert.id), dataset)}>Show this alert’s rows in the KQL lab</a>
      </p>
      <Tabs
        label="Alert"
        selected={tab}
        onSelect={setTab}
        tabs={[
          {
            id: 'details',
            label: 'Alert details',
            render: () => (
              <>
                <p>{alert.description}</p>
                <dl className="portal-facts">
                  <dt>Affected resource</dt>
                  <dd>{alert.affectedResource}</dd>
                  <dt>MITRE ATT&amp;CK tactics</dt>
                  <dd>{alert.tactics.join(', ') || '—'}</dd>
                  <dt>Techniques</dt>
                  <dd>{alert.techniques.join(', ') || '—'}</dd>
                  {alert.properties.map((property) => (
                    <PropertyRow key={property.name} name={property.name} value={property.value} />
                  ))}
                </dl>
                <h3>Related entities</h3>
                <EntityList entities={alert.entities} label={`Entities of ${alert.name}`} />
              </>
            ),
          },
          {
            id: 'action',
            label: 'Take action',
            render: () => (
              <>
                <h3>Mitigate the threat</h3>
                <ol>
                  {action.mitigation.map((step) => (
                    <li key={step}>{step}</li>
                  ))}
                </ol>
                {action.mitigationSource === 'alert' && (
                  <p className="portal-note">
                    This alert type is not in the alert catalog; these are the alert’s own steps.
                  </p>
                )}
                <h3>Prevent future attacks</h3>
                {action.prevention.length === 0 ? (
                  <p>No open recommendation on {alert.affectedResource}.</p>
                ) : (
                  <ul>
                    {action.prevention.map((recommendation) => (
                      <li key={recommendation.id}>
                        <span className={severityClass(recommendation.severity)}>
                          {recommendation.severity}
                        </span>{' '}
                        {recommendation.displayName}
                        {recommendation.unhealthyItems.length > 0 && (
                          <span className="portal-meta"> · {recommendation.unhealthyItems.join(', ')}</span>
                        )}
                      </li>
                    ))}
                  </ul>
                )}
              </>
            ),
          },
        ]}
      />
    </DetailsPane>
  );
}

function PropertyRow({ name, value }: { name: string; value: string }) {
  return (
    <>
      <dt>{name}</dt>
      <dd className="portal-break">{value}</dd>
    </>
  );
}

export function RecommendationsView({ groups }: { groups: readonly RecommendationGroup[] }) {
  const [selectedKey, setSelectedKey] = useState(groups[0]?.key);
  const selected = groups.find((group) => group.key === selectedKey);
  return (
    <MasterDetail
      label="Recommendations"
      caption={`${groups.length} recommendations, ${groups.filter((group) => group.unhealthyCount > 0).length} with unhealthy resources`}
      head={['Recommendation', 'Severity', 'Unhealthy resources']}
      empty={groups.length === 0}
      rows={groups.map((group) => (
        <tr key={group.key} className={group.key === selectedKey ? 'is-selected' : undefined}>
          <th scope="row">
            <SelectButton selected={group.key === selectedKey} onSelect={() => setSelectedKey(group.key)}>
              {group.displayName}
            </SelectButton>
          </th>
          <td>
            <span className={severityClass(group.severity)}>{group.severity}</span>
          </td>
          <td>
            {group.unhealthyCount} of {group.resources.length}
          </td>
        </tr>
      ))}
      details={
        selected && (
          <DetailsPane title={selected.displayName}>
            <p>{selected.description}</p>
            <h3>Affected resources</h3>
            <ul className="portal-resources">
              {selected.resources.map((resource) => (
                <li key={resource.id}>
                  <strong>{resource.resourceName}</strong>{' '}
                  <span className="portal-meta">({resource.resourceType})</span>: {resource.state}, assessed{' '}
                  {formatTime(resource.assessedAt)}
                  {resource.unhealthyItems.length > 0 && (
                    <ul>
                      {resource.unhealthyItems.map((item) => (
                        <li key={item} className="portal-break">
                          {item}
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
            </ul>
          </DetailsPane>
        )
      }
    />
  );
}

export function RegistriesView({ registries }: { registries: readonly RegistryView[] }) {
  const [selectedId, setSelectedId] = useState(registries[0]?.id);
  const selected = registries.find((registry) => registry.id === selectedId);
  return (
    <MasterDetail
      label="Container registries"
      caption={`${registries.length} registries`}
      head={['Registry', 'Scan state', 'Vulnerable images', 'Findings']}
      empty={registries.length === 0}
      rows={registries.map((registry) => (
        <tr key={registry.id} className={registry.id === selectedId ? 'is-selected' : undefined}>
          <th scope="row">
            <SelectButton selected={registry.id === selectedId} onSelect={() => setSelectedId(registry.id)}>
              {registry.name}
            </SelectButton>
          </th>
          <td>{registry.state || 'Not assessed'}</td>
          <td>{registry.images.length}</td>
          <td>
            {registry.bySeverity.map((entry) => `${entry.count} ${entry.severity}`).join(', ') || 'None'}
          </td>
        </tr>
      ))}
      details={
        selected && (
          <DetailsPane title={`Registry ${selected.name}`}>
            {selected.recommendation && <p className="portal-meta">{selected.recommendation}</p>}
            {selected.images.map((image) => (
              <details key={image.digest} className="portal-image">
                <summary>
                  <span className="portal-break">{image.reference}</span> · {image.findings.length} findings
                </summary>
                <p className="portal-meta portal-break">
                  Tags: {imageTags(image)} · digest {image.digest} · scanned {formatTime(image.scannedAt)}
                </p>
                <ul>
                  {image.findings.map((finding) => (
                    <li key={finding.cve}>
                      <span className={severityClass(finding.severity)}>{finding.severity}</span>{' '}
                      {finding.cve}
                      {finding.cvss !== null ? ` (CVSS ${finding.cvss})` : ''}: {finding.packageName}{' '}
                      {finding.version}
                      {finding.fixedVersion ? `, fixed in ${finding.fixedVersion}` : ''}
                      <br />
                      <span className="portal-meta">{finding.remediation}</span>
                    </li>
                  ))}
                </ul>
              </details>
            ))}
            {selected.images.length === 0 && <p>No vulnerable image in the latest scans.</p>}
          </DetailsPane>
        )
      }
    />
  );
}

export function ClustersView({ clusters }: { clusters: readonly ClusterView[] }) {
  const [selectedId, setSelectedId] = useState(clusters[0]?.id);
  const selected = clusters.find((cluster) => cluster.id === selectedId);
  return (
    <MasterDetail
      label="Kubernetes clusters"
      caption={`${clusters.length} clusters`}
      head={['Cluster', 'Protection', 'Sensor', 'Open alerts', 'Unhealthy recommendations']}
      empty={clusters.length === 0}
      rows={clusters.map((cluster) => (
        <tr key={cluster.id} className={cluster.id === selectedId ? 'is-selected' : undefined}>
          <th scope="row">
            <SelectButton selected={cluster.id === selectedId} onSelect={() => setSelectedId(cluster.id)}>
              {cluster.name}
            </SelectButton>
          </th>
          <td>{cluster.protection}</td>
          <td>
            {cluster.sensorNodes.length} of {cluster.nodes.length} nodes
          </td>
          <td>{cluster.openAlerts}</td>
          <td>{cluster.unhealthyRecommendations.length}</td>
        </tr>
      ))}
      details={
        selected && (
          <DetailsPane title={`Cluster ${selected.name}`}>
            <dl className="portal-facts">
              <dt>Protection</dt>
              <dd>{selected.protection}</dd>
              <dt>Kubernetes version</dt>
              <dd>{selected.kubernetesVersion}</dd>
              <dt>Defender sensor</dt>
              <dd>
                Running on {selected.sensorNodes.length} of {selected.nodes.length} nodes at the latest
                inventory
              </dd>
              {selected.unprotectedNodes.length > 0 && (
                <>
                  <dt>Nodes without the sensor</dt>
                  <dd className="portal-break">{selected.unprotectedNodes.join(', ')}</dd>
                </>
              )}
              <dt>Last inventory</dt>
              <dd>{formatTime(selected.lastSeen)}</dd>
            </dl>
            <h3>Unhealthy recommendations</h3>
            {selected.unhealthyRecommendations.length === 0 ? (
              <p>None.</p>
            ) : (
              <ul>
                {selected.unhealthyRecommendations.map((recommendation) => (
                  <li key={recommendation.id}>
                    <span className={severityClass(recommendation.severity)}>{recommendation.severity}</span>{' '}
                    {recommendation.displayName}
                  </li>
                ))}
              </ul>
            )}
          </DetailsPane>
        )
      }
    />
  );
}
