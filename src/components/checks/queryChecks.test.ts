import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createKqlEngine } from '../../kql/index';
import { knowledgeCheck, scenario as scenarioSchema } from '../../schemas/index';
import { readContentFolder } from '../../schemas/moduleContent';
import { compareResultSets, type ResultSet } from './resultSetDiff';

const contentRoot = join(import.meta.dirname, '../../../content');
const simulationEntry = join(import.meta.dirname, '../../../simulations/index.ts');
const haveSimulation = existsSync(simulationEntry) && existsSync(join(contentRoot, 'scenarios'));
if (!haveSimulation)
  console.log('skipped: query checks on simulated data (simulations/ or content/scenarios/ missing)');

const queryChecks = readContentFolder(contentRoot, 'checks').flatMap((file) => {
  const parsed = knowledgeCheck.safeParse(file.frontmatter);
  return parsed.success && parsed.data.type === 'query' ? [parsed.data] : [];
});

interface Simulation {
  simulate(options: { scenario: string; seed: number; days: number; sink: unknown }): Promise<unknown>;
  MemorySink: new () => { tables: Map<string, Record<string, unknown>[]> };
}

async function datasetEngine(scenarioId: string, seed: number) {
  const scenarios = readContentFolder(contentRoot, 'scenarios').map((file) =>
    scenarioSchema.parse(file.frontmatter),
  );
  const scenario = scenarios.find((candidate) => candidate.id === scenarioId);
  if (!scenario) throw new Error(`no scenario "${scenarioId}" in content/scenarios/`);
  // Loaded by path so that this file compiles before the simulation is part of the project.
  const simulation = (await import(/* @vite-ignore */ simulationEntry)) as Simulation;
  const sink = new simulation.MemorySink();
  const manifest = (await simulation.simulate({
    scenario: scenario.storyline,
    seed,
    days: scenario.days,
    sink,
  })) as {
    manifest: { virtualNow: string };
  };
  const engine = createKqlEngine();
  for (const [table, rows] of sink.tables) engine.loadTable(table, rows);
  const now = new Date(manifest.manifest.virtualNow);
  return (query: string): ResultSet => {
    const outcome = engine.query(query, { now });
    if (!outcome.ok)
      throw new Error(`${outcome.code} at ${outcome.line}:${outcome.column}: ${outcome.message}`);
    return { columns: outcome.columns.map(({ name, type }) => ({ name, type })), rows: outcome.rows() };
  };
}

describe.runIf(haveSimulation)('"write a query" checks on their simulated data', () => {
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
