/**
 * Grades a learner's answer to one objective. The expected answer is the single value of the objective's reference
 * query on the case's dataset (plus any static answers); known wrong answers, given as text or as a query whose
 * value is the wrong answer, come back with their own explanation. Queries run through `valueOf`, which the case
 * page implements with the store's query client and scenario:check with the engine.
 */
import { answerMatches, normalizeAnswer, type AnswerFromResult } from './answers';
import { liveAnswer, type LiveEvidence, type RunOnLiveCluster } from './liveEvidence';
import type { Verdict } from './caseState';

export interface GradedObjective {
  readonly query?: string;
  /** The answer is read inside the live pod instead (see liveEvidence.ts). */
  readonly live?: LiveEvidence;
  readonly answers?: readonly string[];
  readonly wrongAnswers: readonly {
    readonly answer?: string;
    readonly query?: string;
    readonly explanation: string;
  }[];
}

export type ValueOf = (query: string) => Promise<AnswerFromResult>;

export type Grade =
  | { readonly verdict: 'correct' }
  | { readonly verdict: 'known-wrong'; readonly explanation: string }
  | { readonly verdict: 'wrong' }
  /** The reference query gave no single value on this dataset: the case, not the learner, is at fault. */
  | { readonly verdict: 'unanswerable'; readonly reason: string };

export type GradeVerdict = Verdict | 'unanswerable';

/** Every accepted answer of an objective on this dataset (the reference query's value first). */
export async function expectedAnswers(
  objective: GradedObjective,
  valueOf: ValueOf,
  runOnLiveCluster?: RunOnLiveCluster,
): Promise<{ ok: true; answers: string[] } | { ok: false; reason: string }> {
  const answers: string[] = [];
  if (objective.live !== undefined) {
    const value = runOnLiveCluster
      ? await liveAnswer(objective.live, valueOf, runOnLiveCluster)
      : ({
          ok: false,
          reason: 'the answer is read on the live cluster, which is not available here',
        } as const);
    if (!value.ok) {
      if (!objective.answers?.length) return { ok: false, reason: value.reason };
    } else answers.push(value.value);
  }
  if (objective.query !== undefined) {
    const value = await valueOf(objective.query);
    if (!value.ok) {
      if (!objective.answers?.length) return { ok: false, reason: value.reason };
    } else answers.push(value.value);
  }
  answers.push(...(objective.answers ?? []));
  return { ok: true, answers };
}

export async function gradeAnswer(
  objective: GradedObjective,
  given: string,
  valueOf: ValueOf,
  runOnLiveCluster?: RunOnLiveCluster,
): Promise<Grade> {
  const expected = await expectedAnswers(objective, valueOf, runOnLiveCluster);
  if (!expected.ok) return { verdict: 'unanswerable', reason: expected.reason };
  if (answerMatches(given, expected.answers)) return { verdict: 'correct' };
  for (const wrong of objective.wrongAnswers) {
    let wrongValue: string | undefined = wrong.answer;
    if (wrong.query !== undefined) {
      const value = await valueOf(wrong.query);
      wrongValue = value.ok ? value.value : undefined;
    }
    // A known-wrong value that happens to equal the right one on this seed must not be called wrong.
    if (wrongValue === undefined || answerMatches(wrongValue, expected.answers)) continue;
    if (answerMatches(given, [wrongValue]) || normalizeAnswer(given) === normalizeAnswer(wrongValue))
      return { verdict: 'known-wrong', explanation: wrong.explanation };
  }
  return { verdict: 'wrong' };
}
