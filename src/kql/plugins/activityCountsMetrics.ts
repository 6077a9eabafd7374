/**
 * `activity_counts_metrics(IdColumn, TimelineColumn, Start, End, Step [, dim1, ...])`: per Step window (aligned to
 * Start, from Start to the window holding End) and per combination of dimensions: the rows (`count`), the distinct ids
 * (`dcount`), the ids not seen in any earlier window (`new_dcount`) and the distinct ids of all windows so far
 * (`aggregated_dcount`). Windows without rows give no row.
 */
import { valueKey } from '../compare';
import type { ExecuteApi } from '../executeApi';
import type { Table } from '../table';
import type { PluginInvocation } from './index';
import { tableOf } from './tables';
import { activityArguments, stepOf, windowOf } from './timeline';

type Time = bigint | number;

interface Window {
  readonly start: Time;
  count: number;
  readonly ids: Set<string>;
}

export function activityCountsMetrics(invocation: PluginInvocation, api: ExecuteApi): Table {
  const { input, span, schema } = invocation;
  const { id, time, timeType, start, end, fixed, dimArgs, dims } = activityArguments(
    invocation,
    api,
    'activity_counts_metrics',
    'IdColumn, TimelineColumn, Start, End, Step [, dim1, ...]',
    5,
  );
  const step = stepOf(fixed[4]!, api, span);
  const names = schema?.map((c) => c.name) ?? [];
  const groups = new Map<string, { dims: unknown[]; windows: Map<string, Window> }>();
  if (start !== null && end !== null) {
    const lastWindow = windowOf(end, step, start);
    for (let row = 0; row < input.length; row++) {
      if ((row & 4095) === 4095) api.check(span);
      const t = time(row) as Time | null;
      if (t === null || t === undefined || t < start) continue;
      const window = windowOf(t, step, start);
      if (window > lastWindow) continue;
      const dimValues = dims.map((dim) => dim(row));
      const groupKey = dimValues.map(valueKey).join('\u0001');
      let group = groups.get(groupKey);
      if (!group) {
        group = { dims: dimValues, windows: new Map() };
        groups.set(groupKey, group);
      }
      const windowKey = valueKey(window);
      let slot = group.windows.get(windowKey);
      if (!slot) {
        slot = { start: window, count: 0, ids: new Set() };
        group.windows.set(windowKey, slot);
      }
      slot.count++;
      const who = id(row);
      if (who !== null && who !== undefined) slot.ids.add(valueKey(who));
    }
  }
  const out = {
    time: [] as unknown[],
    dims: dims.map(() => [] as unknown[]),
    counts: [[], [], [], []] as number[][],
  };
  for (const group of groups.values()) {
    const seen = new Set<string>();
    const windows = [...group.windows.values()].sort((a, b) =>
      a.start < b.start ? -1 : a.start > b.start ? 1 : 0,
    );
    for (const window of windows) {
      let fresh = 0;
      for (const who of window.ids) {
        if (seen.has(who)) continue;
        seen.add(who);
        fresh++;
      }
      out.time.push(window.start);
      group.dims.forEach((d, k) => out.dims[k]!.push(d));
      out.counts[0]!.push(window.count);
      out.counts[1]!.push(window.ids.size);
      out.counts[2]!.push(fresh);
      out.counts[3]!.push(seen.size);
    }
  }
  const countNames = ['count', 'dcount', 'new_dcount', 'aggregated_dcount'];
  return tableOf([
    { name: names[0] ?? 'Timestamp', type: timeType, values: out.time },
    ...dimArgs.map((dim, k) => ({
      name: names[k + 1] ?? `dim${k + 1}`,
      type: api.typeOf(dim),
      values: out.dims[k]!,
    })),
    ...countNames.map((name, k) => ({ name, type: 'long' as const, values: out.counts[k]! })),
  ]);
}
