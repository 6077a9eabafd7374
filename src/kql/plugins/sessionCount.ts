/**
 * `session_count(IdColumn, TimelineColumn, Start, End, Bin, LookBackWindow [, dim1, ...])`: per Bin window from Start
 * to End (aligned to Start) and per existing combination of dimensions, how many sessions are active (`count_sessions`).
 *
 * The documentation defines a session by the id's appearances: an appearance within LookBackWindow of the id's
 * previous one continues that session, any other starts a new one; a session is active in a window where it has an
 * appearance. So an id seen throughout a window with no gap longer than LookBackWindow counts once, and an id whose
 * appearances in a window are farther apart than LookBackWindow counts once per session. Appearances before Start
 * continue a session; only windows from Start to End are counted, every window gets a row (0 when no session is active).
 */
import { valueKey } from '../compare';
import { EngineError } from '../errors';
import type { ExecuteApi } from '../executeApi';
import type { Table } from '../table';
import type { PluginInvocation } from './index';
import { activityArguments, stepOf, windowTable } from './timeline';

type Time = bigint | number;

const difference = (later: Time, earlier: Time): Time =>
  typeof later === 'bigint' ? later - BigInt(earlier) : later - Number(earlier);

/** Index of the Bin window (from Start) that holds t. */
function windowIndex(t: Time, start: Time, bin: Time): number {
  if (typeof t === 'bigint') return Number((t - BigInt(start)) / BigInt(bin));
  return Math.floor((t - Number(start)) / Number(bin));
}

export function sessionCount(invocation: PluginInvocation, api: ExecuteApi): Table {
  const { input, span } = invocation;
  const { id, time, timeType, start, end, fixed, dimArgs, dims } = activityArguments(
    invocation,
    api,
    'session_count',
    'IdColumn, TimelineColumn, Start, End, Bin, LookBackWindow [, dim1, ...]',
    6,
  );
  const bin = stepOf(fixed[4]!, api, span);
  const lookBack = stepOf(fixed[5]!, api, span);
  if (!(Number(bin) > 0))
    throw new EngineError('KQL_PLUGIN_ARGS', 'session_count: the Bin must be greater than zero.', span);
  const empty = () =>
    windowTable(invocation, api, { timeType, dimArgs }, { windows: [], dims: [] }, [
      { name: 'count_sessions', type: 'long', values: [] },
    ]);
  if (start === null || end === null || end < start) return empty();
  const lastWindow = windowIndex(end, start, bin);
  api.reserveRows('session_count', lastWindow + 1, 2 + dims.length, span);

  // Appearances per (dimensions, id).
  const series = new Map<string, { group: string; times: Time[] }>();
  const groups = new Map<string, { dims: unknown[]; counts: number[] }>();
  for (let row = 0; row < input.length; row++) {
    if ((row & 4095) === 4095) api.check(span);
    const t = time(row) as Time | null;
    const who = id(row);
    if (t === null || t === undefined || t > end || who === null || who === undefined) continue;
    const dimValues = dims.map((dim) => dim(row));
    const group = dimValues.map(valueKey).join('\u0001');
    const key = `${group}\u0002${valueKey(who)}`;
    let entry = series.get(key);
    if (!entry) series.set(key, (entry = { group, times: [] }));
    entry.times.push(t);
    if (t >= start && !groups.has(group))
      groups.set(group, { dims: dimValues, counts: new Array<number>(lastWindow + 1).fill(0) });
  }
  if (groups.size === 0 && dims.length === 0)
    groups.set('', { dims: [], counts: new Array<number>(lastWindow + 1).fill(0) });

  for (const { group, times } of series.values()) {
    api.check(span);
    const counts = groups.get(group)?.counts;
    if (!counts) continue;
    times.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    let session = 0;
    let countedWindow = -1;
    let countedSession = -1;
    times.forEach((t, i) => {
      if (i > 0 && difference(t, times[i - 1]!) > lookBack) session++;
      if (t < start) return;
      const window = windowIndex(t, start, bin);
      if (window === countedWindow && session === countedSession) return;
      counts[window]!++;
      countedWindow = window;
      countedSession = session;
    });
  }

  const out = { windows: [] as Time[], dims: [] as unknown[][], counts: [] as number[] };
  for (const group of groups.values()) {
    for (let w = 0; w <= lastWindow; w++) {
      out.windows.push(typeof start === 'bigint' ? start + BigInt(bin) * BigInt(w) : start + Number(bin) * w);
      out.dims.push(group.dims);
      out.counts.push(group.counts[w]!);
    }
  }
  return windowTable(invocation, api, { timeType, dimArgs }, out, [
    { name: 'count_sessions', type: 'long', values: out.counts },
  ]);
}
