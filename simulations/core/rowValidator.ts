import type { ColumnDefinition, KustoColumnType, TableDefinition } from '../../src/tables/index';
import type { Row } from './sink';

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?Z$/;
const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const TIMESPAN = /^-?(\d+\.)?\d{2}:\d{2}:\d{2}(\.\d{1,7})?$/;
const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

function valueProblem(type: KustoColumnType, value: unknown): string | undefined {
  switch (type) {
    case 'string':
      return typeof value === 'string' ? undefined : 'expected a string';
    case 'int':
      return Number.isInteger(value) && (value as number) >= INT32_MIN && (value as number) <= INT32_MAX
        ? undefined
        : 'expected a 32-bit integer';
    case 'long':
      return Number.isSafeInteger(value) ? undefined : 'expected an integer';
    case 'real':
    case 'decimal':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : 'expected a finite number';
    case 'bool':
      return typeof value === 'boolean' ? undefined : 'expected true or false';
    case 'datetime':
      return typeof value === 'string' && ISO_UTC.test(value) && !Number.isNaN(Date.parse(value))
        ? undefined
        : 'expected an ISO 8601 UTC datetime ending in Z';
    case 'timespan':
      return typeof value === 'string' && TIMESPAN.test(value)
        ? undefined
        : 'expected a timespan like 00:05:00';
    case 'guid':
      return typeof value === 'string' && GUID.test(value) ? undefined : 'expected a GUID';
    case 'dynamic':
      return isJsonValue(value) ? undefined : 'expected a JSON value';
  }
}

function isJsonValue(value: unknown): boolean {
  if (value === null) return true;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value);
    case 'object':
      if (Array.isArray(value)) return value.every(isJsonValue);
      return Object.values(value as object).every(isJsonValue);
    default:
      return false;
  }
}

/**
 * Problems that make `row` invalid for `table`: keys that are not columns, and values of the wrong type.
 * A missing key or null is always allowed (the wire format's null).
 */
export function validateRow(table: TableDefinition, row: Row): string[] {
  const columns = columnIndex(table);
  const problems: string[] = [];
  for (const [key, value] of Object.entries(row)) {
    const column = columns.get(key);
    if (!column) {
      problems.push(`${table.name}: "${key}" is not a column`);
      continue;
    }
    if (value === null || value === undefined) continue;
    const problem = valueProblem(column.type, value);
    if (problem)
      problems.push(`${table.name}.${key} (${column.type}): ${problem}, got ${JSON.stringify(value)}`);
  }
  return problems;
}

const indexCache = new WeakMap<TableDefinition, Map<string, ColumnDefinition>>();

function columnIndex(table: TableDefinition): Map<string, ColumnDefinition> {
  let index = indexCache.get(table);
  if (!index) {
    index = new Map(table.columns.map((column) => [column.name, column]));
    indexCache.set(table, index);
  }
  return index;
}
