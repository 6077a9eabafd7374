import { describe, expect, it } from 'vitest';
import { scenario } from '../schemas/scenario';
import { matchesStaticAnswer } from './answerDigest';
import { objectiveRules, toCaseDefinition } from './caseDefinition';

const parsed = scenario.parse({
  id: 'docker-sock-escape',
  title: 'The build agent that built more than images',
  summary: 'A pull request used the Docker socket.',
  difficulty: 'intermediate',
  minutes: 30,
  objective: 'Investigate and remediate container threats',
  seed: 11,
  storyline: 'docker-sock-escape',
  openingAlert: 'K8S_SensitiveMount',
  objectives: [
    {
      id: 'mount',
      question: 'Which host path is mounted?',
      answers: ['/var/run/docker.sock'],
      hints: [{ text: 'Look at `KubePodInventory`.', cost: 10 }],
      step: 'pod-configuration',
      debrief: 'The Docker socket is root on the node.',
    },
    {
      id: 'node',
      question: 'Which node?',
      query: 'KubePodInventory | take 1 | project Computer',
      wrongAnswers: [{ answer: 'aks-systempool', explanation: 'That pool runs no builds.' }],
      hints: [
        { text: 'Which table?', cost: 10 },
        { text: 'Which column?', cost: 20 },
      ],
      step: 'lateral-movement',
      debrief: 'The node was taken over.',
    },
  ],
  prevention: [{ control: 'pod-security', text: 'Baseline refuses hostPath.' }],
});

describe('toCaseDefinition', () => {
  it('keeps reference queries and hints, and carries static answers only as digests', async () => {
    const definition = await toCaseDefinition(parsed);
    expect(JSON.stringify(definition)).not.toContain('docker.sock');
    expect(definition.objectives[1]!.query).toBe('KubePodInventory | take 1 | project Computer');
    expect(definition.objectives[0]!.hints).toEqual([{ text: 'Look at `KubePodInventory`.', cost: 10 }]);
    expect(
      await matchesStaticAnswer(
        definition.id,
        '/VAR/run/docker.sock',
        definition.objectives[0]!.answerDigests,
      ),
    ).toBe(true);
    expect(definition.objectives[1]!.answerDigests).toEqual([]);
  });

  it('gives each objective its points and hint costs for grading', async () => {
    expect(objectiveRules((await toCaseDefinition(parsed)).objectives)).toEqual([
      { id: 'mount', points: 100, hintCosts: [10] },
      { id: 'node', points: 100, hintCosts: [10, 20] },
    ]);
  });
});
