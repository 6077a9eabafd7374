import { stringify } from 'yaml';
import type { JsonObject } from '../cluster/types';

/** `-o yaml`: keys sorted, sequences not indented under their key (sigs.k8s.io/yaml's style). */
export function toYaml(object: unknown): string {
  return stringify(object, { sortMapEntries: true, indentSeq: false, lineWidth: 0 });
}

/** `-o json`: 4-space indentation, as kubectl's JSON printer. */
export function toJson(object: unknown): string {
  return `${JSON.stringify(object, null, 4)}\n`;
}

/** Several objects in one `-o yaml|json` answer come back as a v1 List. */
export function asList(objects: JsonObject[]): JsonObject {
  return { apiVersion: 'v1', items: objects, kind: 'List', metadata: { resourceVersion: '' } };
}
