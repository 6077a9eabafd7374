/**
 * `activity_metrics(IdColumn, TimelineColumn, Start, End, Window [, dim1, ...])`: per Window (aligned to Start, from
 * Start to End) and per combination of dimensions, each window compared with the window before it only (unlike
 * activity_counts_metrics, which compares with all earlier windows): `dcount_values` (distinct ids), `dcount_newvalues`
 * (distinct ids the previous window did not have), `retention_rate` (the share of the previous window's ids seen
 * again) and `churn_rate` (1 − retention_rate). The first window has no previous one: its rates are 0/0, NaN. Windows
 * without rows give no row.
 */
import { valueKey } from '../compare';
import type { ExecuteApi } from '../executeApi';
import type { Table } from '../table';
import type { KustoType } from '../types';
import type { PluginInvocation } from './index';
import { tableOf } from './tables';
import { activityArguments, stepOf, windowOf } from './timeline';

type Time = bigint | number;

const next = (t: Time, step: Time): Time => (typeof t === 'bigint' ? t + BigInt(step) : t + Number(step));

export function activityMetrics(invocation: PluginInvocation, api: ExecuteApi): Table {
  const { input, span, schema } = invocation;
  const { id, time, timeType, start, end, fixed, dimArgs, dims } = activityArguments(
    invocation,
    api,
    'activity_metrics',
    'IdColumn, TimelineColumn, Start, End, Window [, dim1, ...]',
    5,
  );
  const step = stepOf(fixed[4]!, api, span);
  const groups = new Map<
    string,
    { dims: unknown[]; windows: Map<string, { start: Time; ids: Set<string> }> }
  >();
  if (start !== null && end !== null) {
    for (let row = 0; row < input.length; row++) {
      if ((row & 4095) === 4095) api.check(span);
      const t = time(row) as Time | null;
      const who = id(row);
      if (t === null || t === undefined || t < start || t > end || who === null || who === undefined)
        continue;
      const dimValues = dims.map((dim) => dim(row));
      const key = dimValues.map(valueKey).join('\u0001');
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { dims: dimValues, windows: new Map() }));
      const window = windowOf(t, step, start);
      const windowKey = valueKey(window);
      let slot = group.windows.get(windowKey);
      if (!slot) group.windows.set(windowKey, (slot = { start: window, ids: new Set() }));
      slot.ids.add(valueKey(who));
    }
  }
  const columns: Record<string, { type: KustoType; values: unknown[] }> = {
    time: { type: timeType, values: [] },
    dcount_values: { type: 'long', values: [] },
    dcount_newvalues: { type: 'long', values: [] },
    retention_rate: { type: 'real', values: [] },
    churn_rate: { type: 'real', values: [] },
  };
  const dimValues: unknown[][] = dimArgs.map(() => []);
  for (const group of groups.values()) {
    const windows = [...group.windows.values()].sort((a, b) =>
      a.start < b.start ? -1 : a.start > b.start ? 1 : 0,
    );
    windows.forEach((window, i) => {
      // The window just before this one (an empty window when the input has none there).
      const before = windows[i - 1];
      const previous =
        before && valueKey(next(before.start, step)) === valueKey(window.start)
          ? before.ids
          : new Set<string>();
      let retained = 0;
      let fresh = 0;
      for (const who of window.ids) if (previous.has(who)) retained++;
      for (const who of window.ids) if (!previous.has(who)) fresh++;
      const retention = retained / previous.size;
      columns.time!.values.push(window.start);
      columns.dcount_values!.values.push(window.ids.size);
      columns.dcount_newvalues!.values.push(fresh);
      columns.retention_rate!.values.push(retention);
      columns.churn_rate!.values.push(1 - retention);
      group.dims.forEach((value, k) => dimValues[k]!.push(value));
    });
  }
  // Kusto.Language's schema names and orders the output: the timeline, the dimensions, then the metrics.
  const names = schema?.map((c) => c.name) ?? [];
  const d = dimArgs.length;
  return tableOf([
    { name: names[0] ?? 'Timestamp', ...columns.time! },
    ...dimArgs.map((dim, k) => ({
      name: names[1 + k] ?? `dim${k + 1}`,
      type: api.typeOf(dim),
      values: dimValues[k]!,
    })),
    { name: names[1 + d] ?? 'dcount_values', ...columns.dcount_values! },
    { name: names[2 + d] ?? 'dcount_newvalues', ...columns.dcount_newvalues! },
    { name: names[3 + d] ?? 'retention_rate', ...columns.retention_rate! },
    { name: names[4 + d] ?? 'churn_rate', ...columns.churn_rate! },
  ]);
}
