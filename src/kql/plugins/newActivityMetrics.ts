/**
 * `new_activity_metrics(IdColumn, TimelineColumn, Start, End, Window [, Cohort] [, dim1, ...] [, Lookback])`: for
 * each cohort of new users (the ids first seen in a window, every earlier window and the Lookback table's ids taken
 * into account) and each window from it on, per combination of dimensions:
 * - `dcount_new_values`: for the cohort's own window, the cohort's size; for a later window, its ids not seen in any
 *   window up to and including the cohort's (the documentation: from T2 to T3, the users of T3 seen in neither T1 nor
 *   T2);
 * - `dcount_retained_values` / `dcount_churn_values`: the cohort's ids seen / not seen in the later window;
 * - `retention_rate` / `churn_rate`: those counts over the cohort's size (NaN for an empty cohort).
 * With Cohort, only that cohort's rows. Windows are aligned to Start and run to End.
 */
import { valueKey } from '../compare';
import { EngineError } from '../errors';
import type { ExecuteApi } from '../executeApi';
import type { Expr } from '../plan';
import type { Table } from '../table';
import type { KustoType } from '../types';
import type { PluginInvocation } from './index';
import { tableOf } from './tables';
import { stepOf, windowOf } from './timeline';

type Time = bigint | number;

function windowIndex(t: Time, start: Time, step: Time): number {
  const w = windowOf(t, step, start);
  return typeof w === 'bigint'
    ? Number((w - BigInt(start)) / BigInt(step))
    : Math.round((w - Number(start)) / Number(step));
}

const windowStart = (start: Time, step: Time, index: number): Time =>
  typeof start === 'bigint' ? start + BigInt(step) * BigInt(index) : start + Number(step) * index;

export function newActivityMetrics({ input, args, span, schema }: PluginInvocation, api: ExecuteApi): Table {
  if (args.length < 5)
    throw new EngineError(
      'KQL_PLUGIN_ARGS',
      'new_activity_metrics expects (IdColumn, TimelineColumn, Start, End, Window [, Cohort] [, dim1, ...] [, Lookback]).',
      span,
    );
  const [idArg, timeArg, startArg, endArg, windowArg] = args as [Expr, Expr, Expr, Expr, Expr];
  const rest = args.slice(5);
  const lookbackArg = rest.find((arg) => arg.kind === 'tabularList');
  const cohortArg = rest.find((arg) => arg.kind !== 'column' && arg.kind !== 'tabularList');
  const dimArgs = rest.filter((arg) => arg.kind === 'column');
  const id = api.compile(idArg, input);
  const time = api.compile(timeArg, input);
  const dims = dimArgs.map((dim) => api.compile(dim, input));
  const start = api.constant(startArg) as Time | null;
  const end = api.constant(endArg) as Time | null;
  const step = stepOf(windowArg, api, span);
  const cohortValue = cohortArg ? (api.constant(cohortArg) as Time | null) : null;
  const lookbackIds = new Set<string>();
  if (lookbackArg && lookbackArg.kind === 'tabularList') {
    const lookback = api.run(lookbackArg.query);
    const idColumn =
      lookback.columns.find((c) => idArg.kind === 'column' && c.name === idArg.name) ?? lookback.columns[0];
    for (const value of idColumn?.values ?? [])
      if (value !== null && value !== undefined) lookbackIds.add(valueKey(value));
  }
  const out = {
    from: [] as Time[],
    to: [] as Time[],
    dims: [] as unknown[][],
    fresh: [] as number[],
    retained: [] as number[],
    churned: [] as number[],
  };
  if (start !== null && end !== null && start <= end) {
    const last = windowIndex(end, start, step);
    api.reserveRows('new_activity_metrics', ((last + 1) * (last + 2)) / 2, 7 + dims.length, span);
    const groups = new Map<string, { dims: unknown[]; windows: Set<string>[] }>();
    for (let row = 0; row < input.length; row++) {
      if ((row & 4095) === 4095) api.check(span);
      const t = time(row) as Time | null;
      const who = id(row);
      if (t === null || t === undefined || t < start || t > end || who === null || who === undefined)
        continue;
      const dimValues = dims.map((dim) => dim(row));
      const key = dimValues.map(valueKey).join('\u0001');
      let group = groups.get(key);
      if (!group)
        groups.set(
          key,
          (group = { dims: dimValues, windows: Array.from({ length: last + 1 }, () => new Set()) }),
        );
      group.windows[windowIndex(t, start, step)]!.add(valueKey(who));
    }
    const only = cohortValue === null ? null : windowIndex(cohortValue, start, step);
    for (const group of groups.values()) {
      const seenUpTo: Set<string>[] = [];
      const seen = new Set(lookbackIds);
      const cohorts = group.windows.map((ids) => {
        const cohort = new Set([...ids].filter((who) => !seen.has(who)));
        for (const who of ids) seen.add(who);
        seenUpTo.push(new Set(seen));
        return cohort;
      });
      for (let f = 0; f <= last; f++) {
        if (only !== null && f !== only) continue;
        for (let t = f; t <= last; t++) {
          const ids = group.windows[t]!;
          const cohort = cohorts[f]!;
          let retained = 0;
          for (const who of cohort) if (ids.has(who)) retained++;
          const fresh = t === f ? cohort.size : [...ids].filter((who) => !seenUpTo[f]!.has(who)).length;
          out.from.push(windowStart(start, step, f));
          out.to.push(windowStart(start, step, t));
          out.dims.push(group.dims);
          out.fresh.push(fresh);
          out.retained.push(retained);
          out.churned.push(cohort.size - retained);
        }
      }
      api.check(span);
    }
  }
  const names = schema?.map((c) => c.name) ?? [];
  const d = dimArgs.length;
  const timeType = api.typeOf(timeArg);
  const metric = (name: string, index: number, type: KustoType, values: unknown[]) => ({
    name: names[index] ?? name,
    type,
    values,
  });
  // Kusto.Language's schema orders the output: from, to, the dimensions, then the metrics.
  return tableOf([
    metric('from_Timestamp', 0, timeType, out.from),
    metric('to_Timestamp', 1, timeType, out.to),
    ...dimArgs.map((dim, k) =>
      metric(
        `dim${k + 1}`,
        2 + k,
        api.typeOf(dim),
        out.dims.map((v) => v[k]),
      ),
    ),
    metric('dcount_new_values', 2 + d, 'long', out.fresh),
    metric('dcount_retained_values', 3 + d, 'long', out.retained),
    metric('dcount_churn_values', 4 + d, 'long', out.churned),
    metric(
      'retention_rate',
      5 + d,
      'real',
      out.retained.map((r, i) => r / (r + out.churned[i]!)),
    ),
    metric(
      'churn_rate',
      6 + d,
      'real',
      out.churned.map((c, i) => c / (out.retained[i]! + c)),
    ),
  ]);
}
