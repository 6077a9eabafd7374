/**
 * Kusto's operators as compiled closures over their compiled operands: string predicates (has, contains...),
 * equality and comparison with Kusto's null rules, arithmetic on numbers, datetimes and timespans, in/has_any,
 * between, matches regex, dynamic indexing and pack_all.
 */
import { compareValues, valueKey, valuesEqual } from '../compare';
import { EngineError } from '../errors';
import type { RowFunction } from '../executeApi';
import { convertTo, indexDynamic, isNull, regex, toDynamic, toStringValue } from '../functions/helpers';
import { hasTerm, stringPredicate } from '../functions/stringPredicates';
import type { Expr } from '../plan';
import { RegexSyntaxError } from '../regex';
import { termMatcher } from '../termSearch';
import type { KustoType } from '../types';
import { regexError } from './errors';

type Compiled = RowFunction;

const COMPARISONS = new Set(['<', '<=', '>', '>=']);

/** The closure of an operator call, or undefined when `expr` names a function rather than an operator. */
export function compileOperator(
  expr: Extract<Expr, { kind: 'call' }>,
  fns: readonly Compiled[],
  argTypes: readonly KustoType[],
): Compiled | undefined {
  const name = expr.name;
  const [a, b] = fns;
  const predicate = stringPredicate(name);
  if (predicate && fns.length === 2) {
    const [ta, tb] = argTypes;
    const right = expr.args[1]!;
    if (right.kind === 'literal') {
      const needle = toStringValue(right.value, tb);
      const matcher = termMatcher(name, needle);
      if (matcher) {
        return (row) => {
          const v = a!(row);
          return matcher(typeof v === 'string' ? v : toStringValue(v, ta));
        };
      }
      return (row) => {
        const v = a!(row);
        return predicate(typeof v === 'string' ? v : toStringValue(v, ta), needle);
      };
    }
    return (row) => predicate(toStringValue(a!(row), ta), toStringValue(b!(row), tb));
  }
  if (name === '==' || name === '!=') {
    const negate = name === '!=';
    const [ta, tb] = argTypes;
    const mixed = (ta === 'dynamic') !== (tb === 'dynamic');
    return (row) => {
      let x = a!(row);
      let y = b!(row);
      if (isNull(x) || isNull(y)) {
        // Kusto: null == null is null; null against a value is false for ==, true for !=.
        if (isNull(x) && isNull(y)) return null;
        return negate;
      }
      if (mixed) {
        if (ta === 'dynamic') x = convertTo(x, tb!, 'dynamic');
        else y = convertTo(y, ta!, 'dynamic');
      }
      const equal = typeof x === typeof y && typeof x !== 'object' ? x === y : valuesEqual(x, y);
      return negate ? !equal : equal;
    };
  }
  if (COMPARISONS.has(name)) {
    const [ta, tb] = argTypes;
    const convert = ta === 'dynamic' || tb === 'dynamic' || (ta === 'string') !== (tb === 'string');
    return (row) => {
      let x = a!(row);
      let y = b!(row);
      if (isNull(x) || isNull(y)) return null;
      if (convert) {
        if (typeof x === 'string' && typeof y !== 'string')
          x = typeof y === 'bigint' ? convertTo(x, tb === 'timespan' ? 'timespan' : 'datetime') : Number(x);
        if (typeof y === 'string' && typeof x !== 'string')
          y = typeof x === 'bigint' ? convertTo(y, ta === 'timespan' ? 'timespan' : 'datetime') : Number(y);
        if (isNull(x) || isNull(y)) return null;
      }
      const order = compareValues(x, y);
      if (typeof x === 'number' && typeof y === 'number' && (Number.isNaN(x) || Number.isNaN(y)))
        return false;
      switch (name) {
        case '<':
          return order < 0;
        case '<=':
          return order <= 0;
        case '>':
          return order > 0;
        default:
          return order >= 0;
      }
    };
  }
  if (name === '+' || name === '-' || name === '*' || name === '/' || name === '%') {
    return arithmetic(name, fns[0]!, fns[1]!, argTypes[0]!, argTypes[1]!, expr.type, expr.span);
  }
  if (name === 'neg') {
    return (row) => {
      const v = a!(row);
      return isNull(v) ? null : typeof v === 'bigint' ? -v : -(v as number);
    };
  }
  if (name === 'in' || name === '!in' || name === 'in~' || name === '!in~') {
    const caseless = name.endsWith('~');
    const negate = name.startsWith('!');
    const listFns = fns.slice(1);
    const constant = expr.args.slice(1).every((arg) => arg.kind === 'literal' || arg.kind === 'tabularList');
    const leftType = argTypes[0]!;
    const normalize = (v: unknown): unknown => {
      if (isNull(v)) return v;
      if (caseless) return toStringValue(v).toLowerCase();
      if (typeof v === 'bigint') return 't' + v.toString();
      return typeof v === 'object' ? valueKey(v) : v;
    };
    const collect = (row: number): Set<unknown> => {
      const set = new Set<unknown>();
      listFns.forEach((fn, k) => {
        const v = fn(row);
        const arg = expr.args[k + 1]!;
        if (
          (arg.kind === 'tabularList' || (argTypes[k + 1] === 'dynamic' && Array.isArray(v))) &&
          Array.isArray(v)
        ) {
          for (const item of v)
            set.add(normalize(leftType === 'dynamic' ? item : convertTo(item, leftType, 'dynamic')));
        } else set.add(normalize(v));
      });
      return set;
    };
    const fixed = constant ? collect(0) : undefined;
    return (row) => {
      const v = a!(row);
      if (isNull(v) && !caseless) return negate;
      const found = (fixed ?? collect(row)).has(normalize(v));
      return negate ? !found : found;
    };
  }
  if (name === 'has_any' || name === 'has_all') {
    const listFns = fns.slice(1);
    return (row) => {
      const text = toStringValue(a!(row), argTypes[0]);
      const needles: string[] = [];
      listFns.forEach((fn) => {
        const v = fn(row);
        if (Array.isArray(v)) for (const item of v) needles.push(toStringValue(item));
        else needles.push(toStringValue(v));
      });
      return name === 'has_any'
        ? needles.some((n) => hasTerm(text, n, false))
        : needles.every((n) => hasTerm(text, n, false));
    };
  }
  if (name === 'between' || name === '!between') {
    const negate = name === '!between';
    const [, lo, hi] = fns as [Compiled, Compiled, Compiled];
    const hiType = argTypes[2];
    const loType = argTypes[1];
    return (row) => {
      const v = a!(row);
      const low = lo(row);
      let high = hi(row);
      if (isNull(v) || isNull(low) || isNull(high)) return null;
      if (hiType === 'timespan' && loType === 'datetime') high = (low as bigint) + (high as bigint);
      const inside = compareValues(v, low) >= 0 && compareValues(v, high) <= 0;
      return negate ? !inside : inside;
    };
  }
  if (name === 'matches regex') {
    const right = expr.args[1]!;
    if (right.kind === 'literal') {
      let pattern: ReturnType<typeof regex>;
      try {
        pattern = regex(String(right.value));
      } catch (error) {
        throw error instanceof RegexSyntaxError ? regexError(error, expr.span) : error;
      }
      return (row) => pattern.test(toStringValue(a!(row), argTypes[0]));
    }
    return (row) => {
      try {
        return regex(toStringValue(b!(row))).test(toStringValue(a!(row), argTypes[0]));
      } catch (error) {
        throw error instanceof RegexSyntaxError ? regexError(error, expr.span) : error;
      }
    };
  }
  if (name === '__index') {
    return (row) => {
      const target = a!(row);
      const key = b!(row);
      return indexDynamic(target, typeof key === 'bigint' ? Number(key) : key);
    };
  }
  if (name === 'pack_all') {
    const names = (expr.args[0] as { value: string[] }).value;
    const ignoreEmpty = fns[1]!;
    const types = argTypes.slice(2);
    const valueFns = fns.slice(2);
    return (row) => {
      const bag: Record<string, unknown> = {};
      const skip = ignoreEmpty(row) === true;
      names.forEach((n, i) => {
        const v = valueFns[i]!(row);
        if (skip && (isNull(v) || v === '')) return;
        bag[n] = toDynamic(v, types[i]!);
      });
      return bag;
    };
  }
  return undefined;
}

export function arithmetic(
  op: string,
  a: Compiled,
  b: Compiled,
  ta: KustoType,
  tb: KustoType,
  result: KustoType,
  span: { start: number; length: number },
): Compiled {
  const ticksA = ta === 'datetime' || ta === 'timespan';
  const ticksB = tb === 'datetime' || tb === 'timespan';
  if (ticksA || ticksB) {
    return (row) => {
      let x = a(row);
      let y = b(row);
      if (isNull(x) || isNull(y)) return null;
      if (ta === 'dynamic') x = convertTo(x, tb, 'dynamic');
      if (tb === 'dynamic') y = convertTo(y, ta, 'dynamic');
      if (isNull(x) || isNull(y)) return null;
      if (typeof x === 'bigint' && typeof y === 'bigint') {
        switch (op) {
          case '+':
            return x + y;
          case '-':
            return x - y;
          case '/':
            return y === 0n ? null : Number(x) / Number(y);
          case '%':
            return y === 0n ? null : x % y;
          default:
            throw new EngineError('KQL_TYPE', `Cannot apply '${op}' to ${ta} and ${tb}.`, span);
        }
      }
      const ticks = typeof x === 'bigint' ? x : (y as bigint);
      const number = typeof x === 'bigint' ? (y as number) : (x as number);
      switch (op) {
        case '*':
          return BigInt(Math.round(Number(ticks) * number));
        case '/':
          if (typeof x !== 'bigint') throw new EngineError('KQL_TYPE', `Cannot divide ${ta} by ${tb}.`, span);
          return number === 0 ? null : BigInt(Math.round(Number(ticks) / number));
        case '+':
          return ticks + BigInt(Math.round(number));
        case '-':
          return typeof x === 'bigint'
            ? x - BigInt(Math.round(number))
            : BigInt(Math.round(number)) - (y as bigint);
        default:
          return null;
      }
    };
  }
  const integer = result === 'long' || result === 'int';
  return (row) => {
    let x = a(row);
    let y = b(row);
    if (isNull(x) || isNull(y)) return null;
    if (typeof x !== 'number') x = Number(x);
    if (typeof y !== 'number') y = Number(y);
    const p = x as number;
    const q = y as number;
    switch (op) {
      case '+':
        return p + q;
      case '-':
        return p - q;
      case '*':
        return p * q;
      case '/':
        if (integer) return q === 0 ? null : Math.trunc(p / q);
        return p / q;
      default:
        if (q === 0) return integer ? null : NaN;
        return p % q;
    }
  };
}
