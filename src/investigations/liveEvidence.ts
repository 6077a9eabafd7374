/**
 * Answers that only the live pod holds: the value a command prints inside a pod of the case's live cluster (its
 * processes, its connections), read before the pod is replaced. The pod is named by a query on the dataset, the
 * command runs where the caller can run it (the browser's cluster worker, or the simulation in scenario:check),
 * and the answer is the pattern's capture in the output. Pure: the caller passes both.
 */
import type { AnswerFromResult } from './answers';

export interface LiveEvidence {
  /** KQL whose single value is the pod as "namespace/name". */
  readonly pod: string;
  readonly container?: string;
  /** What runs after `kubectl exec … --`. */
  readonly command: string;
  /** Its first capture group is the answer. */
  readonly pattern: string;
}

/** Runs a kubectl line on a live cluster as the case's dataset began it; resolves with what it printed. */
export type RunOnLiveCluster = (line: string) => Promise<AnswerFromResult>;

/** The kubectl line a learner types to read the evidence, e.g. `kubectl exec -n shop web-1 -c php -- ss -tnp`. */
export function execLine(
  pod: string,
  evidence: Pick<LiveEvidence, 'container' | 'command'>,
): string | undefined {
  const match = /^([a-z0-9][a-z0-9-]*)\/([a-z0-9][a-z0-9.-]*)$/.exec(pod.trim());
  if (!match) return undefined;
  const container = evidence.container ? ` -c ${evidence.container}` : '';
  return `kubectl exec -n ${match[1]} ${match[2]}${container} -- ${evidence.command}`;
}

/** The single value the pattern captures in the output; every match must agree. */
export function answerFromOutput(output: string, pattern: string): AnswerFromResult {
  const values = new Set<string>();
  for (const match of output.matchAll(new RegExp(pattern, 'gm'))) if (match[1]) values.add(match[1]);
  if (values.size === 1) return { ok: true, value: [...values][0]! };
  if (values.size === 0)
    return { ok: false, reason: `the command's output has nothing that matches ${pattern}` };
  return {
    ok: false,
    reason: `the command's output matches ${pattern} with ${values.size} different values where one answer needs one`,
  };
}

/** The live answer: the pod from the dataset, the command run in it on the live cluster, the capture read. */
export async function liveAnswer(
  evidence: LiveEvidence,
  valueOf: (query: string) => Promise<AnswerFromResult>,
  runOnLiveCluster: RunOnLiveCluster,
): Promise<AnswerFromResult> {
  const pod = await valueOf(evidence.pod);
  if (!pod.ok) return { ok: false, reason: `the pod query: ${pod.reason}` };
  const line = execLine(pod.value, evidence);
  if (!line) return { ok: false, reason: `the pod query gave "${pod.value}", not namespace/name` };
  const output = await runOnLiveCluster(line);
  if (!output.ok) return { ok: false, reason: `${line}: ${output.reason}` };
  return answerFromOutput(output.value, evidence.pattern);
}
