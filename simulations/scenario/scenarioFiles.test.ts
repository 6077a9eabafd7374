import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioFiles } from '../node/loadScenarios';
import { parseScenarioDocument } from './scenarioDocuments';

const scenarios = loadScenarioFiles(join(import.meta.dirname, '../../content/scenarios'));

describe('scenario files', () => {
  it('cover the required storylines, one file each', () => {
    const storylines = scenarios.map((s) => s.scenario.storyline);
    for (const required of ['privileged-pod-escape', 'docker-sock-escape', 'stolen-token-escalation'])
      expect(storylines.filter((id) => id === required)).toHaveLength(1);
    for (const entry of scenarios) expect(entry.briefing.length).toBeGreaterThan(200);
  });

  it('reject a file whose frontmatter breaks the schema, naming the file and the field', () => {
    const text =
      '---\nid: Bad Id\ntitle: x\nsummary: y\ndifficulty: beginner\nseed: 1\nstoryline: privileged-pod-escape\nobjectives: []\n---\nbody';
    expect(() => parseScenarioDocument({ path: 'content/scenarios/bad.md', text })).toThrow(
      /content\/scenarios\/bad\.md: invalid scenario frontmatter: id: .*objectives/,
    );
    const unknown = text
      .replace('id: Bad Id', 'id: ok\nminutes: 5\nobjective: o\nopeningAlert: K8S_PrivilegedContainer')
      .replace(
        'objectives: []',
        'objectives: [{id: a, question: q, answers: [x], step: image, debrief: d, hints: [{text: t, cost: 1}]}]\nprevention: [{control: rbac, text: t}]',
      )
      .replace('privileged-pod-escape', 'nope');
    expect(() => parseScenarioDocument({ path: 'x.md', text: unknown })).toThrow(
      'x.md: storyline "nope" does not exist',
    );
  });
});
