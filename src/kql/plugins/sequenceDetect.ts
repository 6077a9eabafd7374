/**
 * `sequence_detect(TimelineColumn, MaxSequenceStepWindow, MaxSequenceSpan, Expr1, Expr2, ... [, Dim1, ...])`: every
 * occurrence of the steps in order within one combination of dimensions: rows r1, r2, ... (in time order, each later
 * than the one before) where row k satisfies Expr k, each step at most MaxSequenceStepWindow after the previous one and
 * the last at most MaxSequenceSpan after the first. As the documentation's example shows, one step can take part in
 * several occurrences (one heat event followed by two wildfires gives two rows). Output: the dimensions, the time of
 * each step, and Duration (last step minus first).
 */
import { valueKey } from '../compare';
import { EngineError } from '../errors';
import type { ExecuteApi } from '../executeApi';
import type { Table } from '../table';
import type { KustoType } from '../types';
import type { PluginInvocation } from './index';
import { tableOf } from './tables';

type Time = bigint | number;

const difference = (a: Time, b: Time): Time => (typeof a === 'bigint' ? a - BigInt(b) : a - Number(b));

export function sequenceDetect({ input, args, span, schema }: PluginInvocation, api: ExecuteApi): Table {
  // Steps are the boolean arguments after the three fixed ones; the rest are dimensions.
  const rest = args.slice(3);
  const stepArgs = rest.filter((arg) => api.typeOf(arg) === 'bool');
  const dimArgs = rest.filter((arg) => api.typeOf(arg) !== 'bool');
  if (args.length < 4 || stepArgs.length === 0)
    throw new EngineError(
      'KQL_PLUGIN_ARGS',
      'sequence_detect expects (TimelineColumn, MaxSequenceStepWindow, MaxSequenceSpan, Expr1, ... [, Dim1, ...]).',
      span,
    );
  const time = api.compile(args[0]!, input);
  const stepWindow = api.constant(args[1]!) as Time;
  const maxSpan = api.constant(args[2]!) as Time;
  const steps = stepArgs.map((arg) => api.compile(arg, input));
  const dims = dimArgs.map((arg) => api.compile(arg, input));
  const groups = new Map<string, { dims: unknown[]; rows: { t: Time; steps: boolean[] }[] }>();
  for (let row = 0; row < input.length; row++) {
    if ((row & 4095) === 4095) api.check(span);
    const t = time(row) as Time | null;
    if (t === null || t === undefined) continue;
    const matched = steps.map((step) => step(row) === true);
    if (!matched.some(Boolean)) continue;
    const dimValues = dims.map((dim) => dim(row));
    const key = dimValues.map(valueKey).join('\u0001');
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { dims: dimValues, rows: [] }));
    group.rows.push({ t, steps: matched });
  }
  const found: { dims: unknown[]; times: Time[] }[] = [];
  for (const group of groups.values()) {
    const rows = group.rows.sort((a, b) => (a.t < b.t ? -1 : a.t > b.t ? 1 : 0));
    const extend = (times: Time[], from: number) => {
      if (times.length === steps.length) {
        api.reserveRows('sequence_detect', found.length + 1, steps.length + dims.length + 1, span);
        found.push({ dims: group.dims, times });
        return;
      }
      const previous = times[times.length - 1]!;
      for (let i = from; i < rows.length; i++) {
        const candidate = rows[i]!;
        if (difference(candidate.t, previous) > stepWindow) break;
        if (difference(candidate.t, times[0]!) > maxSpan) break;
        if (candidate.steps[times.length]) extend([...times, candidate.t], i + 1);
      }
    };
    rows.forEach((row, i) => {
      if (row.steps[0]) extend([row.t], i + 1);
    });
    api.check(span);
  }
  const names = schema?.map((c) => c.name) ?? [];
  const timeType = api.typeOf(args[0]!);
  const durationType: KustoType = timeType === 'datetime' ? 'timespan' : timeType;
  return tableOf([
    ...dimArgs.map((dim, k) => ({
      name: names[k] ?? `Dim${k + 1}`,
      type: api.typeOf(dim),
      values: found.map((f) => f.dims[k]),
    })),
    ...stepArgs.map((_, k) => ({
      name: names[dims.length + k] ?? `Expr${k + 1}_Timeline`,
      type: timeType,
      values: found.map((f) => f.times[k]),
    })),
    {
      name: names[dims.length + steps.length] ?? 'Duration',
      type: durationType,
      values: found.map((f) => difference(f.times[f.times.length - 1]!, f.times[0]!)),
    },
  ]);
}
