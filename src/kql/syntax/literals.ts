/** Literals of the query text as plan values: numbers, datetimes, timespans, guids and dynamic constants. */
import { EngineError } from '../errors';
import { literal, type Expr } from '../plan';
import type { KustoType } from '../types';
import { formatDatetime, formatTimespan, parseDatetime, parseTimespan } from '../values';
import { syntaxKindName, scalarTypeName, type KNode } from './kusto';

const spanOf = (node: KNode) => ({
  start: node.TextStart as number,
  length: Math.max(1, node.Width as number),
});

function elements(list: KNode): KNode[] {
  if (!list) return [];
  const result: KNode[] = [];
  for (let i = 0; i < list.ChildCount; i++) {
    const child = list.GetChild(i);
    if (!child) continue;
    result.push(syntaxKindName(child) === 'SeparatedElement' ? child.Element : child);
  }
  return result;
}

function typeOf(node: KNode): KustoType {
  return scalarTypeName(node?.ResultType) ?? 'dynamic';
}

/** A literal written in the query, of the type the analyzer gave it (`text` is its source text). */
export function literalExpr(node: KNode, type: KustoType, source: string): Expr {
  const text = source.trim();
  const inner = /^[a-z]+\s*\(([\s\S]*)\)$/i.exec(text)?.[1]?.trim();
  if (inner !== undefined && inner.toLowerCase() === 'null') return literal(type, null);
  switch (type) {
    case 'string':
      return literal('string', String(node.LiteralValue ?? ''));
    case 'bool':
      return literal('bool', /true/i.test(inner ?? text));
    case 'long':
    case 'int':
    case 'real':
    case 'decimal': {
      const source = inner ?? text;
      const value = /^[-+]?0x/i.test(source) ? Number.parseInt(source, 16) : Number(source);
      if (Number.isNaN(value) && !/nan/i.test(source)) {
        const fromValue = Number(String(node.LiteralValue));
        return literal(type, Number.isNaN(fromValue) ? null : fromValue);
      }
      if (type === 'long' && Math.abs(value) > Number.MAX_SAFE_INTEGER && !holdsExactly(source, value)) {
        throw new EngineError(
          'KQL_LONG_RANGE',
          `The long ${source} is beyond 2^53, which this engine cannot hold exactly (a documented limit).`,
          spanOf(node),
        );
      }
      return literal(type, value);
    }
    case 'datetime': {
      const value = parseDatetime(commaDatetimeToIso(inner ?? text));
      if (value === null)
        throw new EngineError('KQL_BAD_LITERAL', `Cannot read the datetime '${text}'.`, spanOf(node));
      return literal('datetime', value);
    }
    case 'timespan': {
      const value = parseTimespan(inner ?? text);
      if (value === null)
        throw new EngineError('KQL_BAD_LITERAL', `Cannot read the timespan '${text}'.`, spanOf(node));
      return literal('timespan', value);
    }
    case 'guid':
      return literal('guid', (inner ?? text).toLowerCase());
    default:
      return literal(type, node.LiteralValue ?? null);
  }
}

/** The JSON value of a `dynamic(...)` literal. */
export function dynamicLiteral(node: KNode, textOf: (node: KNode) => string): unknown {
  const nodeKind = syntaxKindName(node);
  switch (nodeKind) {
    case 'JsonArrayExpression':
      return elements(node.Values).map((value) => dynamicLiteral(value, textOf));
    case 'JsonObjectExpression': {
      const result: Record<string, unknown> = {};
      for (const pair of elements(node.Pairs))
        result[String(pair.Name.ValueText ?? pair.Name.Value ?? pair.Name.Text).replace(/^"|"$/g, '')] =
          dynamicLiteral(pair.Value, textOf);
      return result;
    }
    case 'NullLiteralExpression':
      return null;
    case 'DynamicExpression':
      return dynamicLiteral(node.Expression, textOf);
    case 'UnaryMinusExpression': {
      const value = dynamicLiteral(node.Expression, textOf);
      return typeof value === 'number' ? -value : value;
    }
    default: {
      const expr = literalExpr(node, typeOf(node), textOf(node));
      if (expr.kind !== 'literal') return null;
      if (typeof expr.value === 'bigint') {
        return typeOf(node) === 'timespan' ? formatTimespan(expr.value) : formatDatetime(expr.value);
      }
      return expr.value;
    }
  }
}

/** The literal form `datetime(2025, 6, 14[, h, m, s])`: year, month, day and optional time parts, comma separated. */
function commaDatetimeToIso(text: string): string {
  const parts =
    /^\s*(\d{4})\s*,\s*(\d{1,2})\s*,\s*(\d{1,2})(?:\s*,\s*(\d{1,2})(?:\s*,\s*(\d{1,2})(?:\s*,\s*(\d{1,2}(?:\.\d+)?))?)?)?\s*$/.exec(
      text,
    );
  if (!parts) return text;
  const [, year, month, day, hour, minute, second] = parts;
  const two = (part: string | undefined) => (part ?? '0').padStart(2, '0');
  const [whole, fraction] = (second ?? '0').split('.');
  return `${year}-${two(month)}-${two(day)}T${two(hour)}:${two(minute)}:${two(whole)}${fraction ? `.${fraction}` : ''}Z`;
}

/** Whether the double read from an integer literal is that integer exactly (true of 1546300800000000000, not 2^53+1). */
function holdsExactly(source: string, value: number): boolean {
  if (!Number.isInteger(value)) return false;
  const digits = source.replace(/^\+/, '');
  if (!/^-?(?:\d+|0x[0-9a-f]+)$/i.test(digits)) return false;
  const negative = digits.startsWith('-');
  const exact = BigInt(negative ? digits.slice(1) : digits);
  return BigInt(value) === (negative ? -exact : exact);
}
