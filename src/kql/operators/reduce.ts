/**
 * `reduce by Expr [with threshold=T, characters=C]`: groups strings by similarity, after the clustering of Vaarandi's
 * SLCT that Kusto's documentation names as its basis. Each value is cut into terms; a term (at its position) is
 * frequent when more than T of the rows hold it; a value's pattern keeps its frequent terms and writes `*` for each run
 * of other terms; a pattern that more than T of the rows share is a group (Pattern, Count, Representative: its first
 * value); the rest is one `others` group with an empty representative.
 *
 * Terms: whitespace separates terms and stays in the pattern as written; every separator character (those of
 * `characters`, by default every ASCII character that is not a letter or digit) begins a new term, so `fooZ1` with
 * `characters="Z"` is `foo` + `Z1` (pattern `foo*`) and `One -on- One` is `One`, `-on`, `-`, `One` (`* -on- *`), as in
 * the documentation's examples.
 */
import { EngineError, unsupported } from '../errors';
import type { ExecuteApi } from '../executeApi';
import { toStringValue } from '../functions/helpers';
import { acceptHintsOnly } from './hints';
import type { Tabular } from '../plan';
import type { Table } from '../table';
import type { TranslateApi } from '../translateApi';
import type { OperatorSite } from './operator';

type ReducePlan = Extract<Tabular, { op: 'reduce' }>;

const DEFAULT_THRESHOLD = 0.1;

export function translate(site: OperatorSite, api: TranslateApi): Tabular {
  const { node, scope, schema } = site;
  const input = site.need();
  const span = api.span(node);
  acceptHintsOnly(api, node.Parameters, 'reduce');
  let threshold = DEFAULT_THRESHOLD;
  let characters: string | undefined;
  if (node.With) {
    for (const parameter of api.elements(node.With.Parameters)) {
      const name = api.text(parameter.Name).trim().toLowerCase();
      const value = api.scalar(parameter.Expression, scope, undefined);
      if (value.kind !== 'literal') throw unsupported(`a computed reduce ${name}`, api.span(parameter));
      if (name === 'threshold') threshold = Number(value.value);
      else if (name === 'characters') characters = String(value.value ?? '');
      else throw unsupported(`reduce option '${name}'`, api.span(parameter));
    }
  }
  if (!(threshold >= 0 && threshold <= 1))
    throw new EngineError('KQL_REDUCE', 'reduce: the threshold must be between 0 and 1.', span);
  const expr = api.scalar(node.Expression, scope, input.schema ?? []);
  return { op: 'reduce', input, expr, threshold, characters, schema, span };
}

/** Splits a value into terms and the whitespace before each (kept to write the pattern). */
export function terms(
  value: string,
  isSeparator: (char: string) => boolean,
): { space: string; term: string }[] {
  const result: { space: string; term: string }[] = [];
  let space = '';
  let term = '';
  const push = () => {
    result.push({ space, term });
    space = '';
    term = '';
  };
  for (const char of value) {
    if (/\s/.test(char)) {
      if (term) push();
      space += char;
    } else if (isSeparator(char)) {
      if (term) push();
      term = char;
    } else term += char;
  }
  if (term) push();
  return result;
}

function separatorTest(characters: string | undefined): (char: string) => boolean {
  if (characters !== undefined) {
    const set = new Set(characters);
    return (char) => set.has(char);
  }
  return (char) => char.charCodeAt(0) < 128 && !/[A-Za-z0-9]/.test(char);
}

export function execute(plan: ReducePlan, api: ExecuteApi): Table {
  const input = api.run(plan.input);
  const valueOf = api.compile(plan.expr, input);
  const type = api.typeOf(plan.expr);
  const isSeparator = separatorTest(plan.characters);
  const n = input.length;
  const support = plan.threshold * n;
  const values: string[] = new Array<string>(n);
  const split: { space: string; term: string }[][] = new Array(n);
  const termCounts = new Map<string, number>();
  for (let row = 0; row < n; row++) {
    if ((row & 4095) === 4095) api.check(plan.span);
    const value = toStringValue(valueOf(row), type);
    values[row] = value;
    const parts = terms(value, isSeparator);
    split[row] = parts;
    parts.forEach((part, position) => {
      const key = `${position}\u0000${part.term}`;
      termCounts.set(key, (termCounts.get(key) ?? 0) + 1);
    });
  }
  const patterns = new Array<string>(n);
  const groups = new Map<string, { count: number; representative: string }>();
  for (let row = 0; row < n; row++) {
    let pattern = '';
    let frequentTerms = 0;
    let inWildcard = false;
    split[row]!.forEach((part, position) => {
      const frequent = termCounts.get(`${position}\u0000${part.term}`)! > support;
      if (frequent) {
        pattern += part.space + part.term;
        frequentTerms++;
        inWildcard = false;
      } else if (!inWildcard || part.space) {
        pattern += part.space + '*';
        inWildcard = true;
      }
    });
    // A value without a frequent term has no pattern of its own.
    patterns[row] = frequentTerms > 0 ? pattern : '';
    if (frequentTerms === 0) continue;
    const group = groups.get(pattern);
    if (group) group.count++;
    else groups.set(pattern, { count: 1, representative: values[row]! });
  }
  const out = { pattern: [] as string[], count: [] as number[], representative: [] as string[] };
  let others = 0;
  for (const [pattern, group] of groups) {
    if (group.count > support) {
      out.pattern.push(pattern);
      out.count.push(group.count);
      out.representative.push(group.representative);
    } else others += group.count;
  }
  others += patterns.filter((pattern) => pattern === '').length;
  if (others > 0) {
    out.pattern.push('others');
    out.count.push(others);
    out.representative.push('');
  }
  return {
    columns: [
      { name: 'Pattern', type: 'string', values: out.pattern },
      { name: 'Count', type: 'long', values: out.count },
      { name: 'Representative', type: 'string', values: out.representative },
    ],
    length: out.pattern.length,
  };
}
