/**
 * kubectl's JSONPath templates (`-o jsonpath='{…}'`), the part an investigation uses: fields (`.spec.hostPID`),
 * indexes and wildcards (`[0]`, `[*]`), `..` is not supported, `{range …}{end}` loops, quoted literals ("\n", "\t")
 * and plain text between expressions. Values print as kubectl prints them: strings bare, objects as JSON,
 * several results joined by spaces.
 */
type Token =
  | { kind: 'text'; value: string }
  | { kind: 'path'; value: string }
  | { kind: 'range'; value: string }
  | { kind: 'end' };

export class JsonPathError extends Error {}

function tokenize(template: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open === -1) {
      tokens.push({ kind: 'text', value: template.slice(i) });
      break;
    }
    if (open > i) tokens.push({ kind: 'text', value: template.slice(i, open) });
    const close = template.indexOf('}', open);
    if (close === -1) throw new JsonPathError(`unclosed action`);
    const inner = template.slice(open + 1, close).trim();
    if (inner === 'end') tokens.push({ kind: 'end' });
    else if (inner.startsWith('range ')) tokens.push({ kind: 'range', value: inner.slice(6).trim() });
    else if (/^".*"$/.test(inner) || /^'.*'$/.test(inner))
      tokens.push({ kind: 'text', value: inner.slice(1, -1).replace(/\\n/g, '\n').replace(/\\t/g, '\t') });
    else tokens.push({ kind: 'path', value: inner });
    i = close + 1;
  }
  return tokens;
}

/** Evaluates `.a.b[0].c[*]` (or `@.a`, `$.a`) against a value; the matches in order. */
export function select(data: unknown, path: string): unknown[] {
  let current: unknown[] = [data];
  const steps = path.replace(/^[@$]/, '').match(/\.[^.[\]]+|\[[^\]]*\]/g) ?? [];
  if (path.replace(/^[@$]/, '') !== steps.join(''))
    throw new JsonPathError(`unrecognized character in action: ${path}`);
  for (const step of steps) {
    const next: unknown[] = [];
    for (const value of current) {
      if (step.startsWith('.')) {
        const key = step.slice(1);
        if (key === '*') {
          if (value && typeof value === 'object') next.push(...Object.values(value));
        } else if (value && typeof value === 'object' && !Array.isArray(value) && key in value)
          next.push((value as Record<string, unknown>)[key]);
      } else {
        const index = step.slice(1, -1).trim();
        if (!Array.isArray(value)) continue;
        if (index === '*') next.push(...value);
        else if (/^-?\d+$/.test(index)) {
          const n = Number(index);
          const item = value[n < 0 ? value.length + n : n];
          if (item === undefined)
            throw new JsonPathError(`array index out of bounds: index ${n}, length ${value.length}`);
          next.push(item);
        } else throw new JsonPathError(`unsupported index ${step}`);
      }
    }
    current = next;
  }
  return current;
}

function print(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function run(tokens: Token[], data: unknown): string {
  let out = '';
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.kind === 'text') out += token.value;
    else if (token.kind === 'path') out += select(data, token.value).map(print).join(' ');
    else if (token.kind === 'range') {
      let depth = 1;
      let j = i + 1;
      for (; j < tokens.length; j++) {
        if (tokens[j]!.kind === 'range') depth++;
        if (tokens[j]!.kind === 'end' && --depth === 0) break;
      }
      if (depth !== 0) throw new JsonPathError('not in range, nothing to end');
      const body = tokens.slice(i + 1, j);
      for (const item of select(data, token.value)) out += run(body, item);
      i = j;
    } else throw new JsonPathError('not in range, nothing to end');
  }
  return out;
}

/** Renders a template over an object (kubectl gives a List's items under `.items`). */
export function jsonPath(template: string, data: unknown): string {
  return run(tokenize(template), data);
}
