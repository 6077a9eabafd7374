import { describe, expect, it } from 'vitest';
import type { AnswerFromResult } from './answers';
import { gradeAnswer } from './grading';
import { answerFromOutput, execLine, liveAnswer, type LiveEvidence } from './liveEvidence';

const SS_OUTPUT = [
  'State Recv-Q Send-Q Local Address:Port    Peer Address:PortProcess',
  'ESTAB 0      0        10.244.2.25:54677 198.51.100.166:4444 users:(("bash",pid=16,fd=2))',
  '',
].join('\n');

const EVIDENCE: LiveEvidence = {
  pod: 'SecurityAlert | project Pod',
  container: 'php-fpm',
  command: 'ss -tnp',
  pattern: String.raw`^ESTAB\s+\d+\s+\d+\s+[0-9.]+:(\d+)\s+\S+\s+users:\(\("bash"`,
};

const podIs = (pod: string) => async (): Promise<AnswerFromResult> => ({ ok: true, value: pod });

describe('live evidence', () => {
  it('writes the exec line a learner types', () => {
    expect(execLine('shop/storefront-7d9-abcde', EVIDENCE)).toBe(
      'kubectl exec -n shop storefront-7d9-abcde -c php-fpm -- ss -tnp',
    );
    expect(execLine('shop/web', { command: 'ps aux' })).toBe('kubectl exec -n shop web -- ps aux');
    expect(execLine('not a pod; rm -rf /', EVIDENCE)).toBeUndefined();
  });

  it('reads the capture of the pattern, and refuses none or several values', () => {
    expect(answerFromOutput(SS_OUTPUT, EVIDENCE.pattern)).toEqual({ ok: true, value: '54677' });
    expect(answerFromOutput('State Recv-Q\n', EVIDENCE.pattern)).toMatchObject({ ok: false });
    const twice = answerFromOutput('a=1\na=2\n', 'a=(\\d)');
    expect(twice).toEqual({
      ok: false,
      reason: "the command's output matches a=(\\d) with 2 different values where one answer needs one",
    });
  });

  it('runs the command in the pod the dataset names', async () => {
    const lines: string[] = [];
    const answer = await liveAnswer(EVIDENCE, podIs('shop/storefront-1'), async (line) => {
      lines.push(line);
      return { ok: true, value: SS_OUTPUT };
    });
    expect(answer).toEqual({ ok: true, value: '54677' });
    expect(lines).toEqual(['kubectl exec -n shop storefront-1 -c php-fpm -- ss -tnp']);
    expect(await liveAnswer(EVIDENCE, podIs('storefront-1'), async () => ({ ok: true, value: '' }))).toEqual({
      ok: false,
      reason: 'the pod query gave "storefront-1", not namespace/name',
    });
  });

  it('grades a live objective against the live pod, and cannot grade it without the cluster', async () => {
    const run = async (): Promise<AnswerFromResult> => ({ ok: true, value: SS_OUTPUT });
    const objective = {
      live: EVIDENCE,
      wrongAnswers: [{ answer: '4444', explanation: "That is the attacker's port." }],
    };
    expect(await gradeAnswer(objective, '54677', podIs('shop/storefront-1'), run)).toEqual({
      verdict: 'correct',
    });
    expect(await gradeAnswer(objective, '4444', podIs('shop/storefront-1'), run)).toEqual({
      verdict: 'known-wrong',
      explanation: "That is the attacker's port.",
    });
    expect(await gradeAnswer(objective, '54677', podIs('shop/storefront-1'))).toMatchObject({
      verdict: 'unanswerable',
    });
  });
});
