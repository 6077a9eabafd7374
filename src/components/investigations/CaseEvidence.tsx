import type { OpeningEvidence } from './caseData';

interface Props {
  readonly evidence: OpeningEvidence | undefined;
  readonly error: string;
  readonly waiting: boolean;
}

export function formatUtc(iso: string): string {
  return iso ? iso.replace('T', ' ').replace(/(\.\d+)?Z$/, ' UTC') : '';
}

/** The incident and alerts that open the case, as Sentinel and Defender for Cloud list them. */
export function CaseEvidence({ evidence, error, waiting }: Props) {
  return (
    <section className="case-evidence" aria-labelledby="case-evidence-heading">
      <h2 id="case-evidence-heading">Opening evidence</h2>
      {error && (
        <p role="alert" className="case-error">
          {error}
        </p>
      )}
      {!evidence && !error && (
        <p>{waiting ? 'The evidence appears once the case’s data is ready.' : 'Reading the alerts…'}</p>
      )}
      {evidence && (
        <>
          {evidence.incident ? (
            <article className="case-incident" aria-labelledby="case-incident-title">
              <h3 id="case-incident-title">
                Incident {evidence.incident.number}: {evidence.incident.title}
              </h3>
              <dl className="case-facts">
                <dt>Severity</dt>
                <dd>{evidence.incident.severity}</dd>
                <dt>Status</dt>
                <dd>{evidence.incident.status}</dd>
                <dt>Created</dt>
                <dd>{formatUtc(evidence.incident.created)}</dd>
                <dt>Owner</dt>
                <dd>{evidence.incident.owner || 'Unassigned'}</dd>
                <dt>Alerts</dt>
                <dd>{evidence.incident.alertIds.length}</dd>
              </dl>
            </article>
          ) : (
            <p>
              Microsoft Sentinel made no incident of this alert: its rule creates incidents only for alerts of
              severity Low or above. The alert itself opens the case.
            </p>
          )}
          {evidence.alerts.length === 0 && <p>The opening alert is not in this dataset.</p>}
          {evidence.alerts.map((alert) => (
            <article key={alert.id} className="case-alert" aria-labelledby={`alert-${alert.id}`}>
              <h3 id={`alert-${alert.id}`}>{alert.name}</h3>
              <dl className="case-facts">
                <dt>Severity</dt>
                <dd>{alert.severity}</dd>
                <dt>Status</dt>
                <dd>{alert.status}</dd>
                <dt>Activity time</dt>
                <dd>{formatUtc(alert.time)}</dd>
                <dt>MITRE ATT&amp;CK tactics</dt>
                <dd>{alert.tactics.join(', ') || 'none given'}</dd>
                {alert.techniques.length > 0 && (
                  <>
                    <dt>Techniques</dt>
                    <dd>{alert.techniques.join(', ')}</dd>
                  </>
                )}
                <dt>Affected resource</dt>
                <dd>{alert.compromisedEntity}</dd>
              </dl>
              <p>{alert.description}</p>
              {alert.entities.length > 0 && (
                <>
                  <h4>Entities</h4>
                  <ul className="case-entities">
                    {alert.entities.map((entity, index) => (
                      <li key={index}>
                        <span className="case-entity-type">{entity.type}</span> <code>{entity.value}</code>
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </article>
          ))}
        </>
      )}
    </section>
  );
}
