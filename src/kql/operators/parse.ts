/**
 * `parse` and `parse-where`: extracts columns from a string by a pattern (`kind=simple|relaxed|regex`, `flags=`).
 */
import { unsupported } from '../errors';
import type { ExecuteApi } from '../executeApi';
import { convertTo, regex, toStringValue } from '../functions/helpers';
import { typeOfExpr } from '../kernel/compile';
import { gather, makeTable } from '../kernel/tables';
import type { ParsePart, Tabular } from '../plan';
import { escapeRegex } from '../regex';
import type { Column, Table } from '../table';
import type { TranslateApi } from '../translateApi';
import type { OperatorSite, PlanOf } from './operator';

export function translate(site: OperatorSite, api: TranslateApi): Tabular {
  return translateParse(site, api, false);
}

export function translateWhere(site: OperatorSite, api: TranslateApi): Tabular {
  return translateParse(site, api, true);
}

function translateParse(site: OperatorSite, api: TranslateApi, keepOnlyMatches: boolean): Tabular {
  const { node, scope, schema } = site;
  const input = site.need();
  const parameters = api.parameters(node.Parameters);
  const modeText = parameters.get('kind')?.text.toLowerCase() ?? 'simple';
  const mode = modeText === 'regex' ? 'regex' : modeText === 'relaxed' ? 'relaxed' : 'simple';
  const flags = parameters.get('flags')?.text ?? '';
  const parts: ParsePart[] = [];
  for (const pattern of api.elements(node.Patterns)) {
    const patternKind = api.kind(pattern);
    if (patternKind === 'StarExpression') parts.push({ kind: 'wildcard' });
    else if (patternKind === 'NameAndTypeDeclaration') {
      parts.push({ kind: 'column', name: pattern.Name.SimpleName, type: api.typeName(pattern.Type) });
    } else if (patternKind === 'NameDeclaration') {
      parts.push({ kind: 'column', name: pattern.SimpleName, type: 'string' });
    } else if (pattern.IsLiteral || /LiteralExpression$/.test(patternKind)) {
      parts.push({ kind: 'text', text: String(pattern.LiteralValue ?? '') });
    } else {
      const resolved = api.scalar(pattern, scope, undefined);
      if (resolved.kind !== 'literal')
        throw unsupported(`parse pattern '${api.text(pattern)}'`, api.span(pattern));
      parts.push({ kind: 'text', text: String(resolved.value) });
    }
  }
  return {
    op: 'parse',
    input,
    source: api.scalar(node.Expression, scope, input.schema ?? []),
    mode,
    parts,
    flags,
    keepOnlyMatches,
    schema,
    span: api.span(node),
  };
}

export function execute(plan: PlanOf<'parse'>, api: ExecuteApi): Table {
  const input = api.run(plan.input);
  const source = api.compile(plan.source, input);
  const columnParts = plan.parts.filter(
    (p): p is Extract<ParsePart, { kind: 'column' }> => p.kind === 'column',
  );
  let pattern = '';
  let groupIndex = 0;
  // flags=U makes RE2 swap greedy and lazy quantifiers; the engine's own parts keep their meaning under it: `greedy`
  // and `lazy` are the suffixes that give a quantifier that meaning whatever the flags.
  const swapped = plan.mode === 'regex' && plan.flags.includes('U');
  const greedy = swapped ? '?' : '';
  const lazy = swapped ? '' : '?';
  const integer = `[-+]?${greedy}\\d+${greedy}`;
  const real = `[-+]?${greedy}\\d*${greedy}\\.?${greedy}\\d+${greedy}(?:[eE][-+]?${greedy}\\d+${greedy})?${greedy}`;
  plan.parts.forEach((part, index) => {
    const next = plan.parts[index + 1];
    if (part.kind === 'text') pattern += plan.mode === 'regex' ? part.text : escapeRegex(part.text);
    else if (part.kind === 'wildcard') pattern += `(?:.*${lazy})`;
    else {
      const last = !next || (next.kind !== 'text' && index === plan.parts.length - 1);
      let group: string;
      if (plan.mode === 'regex' && (part.type === 'long' || part.type === 'int')) group = integer;
      else if (plan.mode === 'regex' && (part.type === 'real' || part.type === 'decimal')) group = real;
      // In regex mode a string column is greedy unless flags=U (the documentation's examples show it); in simple
      // and relaxed mode every column stops at the next text part and is converted afterwards.
      else if (plan.mode === 'regex') group = '.*';
      else if (part.type === 'long' || part.type === 'int') group = last ? `${integer}|.*` : `${integer}|.*?`;
      else if (part.type === 'real' || part.type === 'decimal') group = `${real}|${last ? '.*' : '.*?'}`;
      else group = last ? '.*' : '.*?';
      pattern += `(?<c${groupIndex++}>${group})`;
    }
  });
  const compiled = plan.mode === 'regex' ? regex(pattern, plan.flags) : regex(`^${pattern}`, 's');
  const extracted: unknown[][] = columnParts.map(() => []);
  const rows: number[] = [];
  for (let row = 0; row < input.length; row++) {
    if ((row & 1023) === 1023) api.check(plan.span);
    const text = toStringValue(source(row), typeOfExpr(plan.source));
    let match = compiled.exec(text);
    if (match && plan.mode === 'simple') {
      // simple mode: the whole pattern must match the text from its start; a trailing text part anchors the end.
      const lastPart = plan.parts[plan.parts.length - 1];
      if (lastPart?.kind === 'text' && !text.slice(0, match.end).endsWith(lastPart.text)) match = null;
    }
    let ok = !!match;
    const values = columnParts.map((part, k) => {
      if (!match) return part.type === 'string' ? '' : null;
      const raw = match.named[`c${k}`];
      if (raw === undefined) return part.type === 'string' ? '' : null;
      const converted = part.type === 'string' ? raw : convertTo(raw, part.type, 'string');
      if (converted === null && part.type !== 'string' && plan.mode !== 'relaxed') ok = false;
      return converted;
    });
    if (plan.keepOnlyMatches && !ok) continue;
    if (!ok && plan.mode !== 'relaxed') {
      values.forEach((_, k) => (values[k] = columnParts[k]!.type === 'string' ? '' : null));
    }
    rows.push(row);
    values.forEach((v, k) => extracted[k]!.push(v));
  }
  const base = plan.keepOnlyMatches ? gather(input, rows) : input;
  const columns = base.columns.slice();
  columnParts.forEach((part, k) => {
    const column: Column = { name: part.name, type: part.type, values: extracted[k]! };
    const index = columns.findIndex((c) => c.name === part.name);
    if (index >= 0) columns[index] = column;
    else columns.push(column);
  });
  return makeTable(columns, base.length);
}
