/**
 * `sort` (`order`) and `top`: rows in key order (stable; nulls first ascending, last descending, unless told);
 * `top` keeps the first N with a bounded heap when N is small.
 */
import { compareValues } from '../compare';
import type { ExecuteApi } from '../executeApi';
import { isNull } from '../functions/helpers';
import { gather } from '../kernel/tables';
import type { Expr, SortKey, Tabular } from '../plan';
import type { Table } from '../table';
import type { TranslateApi } from '../translateApi';
import type { OperatorSite, PlanOf } from './operator';

export function translateSort(site: OperatorSite, api: TranslateApi): Tabular {
  const { node, scope, schema, span, inputSchema, need } = site;
  return {
    op: 'sort',
    input: need(),
    keys: api.sortKeys(node.Expressions, scope, inputSchema),
    schema,
    span,
  };
}

export function translateTop(site: OperatorSite, api: TranslateApi): Tabular {
  const { node, scope, schema, span, inputSchema, need } = site;
  return {
    op: 'top',
    input: need(),
    count: api.scalar(node.Expression, scope, inputSchema),
    keys: api.sortKeys([node.ByExpression], scope, inputSchema),
    schema,
    span,
  };
}

export function executeSort(plan: PlanOf<'sort'>, api: ExecuteApi): Table {
  const input = api.run(plan.input);
  return gather(input, sortedRows(input, plan.keys, api));
}

export function executeTop(plan: PlanOf<'top'>, api: ExecuteApi): Table {
  const input = api.run(plan.input);
  const count = Math.max(0, Number(api.constant(plan.count) ?? 0));
  return gather(input, topRows(input, plan.keys, count, api));
}

function sortedRows(table: Table, keys: readonly SortKey[], api: ExecuteApi): number[] {
  const compare = rowComparator(table, keys, api);
  const rows = Array.from({ length: table.length }, (_, i) => i);
  return rows.sort(compare);
}

/** The first `count` rows in sort order: a bounded heap when they are few, a full sort otherwise. */
function topRows(table: Table, keys: readonly SortKey[], count: number, api: ExecuteApi): number[] {
  if (count * 8 >= table.length) return sortedRows(table, keys, api).slice(0, count);
  return smallest(table.length, count, rowComparator(table, keys, api));
}

/**
 * A total order of rows by the sort keys (ties by row number, so sorting is stable). Keys that are a column with a
 * cheaper form compare numbers: epoch milliseconds, or the rank of each dictionary text.
 */
function rowComparator(
  table: Table,
  keys: readonly SortKey[],
  api: ExecuteApi,
): (a: number, b: number) => number {
  const columns = keys.map((key) => sortKeyValues(key.expr, table, api));
  return (a, b) => {
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k]!;
      const x = columns[k]![a];
      const y = columns[k]![b];
      const xNull = isNull(x) || (typeof x === 'number' && Number.isNaN(x));
      const yNull = isNull(y) || (typeof y === 'number' && Number.isNaN(y));
      if (xNull || yNull) {
        if (xNull && yNull) continue;
        return xNull === key.nullsFirst ? -1 : 1;
      }
      const order = compareValues(x, y);
      if (order !== 0) return key.descending ? -order : order;
    }
    return a - b;
  };
}

function sortKeyValues(expr: Expr, table: Table, api: ExecuteApi): ArrayLike<unknown> {
  if (expr.kind === 'column') {
    const column = table.columns.find((c) => c.name === expr.name);
    if (column && column.type === expr.type) {
      // Whole epoch milliseconds order like their ticks; there are no nulls among them.
      if (column.epochMs) return column.epochMs;
      const dictionary = column.dictionary;
      if (dictionary && dictionary.texts.length * 2 < table.length) {
        const { texts, codes } = dictionary;
        const size = texts.length;
        const entries = [...texts, ''];
        const order = entries.map((_, i) => i).sort((a, b) => compareValues(entries[a], entries[b]));
        const rankOfEntry = new Int32Array(size + 1);
        order.forEach((entry, i) => {
          const previous = order[i - 1];
          rankOfEntry[entry] =
            i === 0 ? 0 : rankOfEntry[previous!]! + (entries[previous!] === entries[entry] ? 0 : 1);
        });
        const ranks = new Int32Array(table.length);
        for (let row = 0; row < table.length; row++) {
          const code = codes[row]!;
          ranks[row] = rankOfEntry[code >= 0 && code < size ? code : size]!;
        }
        return ranks;
      }
    }
  }
  return api.evaluate(api.compile(expr, table), table.length, { start: 0, length: 1 });
}

/** The `count` smallest of rows 0..n-1 under `compare`, in order (a max-heap of the best so far). */
function smallest(n: number, count: number, compare: (a: number, b: number) => number): number[] {
  if (count <= 0) return [];
  const heap: number[] = [];
  const siftDown = (at: number) => {
    for (;;) {
      const left = 2 * at + 1;
      if (left >= heap.length) return;
      const right = left + 1;
      const larger = right < heap.length && compare(heap[right]!, heap[left]!) > 0 ? right : left;
      if (compare(heap[larger]!, heap[at]!) <= 0) return;
      [heap[at], heap[larger]] = [heap[larger]!, heap[at]!];
      at = larger;
    }
  };
  for (let row = 0; row < n; row++) {
    if (heap.length < count) {
      heap.push(row);
      for (let at = heap.length - 1; at > 0;) {
        const parent = (at - 1) >> 1;
        if (compare(heap[at]!, heap[parent]!) <= 0) break;
        [heap[at], heap[parent]] = [heap[parent]!, heap[at]!];
        at = parent;
      }
    } else if (compare(row, heap[0]!) < 0) {
      heap[0] = row;
      siftDown(0);
    }
  }
  return heap.sort(compare);
}
