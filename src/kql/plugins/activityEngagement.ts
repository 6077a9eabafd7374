/**
 * `activity_engagement(IdColumn, TimelineColumn, [Start, End,] InnerActivityWindow, OuterActivityWindow [, dim1, ...])`:
 * for every inner window holding rows (aligned to Start, or to the timeline's origin without one) and every combination
 * of dimensions (columns right after the timeline, as Kusto.Language orders them), the distinct ids in the inner window, the distinct ids in the outer window that ends with it (the
 * OuterActivityWindow up to the inner window's end), and their ratio: DAU/WAU with 1d and 7d.
 */
import { valueKey } from '../compare';
import { EngineError } from '../errors';
import type { ExecuteApi } from '../executeApi';
import type { Table } from '../table';
import type { PluginInvocation } from './index';
import { tableOf } from './tables';
import { stepOf, windowOf } from './timeline';

type Time = bigint | number;

const plus = (t: Time, d: Time): Time => (typeof t === 'bigint' ? t + BigInt(d) : t + Number(d));
const minus = (t: Time, d: Time): Time => (typeof t === 'bigint' ? t - BigInt(d) : t - Number(d));

export function activityEngagement({ input, args, span, schema }: PluginInvocation, api: ExecuteApi): Table {
  if (args.length < 4)
    throw new EngineError(
      'KQL_PLUGIN_ARGS',
      'activity_engagement expects (IdColumn, TimelineColumn, [Start, End,] InnerActivityWindow, OuterActivityWindow [, dim1, ...]).',
      span,
    );
  // With Start and End the windows are the 5th and 6th arguments: tell the forms apart by the 3rd argument's type.
  const bounded = args.length >= 6 && api.typeOf(args[2]!) === api.typeOf(args[1]!);
  const id = api.compile(args[0]!, input);
  const time = api.compile(args[1]!, input);
  const start = bounded ? (api.constant(args[2]!) as Time | null) : null;
  const end = bounded ? (api.constant(args[3]!) as Time | null) : null;
  const inner = stepOf(args[bounded ? 4 : 2]!, api, span);
  const outer = stepOf(args[bounded ? 5 : 3]!, api, span);
  const dimArgs = args.slice(bounded ? 6 : 4);
  const dims = dimArgs.map((dim) => api.compile(dim, input));
  const timeType = api.typeOf(args[1]!);
  const origin: Time = start ?? (timeType === 'datetime' || timeType === 'timespan' ? 0n : 0);
  const rows = new Map<string, { dims: unknown[]; events: { t: Time; id: string }[] }>();
  for (let row = 0; row < input.length; row++) {
    if ((row & 4095) === 4095) api.check(span);
    const t = time(row) as Time | null;
    const who = id(row);
    if (t === null || t === undefined || who === null || who === undefined || who === '') continue;
    if (end !== null && t > end) continue;
    const dimValues = dims.map((dim) => dim(row));
    const key = dimValues.map(valueKey).join('\u0001');
    let group = rows.get(key);
    if (!group) rows.set(key, (group = { dims: dimValues, events: [] }));
    group.events.push({ t, id: valueKey(who) });
  }
  const out = {
    windows: [] as Time[],
    dims: [] as unknown[][],
    inner: [] as number[],
    outer: [] as number[],
  };
  for (const group of rows.values()) {
    const windows = new Map<string, Time>();
    for (const event of group.events)
      if (start === null || event.t >= start) {
        const w = windowOf(event.t, inner, origin);
        windows.set(valueKey(w), w);
      }
    const ordered = [...windows.values()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const w of ordered) {
      const windowEnd = plus(w, inner);
      const outerStart = minus(windowEnd, outer);
      const innerIds = new Set<string>();
      const outerIds = new Set<string>();
      for (const event of group.events) {
        if (event.t >= windowEnd) continue;
        if (event.t >= w) innerIds.add(event.id);
        if (event.t >= outerStart) outerIds.add(event.id);
      }
      out.windows.push(w);
      out.dims.push(group.dims);
      out.inner.push(innerIds.size);
      out.outer.push(outerIds.size);
    }
    api.check(span);
  }
  // Kusto.Language puts the dimensions right after the timeline column; its schema names the columns.
  const names = schema?.map((c) => c.name) ?? [];
  const d = dimArgs.length;
  return tableOf([
    { name: names[0] ?? 'Timestamp', type: timeType, values: out.windows },
    ...dimArgs.map((dim, k) => ({
      name: names[1 + k] ?? `dim${k + 1}`,
      type: api.typeOf(dim),
      values: out.dims.map((values) => values[k]),
    })),
    { name: names[1 + d] ?? 'dcount_activities_inner', type: 'long', values: out.inner },
    { name: names[2 + d] ?? 'dcount_activities_outer', type: 'long', values: out.outer },
    {
      name: names[3 + d] ?? 'activity_ratio',
      type: 'real',
      values: out.inner.map((n, i) => (out.outer[i]! === 0 ? null : n / out.outer[i]!)),
    },
  ]);
}
