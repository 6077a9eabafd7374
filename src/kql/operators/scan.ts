/**
 * The `scan` operator, as Kusto documents it: each input record is matched against the steps from the last to the
 * first; a step matches when its condition holds either with the previous step's state (check 1: that state is
 * promoted to this step) or with its own active state (check 2: its own values are replaced; on the first step an
 * empty state starts a new sequence and a new match id). Conditions and assignments read the record's columns and
 * `step.column` values of the state they are checked against; a step with no entry yet reads the declared default
 * (null, or "" for a string, for an input column).
 */
import { unsupported } from '../errors';
import { convertTo } from '../functions/helpers';
import type { ExecuteApi, RowFunction } from '../executeApi';
import type { ColumnSchema, Expr, NamedExpr, ScanStep, Tabular } from '../plan';
import type { Column, Table } from '../table';
import type { TranslateApi } from '../translateApi';
import type { OperatorSite } from './operator';
import type { KustoType } from '../types';

type ScanPlan = Extract<Tabular, { op: 'scan' }>;

/** The name under which a step's state value of `column` is read (never a valid column name of the input). */
export function stateColumnName(step: string, column: string): string {
  return `\u0000${step}.${column}`;
}

const OUTPUT_KINDS = new Set(['all', 'last', 'none']);

export function translate(site: OperatorSite, api: TranslateApi): Tabular {
  const { node, scope } = site;
  const input = site.need();
  const span = api.span(node);
  const inputSchema = input.schema ?? [];
  let matchIdColumn: string | undefined;
  for (const parameter of api.elements(node.Parameters)) {
    const name =
      api.kind(parameter) === 'NamedParameter' ? api.text(parameter.Name).trim().toLowerCase() : '';
    if (name === 'with_match_id') matchIdColumn = api.text(parameter.Expression).trim();
    else if (!name.startsWith('hint.'))
      throw unsupported(`scan parameter '${api.text(parameter)}'`, api.span(parameter));
  }
  const declarations = node.DeclareClause
    ? api.elements(node.DeclareClause.Declarations).map((declaration) => {
        const nameAndType = declaration.NameAndType;
        const type = api.typeName(nameAndType.Type);
        const defaultNode = declaration.DefaultValue?.Value;
        const defaultValue: Expr = defaultNode
          ? api.literal(defaultNode, type, scope)
          : { kind: 'literal', type, value: type === 'string' ? '' : null };
        return { name: api.text(nameAndType.Name).trim(), type, defaultValue };
      })
    : [];
  const rowSchema: ColumnSchema[] = [
    ...inputSchema,
    ...declarations
      .filter((d) => !inputSchema.some((c) => c.name === d.name))
      .map(({ name, type }) => ({ name, type })),
  ];
  const stepNodes = api.elements(node.Steps);
  let stepScope = scope;
  for (const stepNode of stepNodes) {
    const name = api.text(stepNode.Name).trim();
    stepScope = api.withRowState(stepScope, name, stateColumnName(name, ''));
  }
  const steps: ScanStep[] = stepNodes.map((stepNode) => {
    const outputText = stepNode.ScanStepOutput
      ? api.text(stepNode.ScanStepOutput.OutputKind).trim().toLowerCase()
      : 'all';
    if (!OUTPUT_KINDS.has(outputText))
      throw unsupported(`scan step output '${outputText}'`, api.span(stepNode.ScanStepOutput));
    const assignments: NamedExpr[] = stepNode.ComputationClause
      ? api.elements(stepNode.ComputationClause.Assignments).map((assignment) => ({
          name: api
            .text(assignment.Name)
            .trim()
            .replace(/^\[\s*['"](.*)['"]\s*\]$/, '$1'),
          expr: api.scalar(assignment.Expression, stepScope, rowSchema),
        }))
      : [];
    return {
      name: api.text(stepNode.Name).trim(),
      output: outputText as ScanStep['output'],
      condition: api.scalar(stepNode.Condition, stepScope, rowSchema),
      assignments,
    };
  });
  const schema: ColumnSchema[] = matchIdColumn
    ? [...rowSchema, { name: matchIdColumn, type: 'long' }]
    : rowSchema;
  return { op: 'scan', input, matchIdColumn, declarations, steps, schema, span };
}

/** One step's state: the match id of its sequence and, per step up to it, the record that matched that step. */
interface Sequence {
  readonly matchId: number;
  readonly records: (readonly unknown[] | undefined)[];
}

interface Pending {
  readonly record: readonly unknown[];
  readonly matchId: number;
}

function columnNamesIn(expr: Expr, into: Set<string>): void {
  if (expr.kind === 'column') into.add(expr.name);
  else if (expr.kind === 'call' || expr.kind === 'aggregate')
    for (const arg of expr.args) columnNamesIn(arg, into);
}

export function execute(plan: ScanPlan, api: ExecuteApi): Table {
  const input = api.run(plan.input);
  const n = input.length;
  const outColumns: ColumnSchema[] = input.columns.map((c) => ({ name: c.name, type: c.type }));
  for (const declaration of plan.declarations)
    if (!outColumns.some((c) => c.name === declaration.name))
      outColumns.push({ name: declaration.name, type: declaration.type });
  const indexOf = new Map(outColumns.map((c, i) => [c.name, i]));
  const empty: unknown[] = outColumns.map((c) => (c.type === 'string' ? '' : null));
  for (const declaration of plan.declarations)
    empty[indexOf.get(declaration.name)!] = api.constant(declaration.defaultValue);
  // The record before assignments: the input's values, and the declared defaults.
  const baseRecord = (row: number): unknown[] => {
    const record = empty.slice();
    for (let c = 0; c < input.columns.length; c++) record[c] = input.columns[c]!.values[row];
    return record;
  };

  // Expressions run over the input's columns, the declared columns (their defaults) and the state columns they read,
  // which hold, at the current row, the values of the state being checked.
  const referenced = new Set<string>();
  for (const step of plan.steps) {
    columnNamesIn(step.condition, referenced);
    for (const assignment of step.assignments) columnNamesIn(assignment.expr, referenced);
  }
  const evalColumns: Column[] = input.columns.slice();
  for (const declaration of plan.declarations) {
    if (input.columns.some((c) => c.name === declaration.name)) continue;
    const value = empty[indexOf.get(declaration.name)!];
    evalColumns.push({
      name: declaration.name,
      type: declaration.type,
      values: new Array<unknown>(n).fill(value),
    });
  }
  const stateReads: { values: unknown[]; step: number; column: number }[] = [];
  plan.steps.forEach((step, stepIndex) => {
    outColumns.forEach((column, columnIndex) => {
      const name = stateColumnName(step.name, column.name);
      if (!referenced.has(name)) return;
      const values = new Array<unknown>(n);
      evalColumns.push({ name, type: column.type, values });
      stateReads.push({ values, step: stepIndex, column: columnIndex });
    });
  });
  const evalTable: Table = { columns: evalColumns, length: n };
  const conditions: RowFunction[] = plan.steps.map((step) => api.compile(step.condition, evalTable));
  const assignments = plan.steps.map((step) =>
    step.assignments.map((assignment) => {
      const index = indexOf.get(assignment.name);
      if (index === undefined) throw unsupported(`scan assignment to '${assignment.name}'`, plan.span);
      return {
        index,
        fn: api.compile(assignment.expr, evalTable),
        from: api.typeOf(assignment.expr),
        to: outColumns[index]!.type,
      };
    }),
  );

  const loadState = (row: number, sequence: Sequence | undefined): void => {
    for (const read of stateReads) {
      const record = sequence?.records[read.step];
      read.values[row] = record ? record[read.column] : empty[read.column];
    }
  };
  const extend = (row: number, stepIndex: number): unknown[] => {
    const record = baseRecord(row);
    const values = assignments[stepIndex]!.map((a) => convertValue(a.fn(row), a.from, a.to));
    assignments[stepIndex]!.forEach((a, i) => (record[a.index] = values[i]));
    return record;
  };

  const output: unknown[][] = [];
  const matchIds: number[] = [];
  const emit = (record: readonly unknown[], matchId: number): void => {
    output.push(record as unknown[]);
    matchIds.push(matchId);
  };
  const states: (Sequence | undefined)[] = plan.steps.map(() => undefined);
  const pending: (Pending | undefined)[] = plan.steps.map(() => undefined);
  const flush = (stepIndex: number): void => {
    const last = pending[stepIndex];
    if (last) emit(last.record, last.matchId);
    pending[stepIndex] = undefined;
  };
  const produce = (stepIndex: number, record: unknown[], matchId: number): void => {
    const mode = plan.steps[stepIndex]!.output;
    if (mode === 'all') emit(record, matchId);
    else if (mode === 'last') pending[stepIndex] = { record, matchId };
  };
  let nextMatchId = 0;

  for (let row = 0; row < n; row++) {
    if ((row & 1023) === 1023) api.check(plan.span);
    for (let k = plan.steps.length - 1; k >= 0; k--) {
      const previous = k > 0 ? states[k - 1] : undefined;
      if (previous) {
        loadState(row, previous);
        if (conditions[k]!(row) === true) {
          const record = extend(row, k);
          // The sequence leaves step k-1 and replaces whatever step k held: both series of repeated matches end.
          flush(k);
          flush(k - 1);
          states[k - 1] = undefined;
          const records = previous.records.slice(0, k);
          records[k] = record;
          states[k] = { matchId: previous.matchId, records };
          produce(k, record, previous.matchId);
          continue;
        }
      }
      const own = states[k];
      if (own || k === 0) {
        loadState(row, own);
        if (conditions[k]!(row) === true) {
          const record = extend(row, k);
          let sequence = own;
          if (!sequence) {
            sequence = { matchId: nextMatchId++, records: [] };
            states[k] = sequence;
          }
          sequence.records[k] = record;
          produce(k, record, sequence.matchId);
        }
      }
    }
  }
  for (let k = 0; k < plan.steps.length; k++) flush(k);

  const columns: Column[] = outColumns.map((column, c) => ({
    name: column.name,
    type: column.type,
    values: output.map((record) => record[c]),
  }));
  if (plan.matchIdColumn) columns.push({ name: plan.matchIdColumn, type: 'long', values: matchIds });
  return { columns, length: output.length };
}

function convertValue(value: unknown, from: KustoType, to: KustoType): unknown {
  if (value === null || value === undefined) return to === 'string' ? '' : null;
  return from === to ? value : convertTo(value, to, from);
}
