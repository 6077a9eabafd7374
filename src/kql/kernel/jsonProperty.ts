/**
 * `parse_json(Text).Key` (and `parse_json(Text)["Key"]`, `todynamic`) without building the parsed value, for the
 * texts real columns hold most: one flat JSON object of strings, numbers, booleans and nulls, a distinct text per row
 * (ExtendedProperties). JSON.parse would make every property's string and the object, only for one property to be
 * read and the rest collected; here one regular expression proves the whole text valid JSON (in V8's compiled form
 * it runs at about half JSON.parse's time and allocates nothing) and the property's value is taken out of the text.
 * Any other text (nested, escaped, not JSON) goes through the general path, so the answer is always what
 * `parse_json` followed by the property access gives.
 */
import { isJsonSpace, JSON_NUMBER as NUMBER, JSON_SPACE as SPACE } from '../../shared/jsonGrammar';
import type { RowFunction } from '../executeApi';
import type { Expr } from '../plan';

/** A string without escapes: inside it no character is a quote, a backslash or a control character. */
const PLAIN_STRING = '"[^"\\\\\\u0000-\\u001f]*"';
const MEMBER = `${PLAIN_STRING}${SPACE}:${SPACE}(?:${PLAIN_STRING}|${NUMBER}|true|false|null)${SPACE}`;
/**
 * A whole text that is one JSON object of plain members. Each part has one reading (a quote always opens or closes a
 * string, since strings hold no escapes), so a text that does not match fails in time linear in its length.
 */
const FLAT_OBJECT = new RegExp(`^${SPACE}\\{${SPACE}(?:${MEMBER}(?:,${SPACE}${MEMBER})*)?\\}${SPACE}$`);

/** What flatJsonProperty answers when the text is not a flat object of plain members: ask the general path. */
export const NOT_FLAT: unique symbol = Symbol('not a flat JSON object');

/**
 * Whether `key` can be found by its quoted text in a flat object: in such a text every quote opens or closes a string,
 * and the text between a closing quote and the next opening one holds a `:` or a `,`; a key with neither, and with no
 * character that a plain string cannot hold, is found only where a string equal to it stands.
 */
export function isFlatReadableKey(key: string): boolean {
  for (let i = 0; i < key.length; i++) {
    const code = key.charCodeAt(i);
    // Control characters, `"`, `,`, `:` and `\`.
    if (code < 32 || code === 34 || code === 44 || code === 58 || code === 92) return false;
  }
  return true;
}

/**
 * The value of the member `key` (one that `isFlatReadableKey` accepts) of a JSON text that is a flat object: a
 * string, number, boolean or null, or null when the object has no such member (the last one wins when the text
 * repeats it, as in JSON.parse). NOT_FLAT for any other text.
 */
export function flatJsonProperty(text: string, key: string): unknown {
  if (!isFlatObject(text)) return NOT_FLAT;
  const quoted = `"${key}"`;
  // Searched forwards to the last member with the key: V8's indexOf skips ahead, its lastIndexOf reads every
  // character, which for the usual first or second key of a long text costs more than the whole regular expression.
  let valueAt = -1;
  for (let at = text.indexOf(quoted); at >= 0; at = text.indexOf(quoted, at + 1)) {
    let p = at + quoted.length;
    while (isJsonSpace(text.charCodeAt(p))) p++;
    // A string equal to the key but standing as a value is followed by `,` or `}`.
    if (text.charCodeAt(p) !== 58) continue;
    p++;
    while (isJsonSpace(text.charCodeAt(p))) p++;
    valueAt = p;
  }
  return valueAt < 0 ? null : memberValue(text, valueAt);
}

/** Whether the text is a flat object; a text of about a million members overflows the matcher's stack: not here. */
function isFlatObject(text: string): boolean {
  try {
    return FLAT_OBJECT.test(text);
  } catch {
    return false;
  }
}

/** The plain value that starts at `p` of a text FLAT_OBJECT matched. */
function memberValue(text: string, p: number): unknown {
  switch (text.charCodeAt(p)) {
    case 34: // "
      return text.slice(p + 1, text.indexOf('"', p + 1));
    case 116: // t
      return true;
    case 102: // f
      return false;
    case 110: // n
      return null;
  }
  let end = p + 1;
  for (;;) {
    const code = text.charCodeAt(end);
    // Digits, `.`, `e`, `E`, `+`, `-`: the characters of a JSON number.
    if (
      (code >= 48 && code <= 57) ||
      code === 46 ||
      code === 101 ||
      code === 69 ||
      code === 43 ||
      code === 45
    )
      end++;
    else break;
  }
  return Number(text.slice(p, end));
}

/**
 * The text expression and key of `parse_json(Text).Key` (a constant key that a flat object can be searched for), or
 * undefined for any other call.
 */
export function jsonPropertyAccess(
  expr: Extract<Expr, { kind: 'call' }>,
): { text: Expr; key: string } | undefined {
  if (expr.name !== '__index' || expr.args.length !== 2) return undefined;
  const [target, key] = expr.args as [Expr, Expr];
  if (target.kind !== 'call' || target.args.length !== 1) return undefined;
  if (target.name !== 'parse_json' && target.name !== 'todynamic') return undefined;
  if (key.kind !== 'literal' || typeof key.value !== 'string' || !isFlatReadableKey(key.value))
    return undefined;
  return { text: target.args[0]!, key: key.value };
}

/**
 * `parse_json(Text).Key` per row: the flat reading of each text, and `general` (the same expression compiled the
 * usual way) for a row whose text is not a string or not a flat object.
 */
export function compileJsonProperty(text: RowFunction, key: string, general: RowFunction): RowFunction {
  return (row) => {
    const value = text(row);
    if (typeof value === 'string') {
      const property = flatJsonProperty(value, key);
      if (property !== NOT_FLAT) return property;
    }
    return general(row);
  };
}
