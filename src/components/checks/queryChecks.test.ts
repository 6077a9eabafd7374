import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MemorySink, simulate } from '../../../simulations/index';
import { createKqlEngine } from '../../kql/index';
import { knowledgeCheck, lessonFields, scenario as scenarioSchema } from '../../schemas/index';
import { readContentFolder } from '../../schemas/moduleContent';
import { kqlExamples } from './kqlExamples';
import { compareResultSets, type ResultSet } from './resultSetDiff';

const contentRoot = join(import.meta.dirname, '../../../content');
const queryChecks = readContentFolder(contentRoot, 'checks').flatMap((file) => {
  const parsed = knowledgeCheck.safeParse(file.frontmatter);
  return parsed.success && parsed.data.type === 'query' ? [parsed.data] : [];
});

async function simulateDataset(scenarioId: string, seed: number) {
  const scenarios = readContentFolder(contentRoot, 'scenarios').map((file) =>
    scenarioSchema.parse(file.frontmatter),
  );
  const scenario = scenarios.find((candidate) => candidate.id === scenarioId);
  if (!scenario) throw new Error(`no scenario "${scenarioId}" in content/scenarios/`);
  const sink = new MemorySink();
  const { manifest } = await simulate({ scenario: scenario.storyline, seed, days: scenario.days, sink });
  const engine = createKqlEngine();
  for (const [table, rows] of sink.tables) engine.loadTable(table, rows);
  const now = new Date(manifest.virtualNow);
  return (query: string): ResultSet => {
    const outcome = engine.query(query, { now });
    if (!outcome.ok)
      throw new Error(`${outcome.code} at ${outcome.line}:${outcome.column}: ${outcome.message}`);
    return { columns: outcome.columns.map(({ name, type }) => ({ name, type })), rows: outcome.rows() };
  };
}

/** One simulation per data set, shared by the checks that use it (each takes seconds to build). */
const datasets = new Map<string, ReturnType<typeof simulateDataset>>();
function datasetEngine(scenarioId: string, seed: number) {
  const key = `${scenarioId}@${seed}`;
  if (!datasets.has(key)) datasets.set(key, simulateDataset(scenarioId, seed));
  return datasets.get(key)!;
}

describe('"write a query" checks on their simulated data', () => {
  it('exist', () => expect(queryChecks.length).toBeGreaterThanOrEqual(3));

  for (const check of queryChecks) {
    it(`${check.id}: the reference returns rows, and the starter query is not already the answer`, async () => {
      const run = await datasetEngine(check.dataset.scenario, check.dataset.seed);
      const reference = run(check.referenceQuery);
      expect(reference.rows.length).toBeGreaterThan(0);
      expect(compareResultSets(reference, reference, check.orderMatters).correct).toBe(true);
      const starter = compareResultSets(run(check.starterQuery), reference, check.orderMatters);
      expect(starter.correct).toBe(false);
      expect(starter.feedback.length).toBeGreaterThan(0);
    }, 180_000);
  }
});

const lessonsWithLab = readContentFolder(contentRoot, 'modules').flatMap((file) => {
  const parsed = lessonFields.safeParse(file.frontmatter);
  return parsed.success && parsed.data.lab ? [{ id: file.id, lab: parsed.data.lab, body: file.body }] : [];
});

describe('lesson KQL examples ("Open in lab")', () => {
  it('exist for module 4.7', () => expect(lessonsWithLab.length).toBeGreaterThanOrEqual(2));

  for (const lesson of lessonsWithLab) {
    it(`${lesson.id}: every example returns rows on ${lesson.lab.scenario} seed ${lesson.lab.seed}`, async () => {
      const run = await datasetEngine(lesson.lab.scenario, lesson.lab.seed);
      const examples = kqlExamples(lesson.body);
      expect(examples.length).toBeGreaterThan(0);
      for (const query of examples) expect(run(query).rows.length, query).toBeGreaterThan(0);
    }, 180_000);
  }
});
