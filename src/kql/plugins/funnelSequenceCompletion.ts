/**
 * `funnel_sequence_completion(IdColumn, TimelineColumn, Start, End, BinSize, StateColumn, Sequence,
 * MaxSequenceStepWindows)`: per BinSize window from Start to End (aligned to Start) and per maximal step window of
 * MaxSequenceStepWindows (`Period`), how many distinct ids completed each step of Sequence: an id completes step k
 * when, from an event of the first state inside the window, it has events of the next states in order, each at most
 * Period after the one before. One row per window, step window and state (the state's step count in `dcount`).
 */
import { valueKey } from '../compare';
import { EngineError } from '../errors';
import type { ExecuteApi } from '../executeApi';
import { arrayOf, toStringValue } from '../functions/helpers';
import type { Table } from '../table';
import type { KustoType } from '../types';
import type { PluginInvocation } from './index';
import { tableOf } from './tables';
import { stepOf } from './timeline';
import { parseTimespan } from '../values';

type Time = bigint | number;

const add = (t: Time, d: Time, times = 1): Time =>
  typeof t === 'bigint' ? t + BigInt(d) * BigInt(times) : t + Number(d) * times;

/** How many steps of the sequence an id reaches from the given start, each step within `period` of the one before. */
function depthFrom(
  events: readonly { t: Time; step: number }[],
  from: number,
  period: Time,
  steps: number,
): number {
  let best = 1;
  const search = (index: number, depth: number) => {
    if (depth > best) best = depth;
    if (depth === steps || best === steps) return;
    const limit = add(events[index]!.t, period);
    for (let next = index + 1; next < events.length; next++) {
      const event = events[next]!;
      if (event.t > limit) break;
      if (event.step === depth) search(next, depth + 1);
    }
  };
  search(from, 1);
  return best;
}

export function funnelSequenceCompletion(
  { input, args, span, schema }: PluginInvocation,
  api: ExecuteApi,
): Table {
  if (args.length < 8)
    throw new EngineError(
      'KQL_PLUGIN_ARGS',
      'funnel_sequence_completion expects (IdColumn, TimelineColumn, Start, End, BinSize, StateColumn, Sequence, MaxSequenceStepWindows).',
      span,
    );
  const id = api.compile(args[0]!, input);
  const time = api.compile(args[1]!, input);
  const start = api.constant(args[2]!) as Time | null;
  const end = api.constant(args[3]!) as Time | null;
  const bin = stepOf(args[4]!, api, span);
  const state = api.compile(args[5]!, input);
  const sequence = arrayOf(api.constant(args[6]!))?.map((s) => toStringValue(s)) ?? [];
  const temporal = ['datetime', 'timespan'].includes(api.typeOf(args[1]!));
  // Timespans inside a dynamic array arrive as text (`1.00:00:00`): read them back as ticks.
  const periods = (arrayOf(api.constant(args[7]!)) ?? []).flatMap((p): Time[] => {
    if (typeof p === 'string') {
      const ticks = parseTimespan(p);
      return ticks === null ? [] : [ticks];
    }
    if (typeof p === 'bigint') return [p];
    // A number over a datetime timeline is a count of ticks.
    if (typeof p === 'number') return [temporal ? BigInt(Math.trunc(p)) : p];
    return [];
  });
  if (sequence.length === 0 || periods.length === 0)
    throw new EngineError(
      'KQL_PLUGIN_ARGS',
      'funnel_sequence_completion: Sequence and the step windows must not be empty.',
      span,
    );
  const timeType = api.typeOf(args[1]!);
  const byId = new Map<string, { t: Time; step: number }[]>();
  if (start !== null && end !== null)
    for (let row = 0; row < input.length; row++) {
      if ((row & 4095) === 4095) api.check(span);
      const t = time(row) as Time | null;
      const step = sequence.indexOf(toStringValue(state(row)));
      if (t === null || t === undefined || step < 0 || t < start) continue;
      const key = valueKey(id(row));
      let events = byId.get(key);
      if (!events) byId.set(key, (events = []));
      events.push({ t, step });
    }
  for (const events of byId.values()) events.sort((a, b) => (a.t < b.t ? -1 : a.t > b.t ? 1 : 0));
  const out = { bins: [] as Time[], states: [] as string[], periods: [] as Time[], counts: [] as number[] };
  if (start !== null && end !== null) {
    for (let b = 0; add(start, bin, b) <= end; b++) {
      const binStart = add(start, bin, b);
      const binEnd = add(start, bin, b + 1);
      for (const period of periods) {
        const reached = sequence.map(() => 0);
        for (const events of byId.values()) {
          let depth = 0;
          events.forEach((event, index) => {
            if (event.step === 0 && event.t >= binStart && event.t < binEnd && event.t <= end)
              depth = Math.max(depth, depthFrom(events, index, period, sequence.length));
          });
          for (let k = 0; k < depth; k++) reached[k]!++;
        }
        reached.forEach((n, k) => {
          out.bins.push(binStart);
          out.states.push(sequence[k]!);
          out.periods.push(period);
          out.counts.push(n);
        });
      }
      api.check(span);
    }
  }
  // One row per window, step window and state, as Kusto.Language's schema has it: timeline, state, Period, dcount.
  const names = schema?.map((c) => c.name) ?? [];
  const periodType: KustoType = timeType === 'datetime' ? 'timespan' : timeType;
  return tableOf([
    { name: names[0] ?? 'Timestamp', type: timeType, values: out.bins },
    { name: names[1] ?? 'State', type: api.typeOf(args[5]!), values: out.states },
    { name: names[2] ?? 'Period', type: periodType, values: out.periods },
    { name: names[3] ?? 'dcount', type: 'long', values: out.counts },
  ]);
}
