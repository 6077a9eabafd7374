/**
 * `active_users_count(IdColumn, TimelineColumn, Start, End, LookbackWindow, Period, ActivePeriodsCount, Bin
 * [, dim1, ...])`: per Bin window (aligned to Start) and per combination of dimensions, the distinct count of ids with
 * an active appearance in the window. An appearance at t (Start <= t <= End) is active when the id appears in at least
 * ActivePeriodsCount distinct Periods within the lookback (t - LookbackWindow, t]; appearances before Start count in
 * the lookback. Windows without an active id give no row.
 */
import { valueKey } from '../compare';
import type { ExecuteApi } from '../executeApi';
import { binValue } from '../functions/helpers';
import type { Table } from '../table';
import type { PluginInvocation } from './index';
import { tableOf } from './tables';
import { activityArguments, stepOf, windowOf, windowTable } from './timeline';

type Time = bigint | number;

export function activeUsersCount({ input, args, span, schema }: PluginInvocation, api: ExecuteApi): Table {
  const { id, time, timeType, start, end, fixed, dimArgs, dims } = activityArguments(
    { input, args, span },
    api,
    'active_users_count',
    'IdColumn, TimelineColumn, Start, End, LookbackWindow, Period, ActivePeriodsCount, Bin [, dim1, ...]',
    8,
  );
  const lookback = stepOf(fixed[4]!, api, span);
  const period = stepOf(fixed[5]!, api, span);
  const activePeriods = Number(api.constant(fixed[6]!));
  const bin = stepOf(fixed[7]!, api, span);
  if (start === null || end === null) return tableOf([]);

  // Appearances per (dimensions, id), in time order.
  const series = new Map<string, { dims: unknown[]; key: string; times: Time[] }>();
  for (let row = 0; row < input.length; row++) {
    if ((row & 4095) === 4095) api.check(span);
    const t = time(row) as Time | null;
    const who = id(row);
    if (t === null || t === undefined || who === null || who === undefined || who === '') continue;
    const dimValues = dims.map((dim) => dim(row));
    const dimKey = dimValues.map(valueKey).join('\u0001');
    const key = `${dimKey}\u0002${valueKey(who)}`;
    let entry = series.get(key);
    if (!entry) {
      entry = { dims: dimValues, key: dimKey, times: [] };
      series.set(key, entry);
    }
    entry.times.push(t);
  }

  // Distinct active ids per (dimensions, window).
  const windows = new Map<string, { dims: unknown[]; window: Time; ids: Set<string> }>();
  for (const [seriesKey, entry] of series) {
    const times = entry.times.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const periods = new Map<string, number>();
    let left = 0;
    for (let right = 0; right < times.length; right++) {
      const t = times[right]!;
      const periodKey = valueKey(binValue(t, period, timeType));
      periods.set(periodKey, (periods.get(periodKey) ?? 0) + 1);
      const from = minus(t, lookback);
      while (times[left]! <= from) {
        const leftKey = valueKey(binValue(times[left]!, period, timeType));
        const remaining = periods.get(leftKey)! - 1;
        if (remaining === 0) periods.delete(leftKey);
        else periods.set(leftKey, remaining);
        left++;
      }
      if (t < start || t > end || periods.size < activePeriods) continue;
      const window = windowOf(t, bin, start);
      const windowKey = `${entry.key}\u0002${valueKey(window)}`;
      let slot = windows.get(windowKey);
      if (!slot) {
        slot = { dims: entry.dims, window, ids: new Set() };
        windows.set(windowKey, slot);
      }
      slot.ids.add(seriesKey);
    }
  }

  const slots = [...windows.values()];
  return windowTable(
    { input, args, span, schema },
    api,
    { timeType, dimArgs },
    { windows: slots.map((slot) => slot.window), dims: slots.map((slot) => slot.dims) },
    [{ name: 'dcount', type: 'long', values: slots.map((slot) => slot.ids.size) }],
  );
}

function minus(t: Time, span: Time): Time {
  return typeof t === 'bigint' ? t - BigInt(span) : t - Number(span);
}
