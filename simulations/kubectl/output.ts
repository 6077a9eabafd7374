import type { JsonObject } from '../cluster/types';

const PLAIN = /^[A-Za-z0-9_./][A-Za-z0-9_./:=@+,-]*( [A-Za-z0-9_./:=@+,()-]+)*$/;
const LOOKS_TYPED =
  /^(true|false|yes|no|on|off|null|~|y|n|[-+]?(\d[\d_]*)?\.?\d+([eE][-+]?\d+)?|0x[0-9a-fA-F]+|\d{4}-\d\d-\d\d.*)$/i;

/** A string as YAML needs it: plain when nothing could misread it, else double-quoted. */
function scalar(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = String(value);
  if (
    text !== '' &&
    PLAIN.test(text) &&
    !LOOKS_TYPED.test(text) &&
    !text.includes(': ') &&
    !text.endsWith(':')
  )
    return text;
  return JSON.stringify(text);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function emit(value: unknown, indent: string, lines: string[]): void {
  if (isObject(value)) {
    for (const key of Object.keys(value).sort()) {
      const child = value[key];
      if (child === undefined) continue;
      const head = `${indent}${scalar(key)}:`;
      if (isObject(child) && Object.keys(child).length > 0) {
        lines.push(head);
        emit(child, `${indent}  `, lines);
      } else if (Array.isArray(child) && child.length > 0) {
        lines.push(head);
        // Sequences sit at their key's indentation, as sigs.k8s.io/yaml writes them.
        emit(child, indent, lines);
      } else lines.push(`${head} ${isObject(child) ? '{}' : Array.isArray(child) ? '[]' : scalar(child)}`);
    }
    return;
  }
  if (Array.isArray(value)) {
    for (const item of value) {
      if ((isObject(item) && Object.keys(item).length > 0) || (Array.isArray(item) && item.length > 0)) {
        const nested: string[] = [];
        emit(item, `${indent}  `, nested);
        lines.push(`${indent}- ${nested[0]!.slice(indent.length + 2)}`, ...nested.slice(1));
      } else lines.push(`${indent}- ${isObject(item) ? '{}' : Array.isArray(item) ? '[]' : scalar(item)}`);
    }
    return;
  }
  lines.push(`${indent}${scalar(value)}`);
}

/** `-o yaml`: keys sorted, sequences not indented under their key (sigs.k8s.io/yaml's style). */
export function toYaml(object: unknown): string {
  const lines: string[] = [];
  emit(object, '', lines);
  return `${lines.join('\n')}\n`;
}

/** `-o json`: 4-space indentation, as kubectl's JSON printer. */
export function toJson(object: unknown): string {
  return `${JSON.stringify(object, null, 4)}\n`;
}

/** Several objects in one `-o yaml|json` answer come back as a v1 List. */
export function asList(objects: JsonObject[]): JsonObject {
  return { apiVersion: 'v1', items: objects, kind: 'List', metadata: { resourceVersion: '' } };
}
