/**
 * JSON text into dynamic values, with a bound on nesting. JSON.parse itself takes any depth, but what comes after
 * (JSON.stringify, comparing, hashing and the worker's structured clone) recurses and overflows the stack somewhere
 * past a few thousand levels: a value is refused at MAX_DYNAMIC_DEPTH, where it enters the engine.
 */
export const MAX_DYNAMIC_DEPTH = 1_000;

/** A JSON text (or value) that nests deeper than MAX_DYNAMIC_DEPTH. */
export class JsonDepthError extends Error {
  constructor(readonly depth: number) {
    super(
      `the JSON nests more than ${MAX_DYNAMIC_DEPTH.toLocaleString('en-US')} levels deep, which the engine does not hold.`,
    );
    this.name = 'JsonDepthError';
  }
}

/** The nesting depth of a JSON value (0 for a scalar), found with an explicit stack; stops counting past `max`. */
export function jsonDepth(value: unknown, max = MAX_DYNAMIC_DEPTH): number {
  let deepest = 0;
  const pending: [unknown, number][] = [[value, 0]];
  while (pending.length > 0) {
    const [item, depth] = pending.pop()!;
    if (typeof item !== 'object' || item === null) continue;
    if (depth + 1 > deepest) deepest = depth + 1;
    if (deepest > max) return deepest;
    for (const child of Array.isArray(item) ? item : Object.values(item)) {
      if (typeof child === 'object' && child !== null) pending.push([child, depth + 1]);
    }
  }
  return deepest;
}

/** Throws JsonDepthError when `value` nests deeper than MAX_DYNAMIC_DEPTH. */
export function assertJsonDepth(value: unknown): void {
  const depth = jsonDepth(value);
  if (depth > MAX_DYNAMIC_DEPTH) throw new JsonDepthError(depth);
}

/**
 * Parses JSON text; throws SyntaxError as JSON.parse does, and JsonDepthError for a text that nests too deep (only a
 * text longer than twice the limit can, so short texts are not walked).
 */
export function parseJsonText(text: string): unknown {
  const value = JSON.parse(text) as unknown;
  if (text.length > MAX_DYNAMIC_DEPTH * 2) assertJsonDepth(value);
  return value;
}
