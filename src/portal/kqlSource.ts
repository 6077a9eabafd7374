/**
 * How the portal's view-models read data: by KQL, through whatever runs it (the store's query client in the
 * browser, the engine itself in tests), so every view is derived from the dataset's tables by the same engine the
 * learner queries in the lab.
 */
import type { QueryError, ResultColumn, WireValue } from '../kql/types';

export interface KqlTable {
  columns: readonly ResultColumn[];
  rows: readonly (readonly WireValue[])[];
}

/** Runs one query over the chosen dataset; rejects with a PortalQueryError when the query fails. */
export type KqlRunner = (text: string) => Promise<KqlTable>;

export type WireRecord = Record<string, WireValue>;

/** A view's query failed: the message says which view and what the engine answered. */
export class PortalQueryError extends Error {
  constructor(
    readonly view: string,
    readonly detail: string,
  ) {
    super(`The ${view} could not be read from the dataset: ${detail}`);
    this.name = 'PortalQueryError';
  }
}

export function describeQueryError(error: QueryError): string {
  return `${error.message} (${error.code}, line ${error.line}, column ${error.column})`;
}

/** The rows of a result as objects keyed by column name. */
export function recordsOf(table: KqlTable): WireRecord[] {
  return table.rows.map((row) => {
    const record: WireRecord = {};
    table.columns.forEach((column, index) => {
      record[column.name] = row[index] ?? null;
    });
    return record;
  });
}

/** Runs a view's query and names the view when it fails. */
export async function readRecords(run: KqlRunner, view: string, text: string): Promise<WireRecord[]> {
  try {
    return recordsOf(await run(text));
  } catch (error) {
    if (error instanceof PortalQueryError) throw error;
    throw new PortalQueryError(view, error instanceof Error ? error.message : String(error));
  }
}

export function text(value: WireValue | undefined): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function numberOr(value: WireValue | undefined, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

/** A dynamic cell: a JSON value, or the JSON text some producers store in a string column (Entities). */
export function dynamicValue(value: WireValue | undefined): WireValue {
  if (typeof value !== 'string') return value ?? null;
  const trimmed = value.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return value;
  try {
    return JSON.parse(trimmed) as WireValue;
  } catch {
    return value;
  }
}

export function stringList(value: WireValue | undefined): string[] {
  const parsed = dynamicValue(value);
  return Array.isArray(parsed) ? parsed.map((item) => text(item)).filter((item) => item !== '') : [];
}

export function objectOf(value: WireValue | undefined): Record<string, WireValue> {
  const parsed = dynamicValue(value);
  return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? parsed : {};
}

/** A string literal for KQL text built from data (an incident number is a number; names and ids are quoted). */
export function kqlString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}
