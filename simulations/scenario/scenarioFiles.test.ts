import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Row, Sink } from '../core/sink';
import { loadScenarioFiles } from '../node/loadScenarios';
import { parseScenarioDocument } from './scenarioDocuments';
import { runScenario } from './runner';

const scenarios = loadScenarioFiles(join(import.meta.dirname, '../../content/scenarios'));

/** Keeps every row's JSON in lower case, to look answers up in. */
class TextSink implements Sink {
  text = '';
  append(_table: string, rows: readonly Row[]): void {
    for (const row of rows) this.text += `${JSON.stringify(row).toLowerCase()}\n`;
  }
  flush(): void {}
}

describe('scenario files', () => {
  it('cover the required storylines, one file each', () => {
    const storylines = scenarios.map((s) => s.scenario.storyline);
    for (const required of ['privileged-pod-escape', 'docker-sock-escape', 'stolen-token-escalation'])
      expect(storylines.filter((id) => id === required)).toHaveLength(1);
    for (const entry of scenarios) expect(entry.briefing.length).toBeGreaterThan(200);
  });

  for (const entry of scenarios) {
    it(`${entry.scenario.id}: every objective has an accepted answer that the dataset (default seed) contains`, async () => {
      const sink = new TextSink();
      await runScenario({ scenario: entry.scenario, seed: entry.scenario.seed, days: 1, sink });
      for (const objective of entry.scenario.objectives) {
        const found = objective.answers.some((answer) =>
          sink.text.includes(JSON.stringify(answer.toLowerCase()).slice(1, -1)),
        );
        expect(
          found,
          `${entry.scenario.id}/${objective.id}: none of ${objective.answers.join(', ')} appears in the data`,
        ).toBe(true);
      }
    });
  }

  it('reject a file whose frontmatter breaks the schema, naming the file and the field', () => {
    const text =
      '---\nid: Bad Id\ntitle: x\nsummary: y\ndifficulty: beginner\nseed: 1\nstoryline: privileged-pod-escape\nobjectives: []\n---\nbody';
    expect(() => parseScenarioDocument({ path: 'content/scenarios/bad.md', text })).toThrow(
      /content\/scenarios\/bad\.md: invalid scenario frontmatter: id: .*objectives/,
    );
    const unknown = text
      .replace('id: Bad Id', 'id: ok')
      .replace('objectives: []', 'objectives: [{id: a, question: q, answers: [x]}]')
      .replace('privileged-pod-escape', 'nope');
    expect(() => parseScenarioDocument({ path: 'x.md', text: unknown })).toThrow(
      'x.md: storyline "nope" does not exist',
    );
  });
});
