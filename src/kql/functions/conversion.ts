/**
 * Conversions: tostring, toint, tolong, toreal, todecimal, tobool, todatetime, totimespan, toguid, tohex.
 */
import {
  isNull,
  type ScalarFunction,
  str,
  toBool,
  toDatetime,
  toLong,
  toNumber,
  toStringValue,
  toTimespan,
} from './helpers';

export const CONVERSION_FUNCTIONS: Record<string, ScalarFunction> = {
  // conversions
  tostring: ([v], c) => toStringValue(v, c.argTypes[0]),
  toint: ([v]) => {
    const n = toLong(v);
    return n === null ? null : n | 0;
  },
  tolong: ([v]) => toLong(v),
  toreal: ([v]) => toNumber(v),
  todouble: ([v]) => toNumber(v),
  todecimal: ([v]) => toNumber(v),
  tobool: ([v]) => toBool(v),
  toboolean: ([v]) => toBool(v),
  todatetime: ([v], c) => toDatetime(v, c.argTypes[0]),
  totimespan: ([v]) => toTimespan(v),
  tohex: ([v, width]) => {
    const n = toLong(v);
    if (n === null) return null;
    const hex = (n < 0 ? BigInt.asUintN(64, BigInt(n)) : BigInt(n)).toString(16);
    return width === undefined || width === null ? hex : hex.padStart(Number(width), '0');
  },
  toguid: ([v]) => {
    if (isNull(v)) return null;
    const text = str(v).trim().toLowerCase().replace(/-/g, '');
    if (/^[0-9a-f]{32}$/.test(text)) {
      return `${text.slice(0, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}-${text.slice(16, 20)}-${text.slice(20)}`;
    }
    return null;
  },
};
