/**
 * What a check puts in the page versus what it keeps back until the learner answers.
 *
 * The page shows options under opaque tokens, in token order; the answer sheet (one JSON file per check,
 * emitted at build as /check-keys/<id>.json and fetched on submit) maps tokens to the authored options, and
 * holds the key and every explanation. A token hashes the option's own explanation, which the page does not
 * contain, so neither the tokens nor their order say which option the author wrote first or marked correct.
 */
import type { KnowledgeCheck } from '../../schemas/check';
import { answerKeyFor, type AnswerKey } from './grading';
import { inlineMarkdown } from './inlineMarkdown';

/** Where the answer sheet of a check is served (the service worker precaches it with the site). */
export function answerSheetPath(checkId: string): string {
  return `/check-keys/${checkId}.json`;
}

/** One option, item or pair as the page shows it before an answer. */
export interface OptionView {
  token: string;
  /** Its text, rendered from inline Markdown (HTML-escaped). */
  html: string;
  /** The plain text, for accessible names of controls. */
  text: string;
}

export type CheckView =
  | { type: 'single' | 'multiple'; options: OptionView[] }
  | { type: 'ordering'; options: OptionView[] }
  /** Left items as options; `rights` are the distinct right-hand values, in a neutral (alphabetical) order. */
  | { type: 'matching'; options: OptionView[]; rights: string[] }
  | { type: 'query'; options: [] };

export interface AnswerSheet {
  checkId: string;
  type: KnowledgeCheck['type'];
  /** Token of each authored option, item or pair, by authored index. */
  tokens: string[];
  /** Explanation (HTML) of each authored option, item or pair, by authored index. */
  explanations: string[];
  /** Absent for query checks, which are graded by running the reference query. */
  key?: AnswerKey;
  query?: { referenceQuery: string; orderMatters: boolean; explanationHtml: string };
}

/** 64-bit FNV-1a in base 36: short, stable across builds, and not reversible to the text it hashes. */
function hashToken(text: string): string {
  let high = 0x811c9dc5;
  let low = 0x050c5d1f;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    high = Math.imul(high ^ code, 16777619) >>> 0;
    low = Math.imul(low ^ (code + i), 16777619) >>> 0;
  }
  return high.toString(36).padStart(7, '0') + low.toString(36).padStart(7, '0');
}

interface Authored {
  text: string;
  explanation: string;
}

function authoredOptions(check: KnowledgeCheck): Authored[] {
  switch (check.type) {
    case 'single':
    case 'multiple':
      return check.choices;
    case 'ordering':
      return check.items;
    case 'matching':
      return check.pairs.map((pair) => ({ text: pair.left, explanation: pair.explanation }));
    case 'query':
      return [];
  }
}

/** The token of each authored option, by authored index. Throws when two options of one check collide. */
export function optionTokens(check: KnowledgeCheck): string[] {
  const tokens = authoredOptions(check).map((option, index) =>
    hashToken(`${check.id}\u0000${index}\u0000${option.text}\u0000${option.explanation}`),
  );
  if (new Set(tokens).size !== tokens.length) {
    throw new Error(`Check "${check.id}": two options have the same token; make their texts differ.`);
  }
  return tokens;
}

export function checkViewOf(check: KnowledgeCheck): CheckView {
  const tokens = optionTokens(check);
  const options = authoredOptions(check)
    .map((option, index) => ({ token: tokens[index]!, html: inlineMarkdown(option.text), text: option.text }))
    .sort((a, b) => (a.token < b.token ? -1 : 1));
  switch (check.type) {
    case 'single':
    case 'multiple':
      return { type: check.type, options };
    case 'ordering':
      return { type: 'ordering', options };
    case 'matching':
      return {
        type: 'matching',
        options,
        rights: [...new Set(check.pairs.map((pair) => pair.right))].sort((a, b) => a.localeCompare(b, 'en')),
      };
    case 'query':
      return { type: 'query', options: [] };
  }
}

export function answerSheetOf(check: KnowledgeCheck): AnswerSheet {
  const sheet: AnswerSheet = {
    checkId: check.id,
    type: check.type,
    tokens: optionTokens(check),
    explanations: authoredOptions(check).map((option) => inlineMarkdown(option.explanation)),
  };
  const key = answerKeyFor(check);
  if (key) sheet.key = key;
  if (check.type === 'query') {
    sheet.query = {
      referenceQuery: check.referenceQuery,
      orderMatters: check.orderMatters,
      explanationHtml: inlineMarkdown(check.explanation),
    };
  }
  return sheet;
}

/** What a query check's page needs before the learner answers: the data set, never the reference query. */
export interface QueryCheckSpec {
  scenario: string;
  seed: number;
  days: number;
  datasetId: string;
}
