/**
 * `T | partition [hint.*=...] by Column ( SubQuery )`: splits the input into one row set per distinct value of
 * Column, runs SubQuery over each (the partition is its implicit source) and returns the union of the results.
 * The legacy form `T | partition by Column { Query }` runs a query with its own source once per partition, where
 * `toscalar(Column)` is that partition's key. The `hint.*` options (strategy, materialized, shufflekey, concurrency,
 * spread) tune where Kusto runs the partitions and do not change the result, so they are accepted and ignored.
 * Partitions run in the order their key first appears; Kusto leaves the order of the union unspecified.
 */
import { unsupported } from '../errors';
import type { ExecuteApi } from '../executeApi';
import { acceptHintsOnly } from './hints';
import type { ColumnSchema, Expr, Tabular } from '../plan';
import type { Column, Table } from '../table';
import type { TranslateApi } from '../translateApi';
import type { OperatorSite } from './operator';
import { valueKey } from '../compare';

type PartitionPlan = Extract<Tabular, { op: 'partition' }>;

let partitionCount = 0;

export function translate(site: OperatorSite, api: TranslateApi): Tabular {
  const { node, scope, schema } = site;
  const input = site.need();
  const span = api.span(node);
  acceptHintsOnly(api, node.Parameters, 'partition');
  if (node.Scope) throw unsupported("partition's 'in' scope", api.span(node.Scope));
  const by = node.ByExpression;
  if (!by || api.kind(by) !== 'NameReference')
    throw unsupported('partition by an expression other than a column name', by ? api.span(by) : span);
  const key = api.text(by).trim();
  const keyColumn = input.schema?.find((column) => column.name === key);
  const id = ++partitionCount;
  const rowsTable = `__partition_rows_${id}`;
  const keyTable = `__partition_key_${id}`;
  const operand = node.Operand;
  const operandKind = operand ? api.kind(operand) : '';
  let subquery: Tabular;
  if (operandKind === 'PartitionSubquery') {
    const rows: Tabular = { op: 'table', name: rowsTable, schema: input.schema?.slice(), span };
    subquery = api.pipelineOver(operand.Subquery, rows, scope);
  } else if (operandKind === 'PartitionQuery') {
    // `toscalar(Column)` inside the query reads the partition's key (a one-row table set per partition).
    const keyType = keyColumn?.type ?? 'dynamic';
    const keyValue: Expr = {
      kind: 'toscalar',
      query: { op: 'table', name: keyTable, schema: [{ name: key, type: keyType }], span: api.span(by) },
      type: keyType,
    };
    subquery = api.tabular(operand.Query, api.withScalar(scope, key, keyValue));
  } else {
    throw unsupported(`partition operand '${operand ? api.text(operand).trim() : ''}'`, span);
  }
  return { op: 'partition', input, key, rowsTable, keyTable, subquery, schema, span };
}

export function execute(plan: PartitionPlan, api: ExecuteApi): Table {
  const input = api.run(plan.input);
  const keyColumn = input.columns.find((column) => column.name === plan.key);
  const groups = new Map<string, number[]>();
  for (let row = 0; row < input.length; row++) {
    const value = keyColumn ? keyColumn.values[row] : null;
    const groupKey = valueKey(value);
    let rows = groups.get(groupKey);
    if (!rows) groups.set(groupKey, (rows = []));
    rows.push(row);
  }
  const outputs: Table[] = [];
  for (const rows of groups.values()) {
    api.check(plan.span);
    const partition: Table = {
      columns: input.columns.map(({ name, type, values }) => ({
        name,
        type,
        values: rows.map((row) => values[row]),
      })),
      length: rows.length,
    };
    const key: Table = {
      columns: keyColumn
        ? [{ name: keyColumn.name, type: keyColumn.type, values: [keyColumn.values[rows[0]!]] }]
        : [],
      length: 1,
    };
    outputs.push(
      api.withTemp(
        new Map([
          [plan.rowsTable, partition],
          [plan.keyTable, key],
        ]),
        () => api.run(plan.subquery),
      ),
    );
  }
  return unionByName(outputs, plan.subquery.schema);
}

/** The partitions' results one after another, their columns matched by name (missing ones are null). */
function unionByName(tables: readonly Table[], schema: readonly ColumnSchema[] | undefined): Table {
  const layout: { name: string; type: Column['type'] }[] = schema
    ? schema.map((c) => ({ name: c.name, type: c.type }))
    : (tables[0]?.columns.map((c) => ({ name: c.name, type: c.type })) ?? []);
  for (const table of tables) {
    for (const column of table.columns) {
      if (!layout.some((c) => c.name === column.name)) layout.push({ name: column.name, type: column.type });
    }
  }
  const columns: Column[] = layout.map((c) => ({ name: c.name, type: c.type, values: [] as unknown[] }));
  let length = 0;
  for (const table of tables) {
    columns.forEach((column) => {
      const source = table.columns.find((c) => c.name === column.name);
      for (let i = 0; i < table.length; i++) column.values.push(source ? source.values[i] : null);
    });
    length += table.length;
  }
  return { columns, length };
}
