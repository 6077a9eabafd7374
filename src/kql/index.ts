/**
 * Public surface of the KQL engine. Runs unchanged in Node and in a Web Worker (no DOM, Dexie or React).
 *
 *   const engine = createKqlEngine();                       // schemas: the project's TABLE_DEFINITIONS
 *   engine.loadTable('SecurityAlert', ndjsonRows);          // wire rows
 *   engine.loadColumns('AKSAudit', rowCount, { Col: { values: Float64Array }, ... }); // fast columnar path
 *   const outcome = engine.query('SecurityAlert | take 10', { now: virtualNow });
 *   if (outcome.ok) outcome.page(0, 100); else showError(outcome.line, outcome.column, outcome.message);
 */
export type {
  ChartSpec,
  Diagnostic,
  KustoType,
  QueryError,
  QueryOptions,
  QueryOutcome,
  QueryResult,
  ResultColumn,
  TableSchema,
  WireValue,
} from './types';
export type { ColumnChunk } from './table';
export { KqlEngine, createKqlEngine, type KqlEngineOptions } from './engine';
export {
  formatDatetime,
  formatDatetimeFull,
  formatTimespan,
  fromWireValue,
  parseDatetime,
  parseTimespan,
  toWireValue,
} from './values';
