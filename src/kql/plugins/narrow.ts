/**
 * `narrow()`: unpivots a wide table into three columns, one row per input cell: Row (the input row's number from 0),
 * Column (the column's name) and Value (the cell as text).
 */
import type { ExecuteApi } from '../executeApi';
import { toStringValue } from '../functions/helpers';
import type { Table } from '../table';
import type { PluginInvocation } from './index';
import { tableOf } from './tables';

export function narrow({ input, span }: PluginInvocation, api: ExecuteApi): Table {
  api.reserveRows('narrow', input.length * input.columns.length, 3, span);
  const rows: number[] = [];
  const names: string[] = [];
  const values: string[] = [];
  for (let row = 0; row < input.length; row++) {
    if ((row & 4095) === 4095) api.check(span);
    for (const column of input.columns) {
      rows.push(row);
      names.push(column.name);
      values.push(toStringValue(column.values[row], column.type));
    }
  }
  return tableOf([
    { name: 'Row', type: 'long', values: rows },
    { name: 'Column', type: 'string', values: names },
    { name: 'Value', type: 'string', values },
  ]);
}
