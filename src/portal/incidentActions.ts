/**
 * What an analyst's action in the incident queue writes: Sentinel records every change to an incident as a new
 * SecurityIncident row, a copy of the latest one with the same IncidentNumber and IncidentName and the changed
 * fields, stamped with LastModifiedTime and ModifiedBy. `summarize arg_max(LastModifiedTime, *) by IncidentNumber`
 * then shows the change.
 */
import type { WireValue } from '../kql/types';
import { LEARNER } from '../../simulations/telemetry/learnerAudit';
import { kqlString, numberOr, readRecords, stringList, text, type KqlRunner } from './kqlSource';
import { latestIncidentRowQuery, type IncidentOwner } from './incidents';

/** Sentinel's classifications, each with the reasons it may be closed for (empty for Undetermined). */
export const CLOSING_CLASSIFICATIONS = [
  {
    classification: 'TruePositive',
    reason: 'SuspiciousActivity',
    label: 'True Positive - suspicious activity',
  },
  {
    classification: 'BenignPositive',
    reason: 'SuspiciousButExpected',
    label: 'Benign Positive - suspicious but expected',
  },
  {
    classification: 'FalsePositive',
    reason: 'IncorrectAlertLogic',
    label: 'False Positive - incorrect alert logic',
  },
  { classification: 'FalsePositive', reason: 'InaccurateData', label: 'False Positive - inaccurate data' },
  { classification: 'Undetermined', reason: '', label: 'Undetermined' },
] as const;

export type ClosingChoice = (typeof CLOSING_CLASSIFICATIONS)[number];

/** The learner as Sentinel's Owner field names them: the identity their kubectl calls carry in the audit log. */
export const LEARNER_OWNER: IncidentOwner = {
  objectId: LEARNER.oid,
  email: LEARNER.upn,
  assignedTo: 'Contoso Analyst',
  userPrincipalName: LEARNER.upn,
};

export type IncidentAction =
  | { kind: 'assign'; owner: IncidentOwner }
  | { kind: 'status'; status: 'New' | 'Active' }
  | { kind: 'close'; choice: ClosingChoice; comment: string };

export interface ActionContext {
  /** Virtual time of the action (ms): the dataset's now plus the time the learner has spent. */
  at: number;
  /** Who acts: Sentinel's ModifiedBy. */
  modifiedBy?: string;
}

/** Thrown when an action does not apply to the incident as it stands; the message says why. */
export class IncidentActionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IncidentActionError';
  }
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/**
 * The time the new row carries: the action's time, or just after the incident's latest change when the virtual
 * clock has not passed it (so the new row is always the latest).
 */
export function modifiedTimeAfter(latest: Record<string, WireValue>, at: number): number {
  const previous = Date.parse(text(latest.LastModifiedTime));
  return Number.isFinite(previous) && previous >= at ? previous + 1000 : at;
}

/** The SecurityIncident row an action writes, from the incident's latest row (every column of it). */
export function incidentChangeRow(
  latest: Record<string, WireValue>,
  action: IncidentAction,
  context: ActionContext,
): Record<string, WireValue> {
  const number = numberOr(latest.IncidentNumber, Number.NaN);
  if (!Number.isSafeInteger(number)) {
    throw new IncidentActionError('The incident’s latest SecurityIncident row has no IncidentNumber.');
  }
  const status = text(latest.Status);
  const time = iso(modifiedTimeAfter(latest, context.at));
  const row: Record<string, WireValue> = {
    ...latest,
    TimeGenerated: time,
    LastModifiedTime: time,
    ModifiedBy: context.modifiedBy ?? LEARNER.upn,
  };
  switch (action.kind) {
    case 'assign':
      row.Owner = { ...action.owner };
      break;
    case 'status':
      if (status === action.status) {
        throw new IncidentActionError(`Incident ${number} is already ${status}.`);
      }
      row.Status = action.status;
      // A reopened incident is no longer classified; ClosedTime keeps when it was last closed.
      row.Classification = '';
      row.ClassificationReason = '';
      row.ClassificationComment = '';
      break;
    case 'close': {
      if (status === 'Closed') throw new IncidentActionError(`Incident ${number} is already closed.`);
      row.Status = 'Closed';
      row.Classification = action.choice.classification;
      row.ClassificationReason = action.choice.reason;
      row.ClassificationComment = action.comment.trim();
      row.ClosedTime = time;
      break;
    }
  }
  return row;
}

/** Writes rows into the chosen dataset (the store's appendRows). */
export type AppendRows = (table: string, rows: Record<string, unknown>[]) => Promise<{ rows: number }>;

/**
 * The alert status an incident action brings its alerts to: Defender XDR keeps them in step, as the simulation's own
 * incidents do (an analyst taking an incident puts its alerts in progress; closing it resolves them).
 */
export function alertStatusFor(action: IncidentAction): 'InProgress' | 'Resolved' | undefined {
  if (action.kind === 'close') return 'Resolved';
  if (action.kind === 'status' && action.status === 'Active') return 'InProgress';
  return undefined;
}

/** SecurityAlert rows for alerts whose status changes: copies of their latest rows, as the simulation writes them. */
export function alertStatusRows(
  latestAlerts: readonly Record<string, WireValue>[],
  status: string,
  at: number,
): Record<string, WireValue>[] {
  const time = iso(at);
  return latestAlerts
    .filter((alert) => text(alert.Status) !== status)
    .map((alert) => ({ ...alert, TimeGenerated: time, ProcessingEndTime: time, Status: status }));
}

function latestAlertRowsQuery(alertIds: readonly string[]): string {
  return `SecurityAlert
| where SystemAlertId in (${alertIds.map(kqlString).join(', ')})
| summarize arg_max(TimeGenerated, *) by SystemAlertId`;
}

export interface AppliedAction {
  /** The new SecurityIncident row. */
  incident: Record<string, WireValue>;
  /** SecurityAlert rows written for the incident's alerts whose status followed. */
  alerts: Record<string, WireValue>[];
}

/**
 * Applies an action as Sentinel does: reads the incident's latest row by KQL, writes the changed copy as a new
 * SecurityIncident row, then the status change of its alerts when the action brings one.
 */
export async function applyIncidentAction(
  run: KqlRunner,
  append: AppendRows,
  incidentNumber: number,
  action: IncidentAction,
  context: ActionContext,
): Promise<AppliedAction> {
  const [latest] = await readRecords(run, 'incident', latestIncidentRowQuery(incidentNumber));
  if (!latest) throw new IncidentActionError(`There is no incident ${incidentNumber} in this dataset.`);
  const incident = incidentChangeRow(latest, action, context);
  await append('SecurityIncident', [incident]);
  const status = alertStatusFor(action);
  const alertIds = stringList(incident.AlertIds);
  if (!status || alertIds.length === 0) return { incident, alerts: [] };
  const latestAlerts = await readRecords(run, 'incident’s alerts', latestAlertRowsQuery(alertIds));
  const alerts = alertStatusRows(latestAlerts, status, Date.parse(text(incident.LastModifiedTime)));
  if (alerts.length > 0) await append('SecurityAlert', alerts);
  return { incident, alerts };
}
