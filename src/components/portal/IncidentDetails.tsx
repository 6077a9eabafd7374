import { useEffect, useId, useState } from 'react';
import type { DatasetOption } from '../../portal/datasetChoice';
import { CLOSING_CLASSIFICATIONS, type IncidentAction } from '../../portal/incidentActions';
import {
  ownerLabel,
  readIncidentDetails,
  type IncidentDetails as Details,
  type IncidentOwner,
  type IncidentView,
} from '../../portal/incidents';
import type { KqlRunner } from '../../portal/kqlSource';
import { EntityList } from './EntityList';
import { errorText, formatTime, severityClass } from './format';
import { labLink } from './labLink';

interface Props {
  incident: IncidentView;
  run: KqlRunner;
  dataset: DatasetOption;
  owners: readonly IncidentOwner[];
  notice: string;
  onAction: (incident: IncidentView, action: IncidentAction, done: string) => Promise<void>;
}

/** The query that shows an incident's history in the lab: one row per change, latest first. */
export function incidentHistoryQuery(incidentNumber: number): string {
  return `SecurityIncident\n| where IncidentNumber == ${incidentNumber}\n| project LastModifiedTime, Status, Owner, ModifiedBy, Classification, ClassificationReason, ClosedTime\n| order by LastModifiedTime desc`;
}

/** The details pane: facts, the actions an analyst takes, and the incident's alerts and entities. */
export function IncidentDetails({ incident, run, dataset, owners, notice, onAction }: Props) {
  const headingId = useId();
  const [details, setDetails] = useState<Details | undefined>();
  const [detailsError, setDetailsError] = useState('');
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState('');
  const [owner, setOwner] = useState(ownerLabel(incident.owner));
  const [status, setStatus] = useState('Active');
  const [closing, setClosing] = useState(0);
  const [comment, setComment] = useState('');

  useEffect(() => {
    let live = true;
    readIncidentDetails(run, incident).then(
      (read) => live && setDetails(read),
      (failure: unknown) => live && setDetailsError(errorText(failure)),
    );
    return () => {
      live = false;
    };
  }, [run, incident]);

  async function perform(action: IncidentAction, done: string) {
    setBusy(true);
    setActionError('');
    try {
      await onAction(incident, action, done);
    } catch (failure) {
      setActionError(errorText(failure));
    } finally {
      setBusy(false);
    }
  }

  const closed = incident.status === 'Closed';
  const labUrl = labLink(incidentHistoryQuery(incident.number), dataset);

  return (
    <section className="portal-details" aria-labelledby={headingId}>
      <h2 id={headingId}>
        Incident {incident.number}: {incident.title}
      </h2>
      <dl className="portal-facts">
        <dt>Severity</dt>
        <dd>
          <span className={severityClass(incident.severity)}>{incident.severity}</span>
        </dd>
        <dt>Status</dt>
        <dd>{incident.status}</dd>
        <dt>Owner</dt>
        <dd>{incident.ownerLabel}</dd>
        <dt>Created</dt>
        <dd>{formatTime(incident.createdTime)}</dd>
        <dt>Last update</dt>
        <dd>
          {formatTime(incident.lastModifiedTime)} by {incident.modifiedBy || '—'}
        </dd>
        {incident.tactics.length > 0 && (
          <>
            <dt>Tactics</dt>
            <dd>{incident.tactics.join(', ')}</dd>
          </>
        )}
        {closed && (
          <>
            <dt>Classification</dt>
            <dd>
              {CLOSING_CLASSIFICATIONS.find(
                (choice) =>
                  choice.classification === incident.classification &&
                  choice.reason === incident.classificationReason,
              )?.label ??
                (incident.classification || '—')}
              {incident.classificationComment ? ` (“${incident.classificationComment}”)` : ''}
            </dd>
            <dt>Closed</dt>
            <dd>{formatTime(incident.closedTime)}</dd>
          </>
        )}
      </dl>
      <p className="portal-description">{incident.description}</p>

      <div className="portal-actions">
        <form
          aria-label="Assign"
          onSubmit={(event) => {
            event.preventDefault();
            const chosen = owners.find((candidate) => ownerLabel(candidate) === owner);
            if (chosen)
              void perform(
                { kind: 'assign', owner: chosen },
                `Incident ${incident.number} assigned to ${owner}.`,
              );
          }}
        >
          <label>
            Owner
            <select value={owner} onChange={(event) => setOwner(event.target.value)} disabled={busy}>
              {owners.map((candidate) => (
                <option key={ownerLabel(candidate)} value={ownerLabel(candidate)}>
                  {ownerLabel(candidate)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" disabled={busy || owner === incident.ownerLabel}>
            Assign
          </button>
        </form>

        <form
          aria-label="Change status"
          onSubmit={(event) => {
            event.preventDefault();
            const next = status === 'New' ? 'New' : 'Active';
            void perform({ kind: 'status', status: next }, `Incident ${incident.number} is now ${next}.`);
          }}
        >
          <label>
            Status
            <select value={status} onChange={(event) => setStatus(event.target.value)} disabled={busy}>
              <option value="New">New</option>
              <option value="Active">Active</option>
            </select>
          </label>
          <button type="submit" disabled={busy || status === incident.status}>
            Change status
          </button>
        </form>

        {!closed && (
          <form
            aria-label="Close incident"
            className="portal-close"
            onSubmit={(event) => {
              event.preventDefault();
              const choice = CLOSING_CLASSIFICATIONS[closing]!;
              void perform(
                { kind: 'close', choice, comment },
                `Incident ${incident.number} closed as ${choice.label}.`,
              );
            }}
          >
            <fieldset disabled={busy}>
              <legend>Classification</legend>
              {CLOSING_CLASSIFICATIONS.map((choice, index) => (
                <label key={choice.label} className="portal-radio">
                  <input
                    type="radio"
                    name={`classification-${incident.number}`}
                    checked={closing === index}
                    onChange={() => setClosing(index)}
                  />
                  {choice.label}
                </label>
              ))}
            </fieldset>
            <label>
              Comment
              <textarea
                value={comment}
                rows={2}
                onChange={(event) => setComment(event.target.value)}
                disabled={busy}
              />
            </label>
            <button type="submit" disabled={busy}>
              Close incident
            </button>
          </form>
        )}
      </div>
      <p role="status" className="portal-status">
        {notice}
      </p>
      {actionError && <p role="alert">{actionError}</p>}
      <p>
        <a href={labUrl}>Show this incident’s rows in the KQL lab</a>
      </p>

      <h3>Alerts</h3>
      {detailsError && <p role="alert">{detailsError}</p>}
      {!details && !detailsError && <p className="portal-note">Reading the alerts…</p>}
      {details && (
        <ul className="portal-alerts">
          {details.alerts.map((alert) => (
            <li key={alert.id}>
              <span className={severityClass(alert.severity)}>{alert.severity}</span> {alert.name}{' '}
              <span className="portal-meta">
                · {alert.status} · {formatTime(alert.startTime)} · {alert.alertType}
              </span>
            </li>
          ))}
          {details.alerts.length === 0 && <li>This incident holds no alerts of this dataset.</li>}
        </ul>
      )}
      <h3>Entities</h3>
      {details && (
        <EntityList entities={details.entities} label={`Entities of incident ${incident.number}`} />
      )}
    </section>
  );
}
