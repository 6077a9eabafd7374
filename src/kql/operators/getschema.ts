/**
 * `getschema`: the input's columns as rows (name, ordinal, CLR type, Kusto type).
 */
import type { ExecuteApi } from '../executeApi';
import { makeTable } from '../kernel/tables';
import type { Tabular } from '../plan';
import type { Table } from '../table';
import type { TranslateApi } from '../translateApi';
import type { KustoType } from '../types';
import type { OperatorSite, PlanOf } from './operator';

export function translate(site: OperatorSite, _api: TranslateApi): Tabular {
  const { schema, span, need } = site;
  return { op: 'getschema', input: need(), schema, span };
}

export function execute(plan: PlanOf<'getschema'>, api: ExecuteApi): Table {
  const input = api.run(plan.input);
  const n = input.columns.length;
  return makeTable(
    [
      { name: 'ColumnName', type: 'string', values: input.columns.map((c) => c.name) },
      { name: 'ColumnOrdinal', type: 'int', values: input.columns.map((_, i) => i) },
      { name: 'DataType', type: 'string', values: input.columns.map((c) => systemTypeName(c.type)) },
      { name: 'ColumnType', type: 'string', values: input.columns.map((c) => c.type) },
    ],
    n,
  );
}

function systemTypeName(type: KustoType): string {
  const names: Record<KustoType, string> = {
    string: 'System.String',
    long: 'System.Int64',
    int: 'System.Int32',
    real: 'System.Double',
    decimal: 'System.Data.SqlTypes.SqlDecimal',
    bool: 'System.Boolean',
    datetime: 'System.DateTime',
    timespan: 'System.TimeSpan',
    guid: 'System.Guid',
    dynamic: 'System.Object',
  };
  return names[type];
}
