/**
 * `funnel_sequence(IdColumn, TimelineColumn, Start, End, MaxSequenceStepWindow, Step, StateColumn, Sequence)`: the
 * distinct ids that took the Sequence of states, and what came just before (`prev`) and just after (`next`) it, in
 * three result tables for a sankey diagram: prev-sequence-next, prev-sequence and sequence-next, each with per
 * analysis window (Step, aligned to Start) the distinct count of ids (`dcount`) and up to 128 of them (`samples`),
 * largest count first.
 *
 * An id takes the sequence where its events (in time order, Start <= t <= End) have the sequence's states one after
 * another, each at most MaxSequenceStepWindow after the one before; the window of the first step is the row's window.
 * `prev` is the state of the id's event just before the sequence and `next` the one just after, when that event is
 * within MaxSequenceStepWindow of the sequence (the same bound as between steps); otherwise it is empty (`""`, or
 * null for a state column that is not a string), as the documentation says of ids with no event before or after.
 */
import { valueKey } from '../compare';
import { EngineError } from '../errors';
import type { ExecuteApi } from '../executeApi';
import { arrayOf, toDynamic, toStringValue } from '../functions/helpers';
import type { Table } from '../table';
import type { KustoType } from '../types';
import type { PluginInvocation } from './index';
import { tableOf } from './tables';
import { activityArguments, stepOf, windowOf } from './timeline';

type Time = bigint | number;

/** The three tables, in Kusto's order, by the names the documentation gives them. */
export const FUNNEL_SEQUENCE_TABLES = ['prev-sequence-next', 'prev-sequence', 'sequence-next'] as const;
export type FunnelSequenceTable = (typeof FUNNEL_SEQUENCE_TABLES)[number];

const MAX_SAMPLES = 128;

interface Transition {
  readonly window: Time;
  readonly prev: unknown;
  readonly next: unknown;
  readonly id: unknown;
}

const gap = (later: Time, earlier: Time): Time =>
  typeof later === 'bigint' ? later - BigInt(earlier) : later - Number(earlier);

/** The plug-in of one of the three tables (each runs over the same shared input). */
export function funnelSequence(table: FunnelSequenceTable) {
  return (invocation: PluginInvocation, api: ExecuteApi): Table => {
    const { transitions, timeType, stateType, names } = transitionsOf(invocation, api);
    const [timeName, prevName, nextName, countName, samplesName] = names;
    const keyed = (t: Transition): unknown[] =>
      table === 'prev-sequence-next' ? [t.prev, t.next] : table === 'prev-sequence' ? [t.prev] : [t.next];
    const groups = new Map<string, { window: Time; keys: unknown[]; ids: Map<string, unknown> }>();
    for (const transition of transitions) {
      const keys = keyed(transition);
      const groupKey = [transition.window, ...keys].map(valueKey).join('\u0001');
      let group = groups.get(groupKey);
      if (!group) groups.set(groupKey, (group = { window: transition.window, keys, ids: new Map() }));
      group.ids.set(valueKey(transition.id), transition.id);
    }
    // Largest count first, as the documentation's tables are; ties keep the order of first appearance.
    const rows = [...groups.values()].sort((a, b) => b.ids.size - a.ids.size);
    const keyNames =
      table === 'prev-sequence-next'
        ? [prevName, nextName]
        : table === 'prev-sequence'
          ? [prevName]
          : [nextName];
    return tableOf([
      { name: timeName, type: timeType, values: rows.map((row) => row.window) },
      ...keyNames.map((name, k) => ({
        name,
        type: stateType,
        values: rows.map((row) => row.keys[k]),
      })),
      { name: countName, type: 'long' as KustoType, values: rows.map((row) => row.ids.size) },
      {
        name: samplesName,
        type: 'dynamic' as KustoType,
        values: rows.map((row) => [...row.ids.values()].slice(0, MAX_SAMPLES)),
      },
    ]);
  };
}

function transitionsOf(invocation: PluginInvocation, api: ExecuteApi) {
  const { input, span, schema } = invocation;
  const { id, time, timeType, start, end, fixed } = activityArguments(
    invocation,
    api,
    'funnel_sequence',
    'IdColumn, TimelineColumn, Start, End, MaxSequenceStepWindow, Step, StateColumn, Sequence',
    8,
  );
  const idType = api.typeOf(fixed[0]!);
  const state = api.compile(fixed[6]!, input);
  const maxStep = stepOf(fixed[4]!, api, span);
  const step = stepOf(fixed[5]!, api, span);
  const stateType = api.typeOf(fixed[6]!);
  const sequence = (arrayOf(api.constant(fixed[7]!)) ?? []).map((value) => toStringValue(value));
  if (sequence.length === 0)
    throw new EngineError('KQL_PLUGIN_ARGS', 'funnel_sequence: the Sequence must not be empty.', span);
  if (!(Number(step) > 0))
    throw new EngineError('KQL_PLUGIN_ARGS', 'funnel_sequence: the Step must be greater than zero.', span);
  const names = [0, 1, 2, 3, 4].map(
    (i) => schema?.[i]?.name ?? ['Timeline', 'prev', 'next', 'dcount', 'samples'][i]!,
  ) as [string, string, string, string, string];
  const none = stateType === 'string' ? '' : null;
  const transitions: Transition[] = [];
  if (start === null || end === null) return { transitions, timeType, stateType, names };

  // Each id's events within the period, in time order (rows of the same time keep their order).
  const byId = new Map<string, { id: unknown; events: { t: Time; state: unknown; text: string }[] }>();
  for (let row = 0; row < input.length; row++) {
    if ((row & 4095) === 4095) api.check(span);
    const t = time(row) as Time | null;
    if (t === null || t === undefined || t < start || t > end) continue;
    const who = id(row);
    const key = valueKey(who);
    let entry = byId.get(key);
    if (!entry) byId.set(key, (entry = { id: toDynamic(who, idType), events: [] }));
    const value = state(row);
    entry.events.push({ t, state: value, text: toStringValue(value, stateType) });
  }
  const last = sequence.length - 1;
  for (const { id: who, events } of byId.values()) {
    api.check(span);
    events.sort((a, b) => (a.t < b.t ? -1 : a.t > b.t ? 1 : 0));
    for (let first = 0; first + last < events.length; first++) {
      let matched = true;
      for (let k = 0; k <= last && matched; k++) {
        const event = events[first + k]!;
        matched =
          event.text === sequence[k] && (k === 0 || gap(event.t, events[first + k - 1]!.t) <= maxStep);
      }
      if (!matched) continue;
      const before = events[first - 1];
      const after = events[first + last + 1];
      transitions.push({
        window: windowOf(events[first]!.t, step, start),
        prev: before && gap(events[first]!.t, before.t) <= maxStep ? before.state : none,
        next: after && gap(after.t, events[first + last]!.t) <= maxStep ? after.state : none,
        id: who,
      });
    }
  }
  return { transitions, timeType, stateType, names };
}
