/** Helpers for the engine's tests: run a query and get wire rows, or the error. */
import { createKqlEngine, type KqlEngine } from '../engine';
import type { QueryError, QueryOptions, TableSchema, WireValue } from '../types';

export const TEST_TABLES: readonly TableSchema[] = [
  {
    name: 'Events',
    columns: [
      { name: 'TimeGenerated', type: 'datetime' },
      { name: 'User', type: 'string' },
      { name: 'Action', type: 'string' },
      { name: 'Bytes', type: 'long' },
      { name: 'Props', type: 'dynamic' },
    ],
  },
  {
    name: 'Users',
    columns: [
      { name: 'User', type: 'string' },
      { name: 'Dept', type: 'string' },
    ],
  },
];

export function testEngine(): KqlEngine {
  const engine = createKqlEngine({ tables: TEST_TABLES });
  engine.loadTable('Events', [
    {
      TimeGenerated: '2024-01-01T00:10:00Z',
      User: 'alice',
      Action: 'Login failed',
      Bytes: 100,
      Props: { ip: '10.0.0.1', ok: false },
    },
    {
      TimeGenerated: '2024-01-01T00:50:00Z',
      User: 'bob',
      Action: 'login',
      Bytes: 250,
      Props: { ip: '10.0.0.2', ok: true },
    },
    {
      TimeGenerated: '2024-01-01T01:20:00Z',
      User: 'alice',
      Action: 'FileDownload',
      Bytes: 4000,
      Props: { ip: '10.0.0.1', ok: true },
    },
    { TimeGenerated: '2024-01-01T02:05:00Z', User: 'carol', Action: 'logout', Bytes: null, Props: null },
  ]);
  engine.loadTable('Users', [
    { User: 'alice', Dept: 'IT' },
    { User: 'alice', Dept: 'Security' },
    { User: 'bob', Dept: 'HR' },
    { User: 'dave', Dept: 'Sales' },
  ]);
  return engine;
}

export interface Table {
  columns: string[];
  types: string[];
  rows: WireValue[][];
}

export function run(engine: KqlEngine, query: string, options: QueryOptions = {}): Table {
  const outcome = engine.query(query, options);
  if (!outcome.ok)
    throw new Error(`${outcome.code} at ${outcome.line}:${outcome.column}: ${outcome.message}`);
  return {
    columns: outcome.columns.map((c) => c.name),
    types: outcome.columns.map((c) => c.type),
    rows: outcome.rows(),
  };
}

/** Every result table of a query (several statements, fork, facet, funnel_sequence), each with its name. */
export function runTables(
  engine: KqlEngine,
  query: string,
  options: QueryOptions = {},
): (Table & { name: string })[] {
  const outcome = engine.query(query, options);
  if (!outcome.ok)
    throw new Error(`${outcome.code} at ${outcome.line}:${outcome.column}: ${outcome.message}`);
  return [outcome, ...(outcome.extraTables ?? [])].map((result) => ({
    name: result.name,
    columns: result.columns.map((c) => c.name),
    types: result.columns.map((c) => c.type),
    rows: result.rows(),
  }));
}

export function runError(engine: KqlEngine, query: string, options: QueryOptions = {}): QueryError {
  const outcome = engine.query(query, options);
  if (outcome.ok) throw new Error(`expected an error from: ${query}`);
  return outcome;
}
