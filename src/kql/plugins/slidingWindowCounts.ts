/**
 * `sliding_window_counts(IdColumn, TimelineColumn, Start, End, LookbackWindow, Bin [, dim1, ...])`: for every Bin
 * window from Start to End (aligned to Start) and every combination of dimensions, the rows (`Count`) and distinct ids
 * (`dcount`) of the lookback that ends with that window: the LookbackWindow (rounded down to whole bins) of bins up to
 * and including it. Every window of the period gets a row, 0 and 0 when its lookback holds no row.
 */
import { valueKey } from '../compare';
import type { ExecuteApi } from '../executeApi';
import type { Table } from '../table';
import type { PluginInvocation } from './index';
import { tableOf } from './tables';
import { activityArguments, stepOf, windowOf, windowTable } from './timeline';

type Time = bigint | number;

const add = (t: Time, step: Time, times: number): Time =>
  typeof t === 'bigint' ? t + BigInt(step) * BigInt(times) : t + Number(step) * times;

export function slidingWindowCounts({ input, args, span, schema }: PluginInvocation, api: ExecuteApi): Table {
  const { id, time, timeType, start, end, fixed, dimArgs, dims } = activityArguments(
    { input, args, span },
    api,
    'sliding_window_counts',
    'IdColumn, TimelineColumn, Start, End, LookbackWindow, Bin [, dim1, ...]',
    6,
  );
  const bin = stepOf(fixed[5]!, api, span);
  const lookback = stepOf(fixed[4]!, api, span);
  const binsPerLookback = Math.max(1, Math.floor(Number(lookback) / Number(bin)));
  if (start === null || end === null || !(Number(bin) > 0)) return tableOf([]);
  const lastWindow =
    typeof end === 'bigint'
      ? Number((end - BigInt(start)) / BigInt(bin))
      : Math.floor((Number(end) - Number(start)) / Number(bin));
  if (lastWindow < 0) return tableOf([]);
  api.reserveRows('sliding_window_counts', lastWindow + 1, 3 + dims.length, span);
  // Rows and ids per window index, per combination of dimensions.
  const groups = new Map<string, { dims: unknown[]; rows: number[]; ids: Map<string, number>[] }>();
  for (let row = 0; row < input.length; row++) {
    if ((row & 4095) === 4095) api.check(span);
    const t = time(row) as Time | null;
    if (t === null || t === undefined || t < start || t > end) continue;
    const window = windowOf(t, bin, start);
    const index = Math.round(
      typeof window === 'bigint'
        ? Number((window - BigInt(start)) / BigInt(bin))
        : (window - Number(start)) / Number(bin),
    );
    const dimValues = dims.map((dim) => dim(row));
    const key = dimValues.map(valueKey).join('\u0001');
    let group = groups.get(key);
    if (!group) {
      group = {
        dims: dimValues,
        rows: new Array<number>(lastWindow + 1).fill(0),
        ids: Array.from({ length: lastWindow + 1 }, () => new Map<string, number>()),
      };
      groups.set(key, group);
    }
    group.rows[index]!++;
    const who = valueKey(id(row));
    group.ids[index]!.set(who, (group.ids[index]!.get(who) ?? 0) + 1);
  }
  if (groups.size === 0 && dims.length === 0)
    groups.set('', {
      dims: [],
      rows: new Array<number>(lastWindow + 1).fill(0),
      ids: Array.from({ length: lastWindow + 1 }, () => new Map()),
    });
  const out = {
    windows: [] as Time[],
    dims: [] as unknown[][],
    counts: [] as number[],
    dcounts: [] as number[],
  };
  for (const group of groups.values()) {
    const live = new Map<string, number>();
    let count = 0;
    for (let w = 0; w <= lastWindow; w++) {
      count += group.rows[w]!;
      for (const [who, n] of group.ids[w]!) live.set(who, (live.get(who) ?? 0) + n);
      const leaving = w - binsPerLookback;
      if (leaving >= 0) {
        count -= group.rows[leaving]!;
        for (const [who, n] of group.ids[leaving]!) {
          const left = live.get(who)! - n;
          if (left === 0) live.delete(who);
          else live.set(who, left);
        }
      }
      out.windows.push(add(start, bin, w));
      out.dims.push(group.dims);
      out.counts.push(count);
      out.dcounts.push(live.size);
    }
  }
  return windowTable({ input, args, span, schema }, api, { timeType, dimArgs }, out, [
    { name: 'count', type: 'long', values: out.counts },
    { name: 'dcount', type: 'long', values: out.dcounts },
  ]);
}
