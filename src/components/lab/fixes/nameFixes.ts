import type { TableDefinition } from '../../../tables';

/** A one-click correction of the query text: replace `length` characters at `start` (0-based, in the run text). */
export interface QueryFix {
  readonly replacement: string;
  readonly start: number;
  readonly length: number;
}

interface ErrorSpan {
  readonly code: string;
  readonly start: number;
  readonly length: number;
}

const MAX_FIXES = 3;

/** Edit distance with transpositions (optimal string alignment): "AlertNmae" is one step from "AlertName". */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const columns = b.length + 1;
  const distance: number[][] = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: columns }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < columns; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(
        distance[i - 1]![j]! + 1,
        distance[i]![j - 1]! + 1,
        distance[i - 1]![j - 1]! + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, distance[i - 2]![j - 2]! + 1);
      }
      distance[i]![j] = best;
    }
  }
  return distance[a.length]![b.length]!;
}

function namesInScope(code: string, text: string, tables: readonly TableDefinition[]): string[] {
  const tableNames = tables.map((table) => table.name);
  if (code === 'KS204') return tableNames;
  const named = tables.filter((table) => new RegExp(`(^|\\W)${table.name}(?!\\w)`).test(text));
  const columns = (named.length > 0 ? named : tables).flatMap((table) =>
    table.columns.map((column) => column.name),
  );
  return [...new Set([...columns, ...tableNames])];
}

/**
 * "Did you mean …?" for an unknown name (KS142: column, KS204: table): the closest names of the schema, case first
 * (Kusto names are case-sensitive: `alertname` is one fix away from `AlertName`), then by edit distance, at most a
 * third of the name's length away.
 */
export function nameFixes(error: ErrorSpan, text: string, tables: readonly TableDefinition[]): QueryFix[] {
  if (error.code !== 'KS142' && error.code !== 'KS204') return [];
  const wrong = text.slice(error.start, error.start + error.length);
  if (!/^\w+$/.test(wrong)) return [];
  const limit = Math.max(1, Math.floor(wrong.length / 3));
  return namesInScope(error.code, text, tables)
    .filter((name) => name !== wrong)
    .map((name) => ({
      name,
      caseOnly: name.toLowerCase() === wrong.toLowerCase(),
      distance: editDistance(name.toLowerCase(), wrong.toLowerCase()),
    }))
    .filter(({ caseOnly, distance }) => caseOnly || distance <= limit)
    .sort(
      (a, b) =>
        Number(b.caseOnly) - Number(a.caseOnly) || a.distance - b.distance || a.name.localeCompare(b.name),
    )
    .slice(0, MAX_FIXES)
    .map(({ name }) => ({ replacement: name, start: error.start, length: error.length }));
}

/** Applies a fix to the text it was made for. */
export function applyFix(text: string, fix: QueryFix): string {
  return text.slice(0, fix.start) + fix.replacement + text.slice(fix.start + fix.length);
}
