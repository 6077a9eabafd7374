/**
 * Fetches a check's answer sheet when the learner submits (or when an earlier answer is shown again). The
 * service worker precaches the sheets with the site, so this works offline after the first visit.
 */
import { answerSheetPath, type AnswerSheet } from './answerSheet';

export class AnswerSheetError extends Error {}

const sheets = new Map<string, Promise<AnswerSheet>>();

function isAnswerSheet(value: unknown, checkId: string): value is AnswerSheet {
  const sheet = value as Partial<AnswerSheet> | null;
  return (
    typeof sheet === 'object' &&
    sheet !== null &&
    sheet.checkId === checkId &&
    Array.isArray(sheet.tokens) &&
    Array.isArray(sheet.explanations) &&
    (sheet.key !== undefined || sheet.query !== undefined)
  );
}

async function fetchSheet(checkId: string, fetcher: typeof fetch): Promise<AnswerSheet> {
  const path = answerSheetPath(checkId);
  let response: Response;
  try {
    response = await fetcher(path);
  } catch {
    throw new AnswerSheetError(
      `The answers of this question (${path}) could not be loaded: this browser is offline and has not kept the site yet. Your choice is still selected; try again when online.`,
    );
  }
  if (!response.ok) {
    throw new AnswerSheetError(
      `The answers of this question (${path}) could not be loaded (HTTP ${response.status}). Your choice is still selected; reload the page and try again.`,
    );
  }
  const body: unknown = await response.json().catch(() => null);
  if (!isAnswerSheet(body, checkId)) {
    throw new AnswerSheetError(`The answers of this question (${path}) are not in the expected form.`);
  }
  return body;
}

export function loadAnswerSheet(checkId: string, fetcher: typeof fetch = fetch): Promise<AnswerSheet> {
  let sheet = sheets.get(checkId);
  if (!sheet) {
    sheet = fetchSheet(checkId, fetcher);
    // A failed load is tried again next time (the learner may be back online).
    sheet.catch(() => sheets.delete(checkId));
    sheets.set(checkId, sheet);
  }
  return sheet;
}
