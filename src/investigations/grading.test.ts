import { describe, expect, it } from 'vitest';
import type { AnswerFromResult } from './answers';
import { gradeAnswer, type ValueOf } from './grading';

function valuesOf(values: Record<string, AnswerFromResult>): ValueOf {
  return (query) => {
    const value = values[query];
    if (!value) throw new Error(`unexpected query ${query}`);
    return Promise.resolve(value);
  };
}

const objective = {
  query: 'reference',
  wrongAnswers: [
    { query: 'kubelet', explanation: "That is the node's own kubelet identity, not the attacker's." },
    { answer: 'default', explanation: 'That is the namespace, not the pod.' },
  ],
};
const data = valuesOf({
  reference: { ok: true, value: 'default/sys-diag-7f' },
  kubelet: { ok: true, value: 'system:node:aks-nodepool1-0' },
});

describe('gradeAnswer', () => {
  it('accepts the reference value up to normalisation, and the name alone for ns/name', async () => {
    expect(await gradeAnswer(objective, ' "DEFAULT/sys-diag-7f" ', data)).toEqual({ verdict: 'correct' });
    expect(await gradeAnswer(objective, 'sys-diag-7f', data)).toEqual({ verdict: 'correct' });
  });
  it('explains a known wrong answer given by query or by text', async () => {
    expect(await gradeAnswer(objective, 'system:node:aks-nodepool1-0', data)).toEqual({
      verdict: 'known-wrong',
      explanation: "That is the node's own kubelet identity, not the attacker's.",
    });
    expect(await gradeAnswer(objective, 'Default', data)).toEqual({
      verdict: 'known-wrong',
      explanation: 'That is the namespace, not the pod.',
    });
  });
  it('calls any other answer wrong', async () => {
    expect(await gradeAnswer(objective, 'kube-system/coredns', data)).toEqual({ verdict: 'wrong' });
    expect(await gradeAnswer(objective, '', data)).toEqual({ verdict: 'wrong' });
  });
  it('accepts static answers beside the query value', async () => {
    const both = { ...objective, answers: ['restricted'] };
    expect(await gradeAnswer(both, 'Restricted', data)).toEqual({ verdict: 'correct' });
  });
  it('says when the reference query gives no single value', async () => {
    const broken = valuesOf({
      reference: { ok: false, reason: 'the query returned 2 rows where one answer needs exactly one' },
    });
    expect(await gradeAnswer({ query: 'reference', wrongAnswers: [] }, 'x', broken)).toEqual({
      verdict: 'unanswerable',
      reason: 'the query returned 2 rows where one answer needs exactly one',
    });
  });
  it('does not call the right answer wrong when a known-wrong query gives the same value on this seed', async () => {
    const same = valuesOf({
      reference: { ok: true, value: 'a' },
      kubelet: { ok: true, value: 'a' },
    });
    expect(
      await gradeAnswer({ query: 'reference', wrongAnswers: [objective.wrongAnswers[0]!] }, 'a', same),
    ).toEqual({
      verdict: 'correct',
    });
  });
});
