/**
 * Compiles the plan's scalar expressions into closures `(row) => value` over a table's columns. Operators
 * (scalarOperators.ts), window functions (windowFunctions.ts) and the function registry (functions/) supply the
 * bodies; this module dispatches, keeps Kusto's lazy forms (and, or, iff, case) lazy and computes a call over a
 * dictionary column once per distinct text.
 */
import { EngineError, unsupported } from '../errors';
import type { RowFunction } from '../executeApi';
import {
  binValue,
  convertTo,
  isNull,
  toDynamic,
  toStringValue,
  type CallContext,
} from '../functions/helpers';
import { FUNCTIONS } from '../functions';
import { hasTerm } from '../functions/stringPredicates';
import { compileOverDictionary, dictionaryInput } from '../dictionaryForm';
import type { Expr } from '../plan';
import type { Column, Table } from '../table';
import type { KustoType } from '../types';
import { MIN_DATETIME_TICKS, TICKS_PER_MS } from '../values';
import type { Context } from './context';
import { functionError } from './errors';
import { compileOperator } from './scalarOperators';
import { compileDynamicColumnText } from './dynamicText';
import { compileOverEpochMs } from './epochMs';
import { compileJsonProperty, jsonPropertyAccess } from './jsonProperty';
import { compileWindowFunction, WINDOW_FUNCTIONS } from './windowFunctions';

type Compiled = RowFunction;

export function typeOfExpr(expr: Expr): KustoType {
  switch (expr.kind) {
    case 'literal':
    case 'column':
    case 'call':
    case 'aggregate':
    case 'toscalar':
    case 'tabularList':
      return expr.type;
    default:
      return 'dynamic';
  }
}

export function compile(expr: Expr, table: Table, context: Context): Compiled {
  switch (expr.kind) {
    case 'literal': {
      const value = expr.value;
      return () => value;
    }
    case 'column': {
      const column = table.columns.find((c) => c.name === expr.name);
      if (!column)
        throw new EngineError(
          'KQL_UNKNOWN_COLUMN',
          `The column '${expr.name}' is not in the input.`,
          expr.span,
        );
      const values = column.values;
      if (column.type !== expr.type && expr.type !== 'dynamic' && column.type === 'dynamic') {
        return (row) => convertTo(values[row], expr.type, 'dynamic');
      }
      const accessor = column as Column & { value?: unknown };
      if ('value' in accessor) return () => accessor.values[0];
      return (row) => values[row];
    }
    case 'toscalar': {
      const value = context.scalar(expr, () => {
        const result = context.run(expr.query);
        const first = result.length > 0 && result.columns.length > 0 ? result.columns[0]!.values[0] : null;
        const sourceType = result.columns[0]?.type ?? expr.type;
        return sourceType === expr.type ? first : convertTo(first, expr.type, sourceType);
      });
      return () => value;
    }
    case 'tabularList': {
      const result = context.run(expr.query);
      const values = result.columns[0]?.values ?? [];
      const dynamicValues = values.map((v) => toDynamic(v, result.columns[0]?.type ?? 'dynamic'));
      return () => dynamicValues;
    }
    case 'aggregate':
      throw new EngineError(
        'KQL_AGGREGATE',
        `The aggregate '${expr.name}' can only be used in summarize.`,
        expr.span,
      );
    case 'star':
      return () => null;
    case 'call': {
      // Over a dictionary column, compute once per distinct text (when there are fewer texts than rows).
      const dictionaryColumn = dictionaryInput(expr, table);
      if (dictionaryColumn && dictionaryColumn.dictionary!.texts.length * 2 < table.length)
        return compileOverDictionary(dictionaryColumn, (entries) => compileCall(expr, entries, context));
      return compileCall(expr, table, context);
    }
  }
}

function compileCall(expr: Extract<Expr, { kind: 'call' }>, table: Table, context: Context): Compiled {
  const name = expr.name;
  const argTypes = expr.args.map(typeOfExpr);
  if (WINDOW_FUNCTIONS.has(name)) {
    return compileWindowFunction(expr, table, {
      compile: (arg) => compile(arg, table, context),
      constant: (arg) => context.constant(arg),
    });
  }
  // Lazily evaluated forms first.
  switch (name) {
    case 'and': {
      const [a, b] = expr.args.map((arg) => compile(arg, table, context)) as [Compiled, Compiled];
      return (row) => {
        const x = a(row);
        if (x === false) return false;
        const y = b(row);
        if (y === false) return false;
        return x === true && y === true ? true : null;
      };
    }
    case 'or': {
      const [a, b] = expr.args.map((arg) => compile(arg, table, context)) as [Compiled, Compiled];
      return (row) => {
        const x = a(row);
        if (x === true) return true;
        const y = b(row);
        if (y === true) return true;
        return x === false && y === false ? false : null;
      };
    }
    case 'iff':
    case 'iif': {
      const [c, t, f] = expr.args.map((arg) => compile(arg, table, context)) as [
        Compiled,
        Compiled,
        Compiled,
      ];
      const resultType = expr.type;
      const tType = argTypes[1]!;
      const fType = argTypes[2]!;
      return (row) =>
        c(row) === true ? coerce(t(row), tType, resultType) : coerce(f(row), fType, resultType);
    }
    case 'case': {
      const fns = expr.args.map((arg) => compile(arg, table, context));
      const resultType = expr.type;
      return (row) => {
        for (let i = 0; i + 1 < fns.length; i += 2) {
          if (fns[i]!(row) === true) return coerce(fns[i + 1]!(row), argTypes[i + 1]!, resultType);
        }
        return coerce(fns[fns.length - 1]!(row), argTypes[fns.length - 1]!, resultType);
      };
    }
    case '__search_any': {
      const term = String((expr.args[0] as { value: unknown }).value);
      const stringColumns = table.columns.filter((c) => c.type === 'string' || c.type === 'dynamic');
      return (row) => stringColumns.some((c) => hasTerm(toStringValue(c.values[row], c.type), term, false));
    }
    case '__tuple_item': {
      const value = compile(expr.args[0]!, table, context);
      const index = Number((expr.args[1] as { value: unknown }).value);
      const type = expr.type;
      return (row) => {
        const v = value(row);
        let item: unknown;
        if (Array.isArray(v)) item = v[index] ?? null;
        else if (v !== null && typeof v === 'object') item = Object.values(v)[index] ?? null;
        else item = index === 0 ? v : null;
        return type === 'dynamic' || isNull(item) ? item : convertTo(item, type, 'dynamic');
      };
    }
  }
  // Before the arguments are compiled: compiling a datetime column would build its bigint ticks.
  const overEpochMs = compileOverEpochMs(expr, table, context);
  if (overEpochMs) return overEpochMs;
  const dynamicText = compileDynamicColumnText(expr, table);
  if (dynamicText) return dynamicText;
  const jsonProperty = jsonPropertyAccess(expr);
  if (jsonProperty) {
    const text = compile(jsonProperty.text, table, context);
    return compileJsonProperty(text, jsonProperty.key, compileArguments(expr, table, context, argTypes));
  }
  return compileArguments(expr, table, context, argTypes);
}

/** A call over its compiled arguments: an operator, or a function of the registry. */
function compileArguments(
  expr: Extract<Expr, { kind: 'call' }>,
  table: Table,
  context: Context,
  argTypes: readonly KustoType[],
): Compiled {
  const name = expr.name;
  const fns = expr.args.map((arg) => compile(arg, table, context));
  const operator = compileOperator(expr, fns, argTypes);
  if (operator) return operator;
  const a = fns[0];
  const fn = FUNCTIONS[name];
  if (!fn) throw unsupported(`function '${name}()'`, expr.span);
  const callContext: CallContext = { argTypes, resultType: expr.type, nowTicks: context.nowTicks };
  if (name === 'bin' && expr.args[1]?.kind === 'literal') {
    const size = expr.args[1].value;
    const type = argTypes[0]!;
    if (type === 'datetime' && typeof size === 'bigint' && size > 0n && size % TICKS_PER_MS === 0n) {
      // Whole-millisecond bins: work in exact double milliseconds (|ms| < 2^53) and convert once.
      const spanMs = Number(size / TICKS_PER_MS);
      const originMs = Number(MIN_DATETIME_TICKS / TICKS_PER_MS);
      return (row) => {
        const v = a!(row);
        if (typeof v !== 'bigint') return null;
        let ms = Number(v / TICKS_PER_MS);
        if (v < 0n && v % TICKS_PER_MS !== 0n) ms -= 1;
        return BigInt(Math.floor((ms - originMs) / spanMs) * spanMs + originMs) * TICKS_PER_MS;
      };
    }
    return (row) => binValue(a!(row), size, type);
  }
  if (name === 'tostring' && fns.length === 1) {
    // The usual wrapper of a property read (`tostring(parse_json(X).Key)`): no argument array per row.
    const type = argTypes[0];
    return (row) => {
      const value = a!(row);
      try {
        return toStringValue(value, type);
      } catch (error) {
        throw functionError(error, name, expr.span);
      }
    };
  }
  const args = new Array<unknown>(fns.length);
  const wantsDynamicString = expr.type === 'string';
  return (row) => {
    for (let i = 0; i < fns.length; i++) args[i] = fns[i]!(row);
    let result: unknown;
    try {
      result = fn(args.slice(), callContext);
    } catch (error) {
      throw functionError(error, name, expr.span);
    }
    if (result === undefined) return null;
    if (wantsDynamicString && isNull(result)) return '';
    return result;
  };
}

function coerce(value: unknown, from: KustoType, to: KustoType): unknown {
  if (from === to || isNull(value)) return value;
  return convertTo(value, to, from);
}
