/**
 * `parse-kv`: extracts the listed keys from key-value text (delimiters, quotes, greedy values, or `regex=`).
 */
import type { ExecuteApi } from '../executeApi';
import { convertTo, regex, toStringValue } from '../functions/helpers';
import { makeTable } from '../kernel/tables';
import type { Tabular } from '../plan';
import { escapeRegex } from '../regex';
import type { Column, Table } from '../table';
import type { TranslateApi } from '../translateApi';
import type { OperatorSite, PlanOf } from './operator';

export function translate(site: OperatorSite, api: TranslateApi): Tabular {
  const { node, scope, schema, span, inputSchema, need } = site;
  const keys = api.elements(node.Keys.Columns).map((column) => ({
    name: column.Name.SimpleName as string,
    type: api.typeName(column.Type),
  }));
  const options: Record<string, string> = {};
  if (node.WithClause) {
    for (const parameter of api.elements(node.WithClause.Properties)) {
      if (api.kind(parameter) !== 'NamedParameter') continue;
      const value = parameter.Expression;
      options[(parameter.Name.SimpleName as string).toLowerCase()] = String(
        value.IsLiteral ? value.LiteralValue : api.text(value).trim(),
      );
    }
  }
  return {
    op: 'parsekv',
    input: need(),
    source: api.scalar(node.Expression, scope, inputSchema),
    keys,
    options,
    schema,
    span,
  };
}

export function execute(plan: PlanOf<'parsekv'>, api: ExecuteApi): Table {
  const input = api.run(plan.input);
  const source = api.compile(plan.source, input);
  const extracted = plan.keys.map(() => new Array<unknown>(input.length));
  for (let row = 0; row < input.length; row++) {
    if ((row & 1023) === 1023) api.check(plan.span);
    const pairs = parseKeyValues(
      toStringValue(source(row)),
      plan.options,
      plan.keys.map((k) => k.name),
    );
    plan.keys.forEach((key, k) => {
      const raw = pairs.get(key.name);
      extracted[k]![row] =
        raw === undefined ? (key.type === 'string' ? '' : null) : convertTo(raw, key.type, 'string');
    });
  }
  const columns = input.columns.slice();
  plan.keys.forEach((key, k) => {
    const column: Column = { name: key.name, type: key.type, values: extracted[k]! };
    const index = columns.findIndex((c) => c.name === key.name);
    if (index >= 0) columns[index] = column;
    else columns.push(column);
  });
  return makeTable(columns, input.length);
}

function readQuoted(
  text: string,
  start: number,
  quote: string,
  escape: string | undefined,
): [string, number] {
  const close = quote.length > 1 ? quote[1]! : quote;
  let value = '';
  let i = start + 1;
  while (i < text.length && text[i] !== close) {
    if (escape && text[i] === escape && i + 1 < text.length) i++;
    value += text[i];
    i++;
  }
  return [value, i + 1];
}

function parseKeyValues(
  text: string,
  options: Readonly<Record<string, string>>,
  keys: readonly string[],
): Map<string, string> {
  const result = new Map<string, string>();
  const quote = options['quote'];
  const escape = options['escape'];
  if (options['regex']) {
    for (const { groups } of regex(options['regex']).matchAll(text)) {
      if (groups[1] !== undefined && !result.has(groups[1].trim()))
        result.set(groups[1].trim(), (groups[2] ?? '').trim());
    }
    return result;
  }
  const pairDelimiter = options['pair_delimiter'];
  const kvDelimiter = options['kv_delimiter'];
  if (!pairDelimiter || !kvDelimiter) {
    // Known keys: each key is followed by ':' or '=', its value runs to the next ',' or ';' (or is quoted).
    for (const key of keys) {
      const match = regex(`(?:^|[^\\w])${escapeRegex(key)}\\s*[:=]\\s*`).exec(text);
      if (!match) continue;
      const start = match.end;
      if (quote && quote.includes(text[start] ?? '\u0000')) {
        result.set(key, readQuoted(text, start, quote, escape)[0]);
      } else {
        result.set(key, /^[^,;]*/.exec(text.slice(start))![0].trim());
      }
    }
    return result;
  }
  const greedy = options['greedy'] === 'true' || options['greedy'] === 'True';
  let i = 0;
  while (i < text.length) {
    while (text.startsWith(pairDelimiter, i) || text[i] === ' ')
      i += text.startsWith(pairDelimiter, i) ? pairDelimiter.length : 1;
    let key: string;
    if (quote && quote.includes(text[i] ?? '\u0000')) {
      [key, i] = readQuoted(text, i, quote, escape);
    } else {
      const end = text.indexOf(kvDelimiter, i);
      if (end < 0) break;
      key = text.slice(i, end);
      i = end;
    }
    if (!text.startsWith(kvDelimiter, i)) break;
    i += kvDelimiter.length;
    let value: string;
    if (quote && quote.includes(text[i] ?? '\u0000')) {
      [value, i] = readQuoted(text, i, quote, escape);
    } else if (greedy) {
      // The value runs until the next pair that holds a key-value delimiter.
      let end = text.length;
      let search = text.indexOf(pairDelimiter, i);
      while (search >= 0) {
        const next = text.indexOf(pairDelimiter, search + pairDelimiter.length);
        const segment = text.slice(search + pairDelimiter.length, next < 0 ? text.length : next);
        if (segment.includes(kvDelimiter)) {
          end = search;
          break;
        }
        search = next;
      }
      value = text.slice(i, end);
      i = end;
    } else {
      const end = text.indexOf(pairDelimiter, i);
      value = text.slice(i, end < 0 ? text.length : end);
      i = end < 0 ? text.length : end;
      if (!greedy && end >= 0) {
        // Skip the rest of a non-greedy value up to the next key-value pair.
        let next = end;
        while (next >= 0) {
          const after = text.indexOf(pairDelimiter, next + pairDelimiter.length);
          const segment = text.slice(next + pairDelimiter.length, after < 0 ? text.length : after);
          if (segment.includes(kvDelimiter) || (quote && quote.includes(segment[0] ?? '\u0000'))) break;
          next = after;
        }
        i = next < 0 ? text.length : next;
      }
    }
    const trimmedKey = key.trim();
    if (!result.has(trimmedKey)) result.set(trimmedKey, value.trim());
  }
  return result;
}
