import { describe, expect, it } from 'vitest';
import { knowledgeCheck, lessonFields, scenario } from './index';

const common = {
  id: 'scan-checkpoints',
  module: '4.7',
  lesson: 'modules/4-7-defender-for-containers',
  objective: 'Configure cloud workload protections in Microsoft Defender for Cloud',
};
const choice = (text: string, isCorrect: boolean) => ({ text, isCorrect, explanation: `Because ${text}.` });

function issuePaths(result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) {
  return result.error?.issues.map((issue) => issue.path.join('.')) ?? [];
}

describe('knowledge check schema', () => {
  it('accepts each kind of check', () => {
    const checks = [
      { ...common, type: 'single', choices: [choice('push', true), choice('never', false)] },
      {
        ...common,
        type: 'multiple',
        choices: [choice('push', true), choice('pull', true), choice('never', false)],
      },
      {
        ...common,
        type: 'ordering',
        items: [
          { text: 'Scope', explanation: 'First.' },
          { text: 'Contain', explanation: 'Then.' },
        ],
      },
      {
        ...common,
        type: 'matching',
        pairs: [
          { left: 'Privileged container', right: 'High', explanation: 'Host access.' },
          { left: 'New namespace', right: 'Low', explanation: 'Routine.' },
        ],
      },
      {
        ...common,
        type: 'query',
        referenceQuery: 'SecurityAlert | count',
        dataset: { scenario: 'privileged-pod-escape', seed: 1 },
        explanation: 'Counts the alerts.',
      },
    ];
    for (const check of checks) expect(knowledgeCheck.safeParse(check).success, check.type).toBe(true);
  });

  it('names the field of a choice without an explanation', () => {
    const result = knowledgeCheck.safeParse({
      ...common,
      type: 'single',
      choices: [choice('push', true), { text: 'never', isCorrect: false }],
    });
    expect(issuePaths(result)).toContain('choices.1.explanation');
  });

  it('rejects a single-choice question with two correct choices', () => {
    const result = knowledgeCheck.safeParse({
      ...common,
      type: 'single',
      choices: [choice('push', true), choice('pull', true)],
    });
    expect(issuePaths(result)).toContain('choices');
  });

  it('rejects an unknown type', () => {
    expect(knowledgeCheck.safeParse({ ...common, type: 'essay' }).success).toBe(false);
  });
});

describe('lesson fields', () => {
  it('require a module number, an objective, an order and minutes', () => {
    const result = lessonFields.safeParse({ module: 'four', order: -1 });
    expect(issuePaths(result).sort()).toEqual(['minutes', 'module', 'objective', 'order']);
  });
});

describe('scenario schema', () => {
  it('requires objectives with accepted answers', () => {
    const result = scenario.safeParse({
      id: 'privileged-pod-escape',
      title: 'Privileged pod escape',
      summary: 'A pod breaks out.',
      difficulty: 'beginner',
      seed: 7,
      storyline: 'privileged-pod-escape',
      objectives: [{ id: 'which-pod', question: 'Which pod?', answers: [] }],
    });
    expect(issuePaths(result)).toContain('objectives.0.answers');
  });
});
