/**
 * Static answers (a concept, a choice: not in the data) reach the case page as digests, so that they are not in
 * the page's text. Each accepted form is hashed with the scenario id; the learner's normalised answer is hashed the
 * same way and looked up. Web Crypto exists in browsers and in Node, so the build and the page agree.
 */
import { acceptedForms, normalizeAnswer } from './answers';

async function sha256Hex(text: string): Promise<string> {
  const bytes = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(bytes)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

function digestOf(scenarioId: string, normalized: string): Promise<string> {
  return sha256Hex(`${scenarioId}\u0000${normalized}`);
}

export async function staticAnswerDigests(scenarioId: string, answers: readonly string[]): Promise<string[]> {
  const forms = [...new Set(answers.flatMap(acceptedForms))];
  return Promise.all(forms.map((form) => digestOf(scenarioId, form)));
}

export async function matchesStaticAnswer(
  scenarioId: string,
  given: string,
  digests: readonly string[],
): Promise<boolean> {
  const normalized = normalizeAnswer(given);
  if (normalized === '' || digests.length === 0) return false;
  return digests.includes(await digestOf(scenarioId, normalized));
}
