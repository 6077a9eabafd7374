/**
 * The evidence that opens a case, as Defender for Cloud and Sentinel show it, read from the generated
 * SecurityAlert and SecurityIncident rows by queries (never typed into the brief): the first alert of the case's
 * opening type once the attack began, the incident Sentinel made of it, and the alerts of that incident.
 */
import type { WireValue } from '../kql/types';

/** A KQL string literal holding `value` exactly. */
export function kqlString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
}

/** The opening alert's id: the first of its type from the attack's start, or the first of all when none is later. */
export function openingAlertQuery(alertType: string, attackStart?: string): string {
  const since = attackStart ? ` and StartTime >= datetime(${attackStart})` : '';
  return [
    'SecurityAlert',
    `| where AlertType == ${kqlString(alertType)}`,
    `| extend FromAttack = iff(isnotempty(StartTime)${since}, 0, 1)`,
    '| sort by FromAttack asc, StartTime asc',
    '| take 1',
    '| project SystemAlertId',
  ].join('\n');
}

export function incidentQuery(alertId: string): string {
  return [
    'SecurityIncident',
    `| where set_has_element(AlertIds, ${kqlString(alertId)})`,
    '| summarize arg_max(TimeGenerated, *) by IncidentNumber',
    '| project IncidentNumber, Title, Severity, Status, CreatedTime, Owner = tostring(Owner.assignedTo), AlertIds',
  ].join('\n');
}

export function alertsQuery(alertIds: readonly string[]): string {
  return [
    'SecurityAlert',
    `| where SystemAlertId in (${alertIds.map(kqlString).join(', ')})`,
    '| summarize arg_max(TimeGenerated, *) by SystemAlertId',
    '| project SystemAlertId, AlertName, AlertType, AlertSeverity, Status, StartTime, Tactics, Techniques, CompromisedEntity, Entities, Description',
    '| sort by StartTime asc',
  ].join('\n');
}

/** Every alert that fired in the dataset, one row per alert name: for the debrief's detections. */
export const DETECTIONS_QUERY = [
  'SecurityAlert',
  '| summarize arg_max(TimeGenerated, *) by SystemAlertId',
  '| summarize Count = count(), First = min(StartTime), Severity = take_any(AlertSeverity), Tactics = take_any(Tactics) by AlertName, AlertType',
  '| sort by First asc',
].join('\n');

export interface ResultLike {
  readonly columns: readonly { readonly name: string }[];
  readonly rows: readonly (readonly WireValue[])[];
}

/** Rows as records keyed by column name. */
export function records(result: ResultLike): Record<string, WireValue>[] {
  return result.rows.map((row) =>
    Object.fromEntries(result.columns.map((column, index) => [column.name, row[index] ?? null])),
  );
}

function text(value: WireValue | undefined): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export interface IncidentEvidence {
  readonly number: string;
  readonly title: string;
  readonly severity: string;
  readonly status: string;
  readonly created: string;
  readonly owner: string;
  readonly alertIds: readonly string[];
}

export interface EntityEvidence {
  readonly type: string;
  readonly value: string;
}

export interface AlertEvidence {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  readonly severity: string;
  readonly status: string;
  readonly time: string;
  readonly tactics: readonly string[];
  readonly techniques: readonly string[];
  readonly compromisedEntity: string;
  readonly entities: readonly EntityEvidence[];
  readonly description: string;
}

export function incidentOf(result: ResultLike): IncidentEvidence | undefined {
  const row = records(result)[0];
  if (!row) return undefined;
  const ids = parseJson(row.AlertIds);
  return {
    number: text(row.IncidentNumber),
    title: text(row.Title),
    severity: text(row.Severity),
    status: text(row.Status),
    created: text(row.CreatedTime),
    owner: text(row.Owner),
    alertIds: Array.isArray(ids) ? ids.map((id) => text(id as WireValue)) : [],
  };
}

function parseJson(value: WireValue | undefined): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

function list(value: WireValue | undefined): string[] {
  const parsed = parseJson(value);
  if (Array.isArray(parsed)) return parsed.map((item) => text(item as WireValue)).filter(Boolean);
  return text(value)
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '' && part !== 'Unknown');
}

type Entity = Record<string, unknown>;

/** One readable value per entity of an alert's Entities (a pod as namespace/name, a process as its command line). */
export function entitiesOf(value: WireValue | undefined): EntityEvidence[] {
  const parsed = parseJson(value);
  if (!Array.isArray(parsed)) return [];
  const byId = new Map<string, Entity>();
  for (const entity of parsed as Entity[]) if (typeof entity.$id === 'string') byId.set(entity.$id, entity);
  const resolve = (reference: unknown): Entity | undefined => {
    if (reference && typeof reference === 'object' && '$ref' in reference)
      return byId.get(String((reference as { $ref: unknown }).$ref));
    return reference && typeof reference === 'object' ? (reference as Entity) : undefined;
  };
  const field = (entity: Entity | undefined, name: string) =>
    entity && typeof entity[name] === 'string' ? (entity[name] as string) : '';
  const shown: EntityEvidence[] = [];
  for (const entity of parsed as Entity[]) {
    const type = field(entity, 'Type');
    let valueText: string;
    switch (type) {
      case 'K8s-pod': {
        const namespace = field(resolve(entity.Namespace), 'Name');
        valueText = namespace ? `${namespace}/${field(entity, 'Name')}` : field(entity, 'Name');
        break;
      }
      case 'container':
      case 'K8s-namespace':
      case 'account':
      case 'K8s-serviceaccount':
        valueText = field(entity, 'Name');
        break;
      case 'container-image':
        valueText = field(entity, 'ImageId');
        break;
      case 'host':
        valueText = field(entity, 'HostName');
        break;
      case 'process':
        valueText = field(entity, 'CommandLine');
        break;
      case 'ip':
        valueText = field(entity, 'Address');
        break;
      case 'azure-resource':
        valueText = field(entity, 'ResourceName');
        break;
      default:
        valueText = field(entity, 'Name') || field(entity, 'Address') || field(entity, 'Url');
    }
    if (type && valueText) shown.push({ type, value: valueText });
  }
  return shown;
}

export function alertsOf(result: ResultLike): AlertEvidence[] {
  return records(result).map((row) => ({
    id: text(row.SystemAlertId),
    name: text(row.AlertName),
    type: text(row.AlertType),
    severity: text(row.AlertSeverity),
    status: text(row.Status),
    time: text(row.StartTime),
    tactics: list(row.Tactics),
    techniques: list(row.Techniques),
    compromisedEntity: text(row.CompromisedEntity),
    entities: entitiesOf(row.Entities),
    description: text(row.Description),
  }));
}

export interface DetectionFired {
  readonly name: string;
  readonly type: string;
  readonly count: number;
  readonly first: string;
  readonly severity: string;
  readonly tactics: readonly string[];
}

export function detectionsOf(result: ResultLike): DetectionFired[] {
  return records(result).map((row) => ({
    name: text(row.AlertName),
    type: text(row.AlertType),
    count: Number(row.Count ?? 0),
    first: text(row.First),
    severity: text(row.Severity),
    tactics: list(row.Tactics),
  }));
}
