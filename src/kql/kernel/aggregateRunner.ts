/**
 * Compiles a summarize item into an aggregate runner: an accumulator factory per group, or a typed loop over group
 * numbers where the aggregate has one (count, dcount of a dictionary column, arg_max over epoch milliseconds).
 * summarize, make-series and top-nested run aggregates through it.
 */
import { type Accumulator, AGGREGATES } from '../aggregates';
import { compareValues } from '../compare';
import { dictionaryFormOf } from '../dictionaryForm';
import { unsupported } from '../errors';
import type { ExecuteApi, RowFunction } from '../executeApi';
import { isNull, toDynamic } from '../functions/helpers';
import {
  dictionaryEncoder,
  groupedBestRow,
  groupedCount,
  groupedDistinctCount,
  type Grouping,
  type KeyEncoder,
} from '../grouping';
import type { Expr, NamedExpr } from '../plan';
import type { Table } from '../table';
import type { KustoType } from '../types';
import { typeOfExpr } from './compile';
import { makeTable } from './tables';

export interface AggregateRunner {
  readonly width: number;
  readonly names: string[];
  readonly types: KustoType[];
  create(): Accumulator;
  /** Values the accumulator yields for one group: one per output column. */
  explode(result: unknown): unknown[];
  /** The accumulators' results of all groups at once, from each row's group number (aggregates with a typed form). */
  grouped?(grouping: Grouping): unknown[];
}

/** Compiles on first use: an aggregate with a typed form may never need its per-row closure. */
function lazyRowFunction(expr: Expr, table: Table, api: ExecuteApi): RowFunction {
  let fn: RowFunction | undefined;
  return (row) => (fn ??= api.compile(expr, table))(row);
}

/** Reads one cell of a column argument without building the whole column when it has a per-cell form. */
function cellReader(expr: Expr, table: Table, api: ExecuteApi): RowFunction {
  if (expr.kind === 'column') {
    const column = table.columns.find((c) => c.name === expr.name);
    if (column?.cell && column.type === expr.type) return column.cell;
  }
  return lazyRowFunction(expr, table, api);
}

export function aggregateRunner(
  item: NamedExpr,
  table: Table,
  by: readonly NamedExpr[],
  api: ExecuteApi,
): AggregateRunner {
  const expr = item.expr;
  if (expr.kind !== 'aggregate') {
    // A scalar over aggregates: e.g. `summarize x = count() * 2` or `round(avg(x), 2)`.
    return compositeAggregate(item, table, by, api);
  }
  const name = expr.name;
  if (name === 'arg_max' || name === 'arg_min') {
    const sign = name === 'arg_max' ? 1 : -1;
    const target = lazyRowFunction(expr.args[0]!, table, api);
    const firstArg = expr.args[0]!;
    const epochMs =
      firstArg.kind === 'column' ? table.columns.find((c) => c.name === firstArg.name)?.epochMs : undefined;
    const byNames = new Set(by.map((b) => b.name));
    let outputs: { name: string; fn: RowFunction; type: KustoType }[] = [];
    const firstName = expr.args[0]!.kind === 'column' ? (expr.args[0] as { name: string }).name : item.name;
    outputs.push({
      name: firstName,
      fn: cellReader(expr.args[0]!, table, api),
      type: typeOfExpr(expr.args[0]!),
    });
    for (const arg of expr.args.slice(1)) {
      if (arg.kind === 'star') {
        for (const column of table.columns) {
          if (byNames.has(column.name) || column.name === firstName) continue;
          const read = column.cell ?? ((row: number) => column.values[row]);
          outputs.push({ name: column.name, fn: read, type: column.type });
        }
      } else {
        outputs.push({
          name: arg.kind === 'column' ? arg.name : 'Column',
          fn: cellReader(arg, table, api),
          type: typeOfExpr(arg),
        });
      }
    }
    outputs = outputs.filter((o, i) => i === 0 || !byNames.has(o.name));
    return {
      width: outputs.length,
      names: outputs.map((o) => o.name),
      types: outputs.map((o) => o.type),
      create: () => {
        let bestRow = -1;
        let best: unknown = null;
        if (epochMs) {
          // A datetime column loaded from epoch milliseconds: compare the doubles.
          let bestMs = 0;
          return {
            add(row) {
              const ms = epochMs[row]!;
              if (bestRow < 0 || (ms - bestMs) * sign > 0) {
                bestMs = ms;
                bestRow = row;
              }
            },
            result: () => bestRow,
          };
        }
        return {
          add(row) {
            const value = target(row);
            if (isNull(value)) {
              if (bestRow < 0) bestRow = row;
              return;
            }
            if (best === null || compareValues(value, best) * sign > 0) {
              best = value;
              bestRow = row;
            }
          },
          result: () => bestRow,
        };
      },
      explode: (row) => outputs.map((o) => ((row as number) < 0 ? null : o.fn(row as number))),
      ...(epochMs ? { grouped: (grouping: Grouping) => groupedBestRow(grouping, epochMs, sign) } : {}),
    };
  }
  if (name === 'percentiles' || name === 'percentile' || name === 'percentilesw' || name === 'percentilew') {
    const weighted = name.endsWith('w');
    const value = api.compile(expr.args[0]!, table);
    const weight = weighted ? api.compile(expr.args[1]!, table) : undefined;
    const percents = expr.args.slice(weighted ? 2 : 1).map((arg) => Number(api.constant(arg)));
    const type = typeOfExpr(expr.args[0]!);
    return {
      width: percents.length,
      names: percents.map((p) => `percentile_${String(p).replace('.', '_')}`),
      types: percents.map(() => type),
      create: () => {
        const values: unknown[] = [];
        return {
          add(row) {
            const v = value(row);
            if (isNull(v)) return;
            const w = weight ? Number(weight(row)) : 1;
            for (let i = 0; i < w; i++) values.push(v);
          },
          result: () => values,
        };
      },
      explode: (values) => {
        const sorted = (values as unknown[]).slice().sort(compareValues);
        return percents.map((p) => {
          if (sorted.length === 0) return null;
          const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
          return sorted[Math.min(sorted.length, rank) - 1];
        });
      },
    };
  }
  if (name === 'percentiles_array' || name === 'percentilesw_array') {
    // One dynamic array of the requested percentiles (given as numbers or as one dynamic array).
    const weighted = name === 'percentilesw_array';
    const value = api.compile(expr.args[0]!, table);
    const weight = weighted ? api.compile(expr.args[1]!, table) : undefined;
    const percents = expr.args
      .slice(weighted ? 2 : 1)
      .flatMap((arg) => {
        const constant = api.constant(arg);
        return Array.isArray(constant) ? constant : [constant];
      })
      .map(Number);
    const sourceType = typeOfExpr(expr.args[0]!);
    return {
      width: 1,
      names: [item.name],
      types: ['dynamic'],
      create: () => {
        const pairs: [unknown, number][] = [];
        return {
          add(row) {
            const v = value(row);
            if (!isNull(v)) pairs.push([v, weight ? Number(weight(row)) : 1]);
          },
          result: () => pairs,
        };
      },
      explode: (result) => {
        const pairs = (result as [unknown, number][]).slice().sort((a, b) => compareValues(a[0], b[0]));
        const total = pairs.reduce((sum, [, w]) => sum + w, 0);
        return [
          percents.map((p) => {
            if (total === 0) return null;
            const rank = Math.max(1, Math.ceil((p / 100) * total));
            let seen = 0;
            for (const [v, w] of pairs) {
              seen += w;
              if (seen >= rank) return toDynamic(v, sourceType);
            }
            return toDynamic(pairs[pairs.length - 1]![0], sourceType);
          }),
        ];
      },
    };
  }
  if (name === 'dcount_hll') throw unsupported(`aggregate '${name}'`, expr.span);
  const spec = AGGREGATES[name];
  if (!spec) throw unsupported(`aggregate '${name}'`, expr.span);
  const argFns = expr.args.map((arg) =>
    arg.kind === 'star' ? () => null : lazyRowFunction(arg, table, api),
  );
  const constants = expr.args.map((arg) => (arg.kind === 'literal' ? arg.value : undefined));
  const argTypes = expr.args.map(typeOfExpr);
  const factory = spec.create(argTypes, constants, expr.type);
  const args = new Array<unknown>(argFns.length);
  const dynamicResult = expr.type === 'dynamic';
  const sourceType = argTypes[0] ?? 'dynamic';
  return {
    width: 1,
    names: [item.name],
    types: [expr.type],
    create: () => {
      const accumulator = factory();
      return {
        add(row) {
          for (let i = 0; i < argFns.length; i++) args[i] = argFns[i]!(row);
          accumulator.add(row, args);
        },
        result: () => accumulator.result(),
      };
    },
    explode: (result) => [
      dynamicResult && Array.isArray(result) && sourceType !== 'dynamic'
        ? result.map((v) => toDynamic(v, sourceType))
        : result,
    ],
    ...groupedForm(expr, table, api),
  };
}

/** Typed forms of common aggregates: count(), and dcount() of a dictionary column or an expression over one. */
function groupedForm(
  expr: Extract<Expr, { kind: 'aggregate' }>,
  table: Table,
  api: ExecuteApi,
): Pick<AggregateRunner, 'grouped'> {
  if (expr.name === 'count' && expr.args.every((arg) => arg.kind === 'star')) {
    return { grouped: (grouping) => groupedCount(grouping) };
  }
  const distinctArgs = expr.name === 'dcount' ? 2 : expr.name === 'count_distinct' ? 1 : 0;
  if (distinctArgs > 0 && expr.args.length >= 1 && expr.args.length <= distinctArgs) {
    const values = dictionaryEncoderOf(expr.args[0]!, table, api);
    if (values) return { grouped: (grouping) => groupedDistinctCount(grouping, values) };
  }
  return {};
}

/** Scalar expression over aggregates: each inner aggregate is accumulated, then the expression is evaluated. */
function compositeAggregate(
  item: NamedExpr,
  table: Table,
  by: readonly NamedExpr[],
  api: ExecuteApi,
): AggregateRunner {
  const inner: Expr[] = [];
  const collectAggregates = (expr: Expr) => {
    if (expr.kind === 'aggregate') inner.push(expr);
    else if (expr.kind === 'call') expr.args.forEach(collectAggregates);
  };
  collectAggregates(item.expr);
  const runners = inner.map((expr, i) => aggregateRunner({ name: `__agg${i}`, expr }, table, by, api));
  const holder: unknown[] = new Array(runners.length);
  const replaced = replaceAggregates(item.expr, inner);
  const one = makeTable(
    runners
      .map((_, i) => ({ name: `__agg${i}`, type: typeOfExpr(inner[i]!), values: holder }))
      .map((c, i) => ({
        ...c,
        values: [] as unknown[],
        get value() {
          return holder[i];
        },
      })),
    1,
  );
  const columnsHolder = one.columns;
  const fn = api.compile(replaced, one);
  return {
    width: 1,
    names: [item.name],
    types: [typeOfExpr(item.expr)],
    create: () => {
      const accumulators = runners.map((runner) => runner.create());
      return {
        add(row, args) {
          for (const accumulator of accumulators) accumulator.add(row, args);
        },
        result: () => accumulators.map((accumulator, i) => runners[i]!.explode(accumulator.result())[0]),
      };
    },
    explode: (results) => {
      (results as unknown[]).forEach((value, i) => (columnsHolder[i]!.values[0] = value));
      return [fn(0)];
    },
  };
}

function replaceAggregates(expr: Expr, inner: Expr[]): Expr {
  if (expr.kind === 'aggregate') {
    const index = inner.indexOf(expr);
    return { kind: 'column', name: `__agg${index}`, type: expr.type, span: expr.span };
  }
  if (expr.kind === 'call') return { ...expr, args: expr.args.map((arg) => replaceAggregates(arg, inner)) };
  return expr;
}

/** Ids per dictionary entry for a dictionary column or an expression over one (undefined otherwise). */
export function dictionaryEncoderOf(expr: Expr, table: Table, api: ExecuteApi): KeyEncoder | undefined {
  if (expr.kind === 'column') {
    const column = table.columns.find((c) => c.name === expr.name);
    const dictionary = column?.dictionary;
    if (!dictionary || column.type !== expr.type || dictionary.texts.length * 2 >= table.length)
      return undefined;
    const { texts, codes } = dictionary;
    return dictionaryEncoder(codes, table.length, texts.length, (entry) => texts[entry] ?? '');
  }
  const form = dictionaryFormOf(api.compile(expr, table));
  return form ? dictionaryEncoder(form.codes, table.length, form.size, form.valueOfEntry) : undefined;
}
