/**
 * The case page's data side, over the store's query client: the case's dataset (generated in the worker on first
 * visit), answers read from reference queries, and the evidence and detections read from the alert tables.
 */
import type { WireValue } from '../../kql/types';
import { answerFromResult, type AnswerFromResult } from '../../investigations/answers';
import type { CaseDefinition } from '../../investigations/caseDefinition';
import {
  alertsOf,
  alertsQuery,
  DETECTIONS_QUERY,
  detectionsOf,
  incidentOf,
  incidentQuery,
  openingAlertQuery,
  type AlertEvidence,
  type DetectionFired,
  type IncidentEvidence,
} from '../../investigations/evidence';
import { datasetIdOf, queryClient, type DatasetRecord, type GenerateProgress } from '../../store/queryClient';

export interface QueryRows {
  readonly columns: readonly { readonly name: string; readonly type: string }[];
  readonly rows: readonly (readonly WireValue[])[];
  readonly rowCount: number;
}

/** Evidence and answers need few rows; a result is read up to this many. */
const ROW_LIMIT = 500;

export function caseDatasetId(definition: CaseDefinition, seed: number): string {
  return datasetIdOf(definition.id, seed, definition.days);
}

/** The case's dataset for this seed: the stored one when it is complete, else generated now (with progress). */
export async function ensureCaseDataset(
  definition: CaseDefinition,
  seed: number,
  onProgress: (progress: GenerateProgress) => void,
): Promise<DatasetRecord> {
  const client = queryClient();
  const stored = await client.datasetInfo(caseDatasetId(definition, seed));
  if (stored?.status === 'ready') return stored;
  return client.generate(
    {
      scenario: {
        id: definition.id,
        storyline: definition.storyline,
        ...(definition.collection !== undefined ? { collection: definition.collection } : {}),
      },
      seed,
      days: definition.days,
    },
    onProgress,
  );
}

export class CaseQueryError extends Error {}

export async function runRows(datasetId: string, query: string): Promise<QueryRows> {
  const client = queryClient();
  const outcome = await client.run(query, { datasetId, pageSize: ROW_LIMIT }).outcome;
  if (!outcome.ok) throw new CaseQueryError(`${outcome.code}: ${outcome.message}`);
  client.release(outcome.resultId);
  return { columns: outcome.columns, rows: outcome.rows, rowCount: outcome.rowCount };
}

/** The single value of a query on the case's dataset (answers and known wrong answers). */
export function valueOn(datasetId: string): (query: string) => Promise<AnswerFromResult> {
  return async (query) => {
    try {
      return answerFromResult(await runRows(datasetId, query));
    } catch (error) {
      return { ok: false, reason: error instanceof Error ? error.message : String(error) };
    }
  };
}

export interface OpeningEvidence {
  readonly incident?: IncidentEvidence;
  readonly alerts: readonly AlertEvidence[];
}

export async function loadOpeningEvidence(
  datasetId: string,
  openingAlert: string,
  attackStart: number | undefined,
): Promise<OpeningEvidence> {
  const since = attackStart === undefined ? undefined : new Date(attackStart).toISOString();
  const opening = await runRows(datasetId, openingAlertQuery(openingAlert, since));
  const alertId = opening.rows[0]?.[0];
  if (typeof alertId !== 'string') return { alerts: [] };
  const incident = incidentOf(await runRows(datasetId, incidentQuery(alertId)));
  const alertIds = incident?.alertIds.length ? incident.alertIds : [alertId];
  const alerts = alertsOf(await runRows(datasetId, alertsQuery(alertIds)));
  return incident ? { incident, alerts } : { alerts };
}

export async function loadDetections(datasetId: string): Promise<DetectionFired[]> {
  return detectionsOf(await runRows(datasetId, DETECTIONS_QUERY));
}
