import type { QueryFix } from './nameFixes';

/** `Column == 'text'` (or "text"): the comparison a case difference can empty. */
const CASE_SENSITIVE_EQUALS = /([A-Za-z_][\w.]*\s*)==(\s*(['"])(?:(?!\3)[^\\]|\\.)*\3)/;

export interface CaseProbe {
  /** The same query with that one `==` made `=~` (case-insensitive). */
  readonly probeText: string;
  /** The fix that makes the learner's query so. */
  readonly fix: QueryFix;
}

/**
 * For a query that returned no rows: when it compares a string with `==`, the query to run again with `=~`. If that
 * one returns rows, the values differ only in case and the learner is offered `=~`.
 */
export function caseProbe(text: string): CaseProbe | undefined {
  const match = CASE_SENSITIVE_EQUALS.exec(text);
  if (!match) return undefined;
  const start = match.index + match[1]!.length;
  const fix: QueryFix = { replacement: '=~', start, length: 2 };
  return { probeText: text.slice(0, start) + '=~' + text.slice(start + 2), fix };
}
