import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioFiles } from '../simulations/node/loadScenarios';
import { parseScenarioDocument } from '../simulations/scenario/scenarioDocuments';
import { checkCase, giveaways, seedsFor, staticProblems } from './scenarioCheck';

const root = join(import.meta.dirname, '..');
const scenarios = loadScenarioFiles(join(root, 'content/scenarios'));
const brokenContent = join(root, 'src/schemas/fixtures/broken-scenario-query');
const catalogPath = join(root, '../shared/reference/defender-k8s-alerts.json');
const haveCatalog = existsSync(catalogPath);
if (!haveCatalog)
  console.log(
    'skipped: scenario alert names vs Defender catalog (../shared/reference/defender-k8s-alerts.json not found)',
  );

describe('scenario:check', () => {
  it('finds every reference and wrong-answer query of every scenario file parses and binds', () => {
    expect(staticProblems(scenarios)).toEqual([]);
  });

  it('names the file, the objective and the place of a query that does not bind, and exits 1 (the build runs this)', () => {
    const tsx = join(root, 'node_modules/tsx/dist/cli.mjs');
    const run = spawnSync(
      process.execPath,
      [tsx, join(root, 'scripts/scenarioCheck.ts'), '--static', '--content', brokenContent],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      'broken-scenario-query/scenarios/unknown-column.md: objective "creator", reference query, line 1 column 64: The name \'Userr\' does not refer to any known column',
    );
  }, 70_000);

  it('checks the default seed alone unless asked for all, and then the default and seeds 1 to 4 once each', () => {
    const scenario = scenarios[0]!.scenario;
    expect(seedsFor(scenario, false)).toEqual([scenario.seed]);
    expect(seedsFor({ ...scenario, seed: 3 }, true)).toEqual([3, 1, 2, 4]);
  });

  it('reports a query with several rows, a missing opening alert and a wrong answer that is the answer', async () => {
    const text = readFileSync(join(brokenContent, 'scenarios/unknown-column.md'), 'utf8')
      .replace('openingAlert: K8S_PrivilegedContainer', 'openingAlert: K8S_ExposedDashboard')
      .replace(
        /query: AKSAudit .*\n/,
        [
          'query: SecurityAlert | distinct AlertType',
          '    wrongAnswers:',
          '      - answer: nobody',
          '        explanation: x',
          '',
        ].join('\n'),
      )
      .replace(
        'prevention:',
        [
          '  - id: kind',
          '    question: Which alert?',
          '    step: image',
          '    query: SecurityAlert | where AlertType == "K8S_PrivilegedContainer" | distinct AlertType',
          '    wrongAnswers:',
          '      - answer: "k8s_privilegedcontainer "',
          '        explanation: y',
          '    hints: [{ text: t, cost: 1 }]',
          '    debrief: d',
          'prevention:',
        ].join('\n'),
      );
    const entry = parseScenarioDocument({ path: 'fixture.md', text });
    const report = await checkCase(entry, [entry.scenario.seed]);
    expect(report.problems).toEqual([
      'unknown-column seed 1: the opening alert K8S_ExposedDashboard is not in SecurityAlert',
      expect.stringMatching(
        /^unknown-column seed 1 objective "creator": reference query: the query returned \d+ rows where one answer needs exactly one$/,
      ),
      'unknown-column seed 1 objective "kind": wrong answer 1 "k8s_privilegedcontainer " is accepted as the right answer',
    ]);
    expect(report.generationMs.get(1)).toBeGreaterThan(0);
  }, 60_000);

  it('requires an opening alert with an incident, and an answer that changes between seeds unless the objective is fixed (and then does not)', async () => {
    const samePerSeed = 'SecurityAlert | where AlertType == "K8S_PrivilegedContainer" | distinct AlertType';
    const podPerSeed =
      'SecurityAlert | where AlertType == "K8S_PrivilegedContainer" | project Pod = tostring(parse_json(ExtendedProperties)["Pod name"]) | distinct Pod';
    const text = readFileSync(join(brokenContent, 'scenarios/unknown-column.md'), 'utf8')
      .replace(/query: AKSAudit .*\n/, `query: '${samePerSeed}'\n`)
      .replace(
        'prevention:',
        [
          '  - id: pod',
          '    question: Which pod?',
          '    step: preserve-evidence',
          '    fixed: true',
          `    query: '${podPerSeed}'`,
          '    hints: [{ text: t, cost: 1 }]',
          '    debrief: d',
          'prevention:',
        ].join('\n'),
      );
    const entry = parseScenarioDocument({ path: 'fixture.md', text });
    const report = await checkCase(entry, [1, 4]);
    const noIncident = (seed: number) =>
      `unknown-column seed ${seed}: the opening alert K8S_PrivilegedContainer opens no incident in SecurityIncident (informational alerts do not); the case page shows the incident, so pick an alert of severity Low or above`;
    expect(report.problems).toEqual([
      noIncident(1),
      noIncident(4),
      'unknown-column objective "creator": the answer is "K8S_PrivilegedContainer" for every seed (1, 4); vary the indicator in the storyline, or mark the objective fixed: true if it cannot vary',
      expect.stringMatching(
        /^unknown-column objective "pod" is marked fixed but its answer changes with the seed/,
      ),
    ]);
  }, 90_000);

  it('flags an answer written in the brief or a hint, also as the name of a namespace/name answer', () => {
    const text = readFileSync(join(brokenContent, 'scenarios/unknown-column.md'), 'utf8').replace(
      'A fixture:',
      'The pod sys-diag was deleted. A fixture:',
    );
    const entry = parseScenarioDocument({ path: 'fixture.md', text });
    const answers = new Map([
      [
        'creator',
        new Map([
          [1, 'default/sys-diag'],
          [2, 'default/node-debug'],
        ]),
      ],
    ]);
    expect(giveaways(entry, answers)).toEqual([
      'unknown-column seed 1 objective "creator": the answer "sys-diag" is written in what the learner reads before solving',
    ]);
    entry.scenario.objectives[0]!.fixed = true;
    expect(giveaways(entry, answers)).toEqual([]);
  });

  it.runIf(haveCatalog)('uses only alert types and names of the Defender catalog', () => {
    const catalog = (
      JSON.parse(readFileSync(catalogPath, 'utf8')) as {
        catalog: { alertType: string; displayName: string }[];
      }
    ).catalog;
    const types = new Set(catalog.map((entry) => entry.alertType));
    const names = new Set(catalog.map((entry) => entry.displayName));
    for (const { scenario } of scenarios) {
      expect(types.has(scenario.openingAlert), `${scenario.id} openingAlert`).toBe(true);
      for (const missed of scenario.missedDetections)
        expect(names.has(missed.alert), `${scenario.id}: "${missed.alert}"`).toBe(true);
    }
  });

  it('links only lessons that exist', () => {
    for (const { scenario } of scenarios) {
      expect(scenario.lessons.length, scenario.id).toBeGreaterThan(0);
      for (const slug of scenario.lessons)
        expect(
          existsSync(join(root, 'content', `${slug}.md`)) || existsSync(join(root, 'content', `${slug}.mdx`)),
          `${scenario.id}: lesson ${slug}`,
        ).toBe(true);
    }
  });

  it('gives every case at least five objectives, tiered hints, and one objective that correlates two tables', () => {
    for (const { scenario } of scenarios) {
      expect(scenario.objectives.length, scenario.id).toBeGreaterThanOrEqual(5);
      for (const objective of scenario.objectives)
        expect(objective.hints.length, `${scenario.id}/${objective.id}`).toBeGreaterThanOrEqual(3);
      const tablesOf = (query: string) =>
        new Set(
          query.match(
            /\b(SecurityAlert|AKSAudit|KubePodInventory|ContainerLogV2|SecurityNestedRecommendation|KubeNodeInventory|KubeEvents|ContainerInventory)\b/g,
          ),
        );
      expect(
        scenario.objectives.some((objective) => objective.query && tablesOf(objective.query).size >= 2),
        scenario.id,
      ).toBe(true);
    }
  });
});
