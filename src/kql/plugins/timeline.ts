/** Helpers for the activity plugins: their leading arguments, constant arguments and time windows. */
import { EngineError, unsupported } from '../errors';
import type { ExecuteApi, RowFunction } from '../executeApi';
import type { Expr, Span } from '../plan';
import type { KustoType } from '../types';
import type { Table } from '../table';
import type { PluginInvocation } from './index';
import { tableOf } from './tables';

type Time = bigint | number;

/** `IdColumn, TimelineColumn, Start, End, ...` compiled, then the plug-in's other fixed arguments and its dimensions. */
export interface ActivityArguments {
  readonly id: RowFunction;
  readonly time: RowFunction;
  readonly timeType: KustoType;
  /** Null when the argument is null: the plug-in then returns no rows. */
  readonly start: Time | null;
  readonly end: Time | null;
  /** All the fixed arguments, by position (IdColumn, TimelineColumn, Start and End included). */
  readonly fixed: readonly Expr[];
  /** The optional `dim1, dim2, ...` after the fixed arguments. */
  readonly dimArgs: readonly Expr[];
  readonly dims: readonly RowFunction[];
}

/**
 * The arguments of a plug-in that opens with `IdColumn, TimelineColumn, Start, End` and has `fixedCount` fixed
 * arguments in all (`signature` says which, for the message when some are missing), then optional dimensions.
 */
export function activityArguments(
  { input, args, span }: PluginInvocation,
  api: ExecuteApi,
  plugin: string,
  signature: string,
  fixedCount: number,
): ActivityArguments {
  if (args.length < fixedCount)
    throw new EngineError('KQL_PLUGIN_ARGS', `${plugin} expects (${signature}).`, span);
  const fixed = args.slice(0, fixedCount);
  const dimArgs = args.slice(fixedCount);
  return {
    id: api.compile(fixed[0]!, input),
    time: api.compile(fixed[1]!, input),
    timeType: api.typeOf(fixed[1]!),
    start: api.constant(fixed[2]!) as Time | null,
    end: api.constant(fixed[3]!) as Time | null,
    fixed,
    dimArgs,
    dims: dimArgs.map((dim) => api.compile(dim, input)),
  };
}

/** A window or step size: a timespan (ticks) or a number. `week`, `month` and `year` calendars are refused. */
export function stepOf(expr: Expr, api: ExecuteApi, span: Span): bigint | number {
  const value = api.constant(expr);
  if (typeof value === 'bigint' || typeof value === 'number') return value;
  throw unsupported(`a calendar step ('${String(value)}') in an activity plugin`, span);
}

/** Start of the window of `step` (aligned to `origin`) that holds `value`. */
export function windowOf(
  value: bigint | number,
  step: bigint | number,
  origin: bigint | number,
): bigint | number {
  if (typeof value === 'bigint') {
    const s = BigInt(step);
    const o = BigInt(origin);
    const offset = value - o;
    const floor = offset >= 0n ? offset / s : -((-offset + s - 1n) / s);
    return floor * s + o;
  }
  const s = Number(step);
  const o = Number(origin);
  return Math.floor((value - o) / s) * s + o;
}

/** A measure column of a window table: its values, and the name it takes when Kusto.Language gave no schema. */
export interface WindowMeasure {
  readonly name: string;
  readonly type: KustoType;
  readonly values: unknown[];
}

/**
 * The result of an activity plug-in: the window's start, the dimensions, then the measures, one row per window and
 * combination of dimensions. Columns take Kusto.Language's names where it gave a schema.
 */
export function windowTable(
  invocation: PluginInvocation,
  api: ExecuteApi,
  activity: Pick<ActivityArguments, 'timeType' | 'dimArgs'>,
  rows: { readonly windows: unknown[]; readonly dims: readonly unknown[][] },
  measures: readonly WindowMeasure[],
): Table {
  const names = invocation.schema?.map((column) => column.name) ?? [];
  const { dimArgs } = activity;
  return tableOf([
    { name: names[0] ?? 'Timestamp', type: activity.timeType, values: rows.windows },
    ...dimArgs.map((dim, k) => ({
      name: names[k + 1] ?? `dim${k + 1}`,
      type: api.typeOf(dim),
      values: rows.dims.map((values) => values[k]),
    })),
    ...measures.map((measure, m) => ({
      name: names[dimArgs.length + 1 + m] ?? measure.name,
      type: measure.type,
      values: measure.values,
    })),
  ]);
}
