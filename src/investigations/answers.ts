/**
 * What a case's answer is and when a learner's answer matches it. The case page (in the browser) and
 * `scenario:check` (in Node) both use this module, so a query that the check calls solvable gives the page
 * the same answer.
 */
import type { WireValue } from '../kql/types';

/** The part of a query result an answer is read from (the engine's and the query client's results both fit). */
export interface AnswerSource {
  readonly rowCount: number;
  readonly columns: readonly { readonly name: string }[];
  /** At least the first row, in wire format. */
  readonly rows: readonly (readonly WireValue[])[];
}

export type AnswerFromResult = { ok: true; value: string } | { ok: false; reason: string };

/** A reference query answers with exactly one row; its first column is the answer. */
export function answerFromResult(result: AnswerSource): AnswerFromResult {
  if (result.columns.length === 0) return { ok: false, reason: 'the query returned no columns' };
  if (result.rowCount !== 1)
    return {
      ok: false,
      reason: `the query returned ${result.rowCount} rows where one answer needs exactly one`,
    };
  const cell = result.rows[0]?.[0];
  if (cell === undefined || cell === null || cell === '')
    return { ok: false, reason: `the answer column ${result.columns[0]!.name} is empty` };
  return { ok: true, value: typeof cell === 'string' ? cell : JSON.stringify(cell) };
}

const QUOTES = /^[\s"'`‘’“”]+|[\s"'`‘’“”]+$/g;

/** Case, surrounding quotes and spaces do not matter; runs of inner spaces count as one. */
export function normalizeAnswer(text: string): string {
  return text.replace(QUOTES, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** The forms a learner may write one answer in: as given, and `name` for `namespace/name`. */
export function acceptedForms(expected: string): string[] {
  const normalized = normalizeAnswer(expected);
  const forms = [normalized];
  const slash = normalized.lastIndexOf('/');
  // `ns/name` may be answered as `name`, but a path (`/var/run/docker.sock`) or a URL must be whole.
  if (
    slash > 0 &&
    !normalized.startsWith('/') &&
    !normalized.includes('://') &&
    normalized.split('/').length === 2
  )
    forms.push(normalized.slice(slash + 1));
  return forms;
}

/** Whether the learner's answer is one of the expected answers, up to normalisation. */
export function answerMatches(given: string, expected: readonly string[]): boolean {
  const answer = normalizeAnswer(given);
  if (answer === '') return false;
  return expected.some((candidate) => acceptedForms(candidate).includes(answer));
}
