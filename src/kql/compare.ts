/** Ordering and hashing of engine values (bigint ticks, numbers, strings, booleans, JSON values). */

export function compareValues(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return b === null || b === undefined ? 0 : -1;
  if (b === null || b === undefined) return 1;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if ((typeof a === 'number' || typeof a === 'bigint') && (typeof b === 'number' || typeof b === 'bigint')) {
    if (typeof a === 'number' && Number.isNaN(a)) return typeof b === 'number' && Number.isNaN(b) ? 0 : -1;
    if (typeof b === 'number' && Number.isNaN(b)) return 1;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  if (typeof a === 'boolean' && typeof b === 'boolean') return a === b ? 0 : a ? 1 : -1;
  const ta = JSON.stringify(a);
  const tb = JSON.stringify(b);
  return ta < tb ? -1 : ta > tb ? 1 : 0;
}

/** A string key identifying a value for grouping, distinct and joins (bigint and number keys differ by type tag). */
export function valueKey(value: unknown): string {
  if (value === null || value === undefined) return '\u0000null';
  switch (typeof value) {
    case 'string':
      return 's' + value;
    case 'number':
      return 'n' + String(value);
    case 'bigint':
      return 't' + value.toString();
    case 'boolean':
      return value ? 'b1' : 'b0';
    default:
      return 'j' + JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
  }
}

/** Kusto equality: numbers compare by value whatever their type; strings case-sensitively. */
export function valuesEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || a === undefined || b === undefined) return false;
  if ((typeof a === 'number' || typeof a === 'bigint') && (typeof b === 'number' || typeof b === 'bigint')) {
    return a == b;
  }
  if (typeof a === 'object' || typeof b === 'object') return valueKey(a) === valueKey(b);
  return false;
}
