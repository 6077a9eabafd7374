/**
 * Generates a scenario's dataset into IndexedDB: the simulation writes through the IndexedDB sink, and
 * the dataset takes the simulation's virtual start, end and now.
 */
import type { DatasetManifest, ScenarioRef } from '../../simulations/index';
import type { DatasetRecord, DatasetStore, StorylineFacts } from './datasets';
import { IndexedDbSink } from './indexedDbSink';

export interface GenerateRequest {
  /** A scenario id (its storyline has the same id) or the scenario and the storyline it plays. */
  scenario: string | ScenarioRef;
  seed: number;
  days: number;
}

export interface GenerateProgress {
  /** 0 to 1 of the simulated time. */
  fraction: number;
  /** Rows written so far. */
  rows: number;
  /** The simulation's virtual clock (ISO). */
  virtualNow: string;
}

/** The attack's start and its steps at their virtual times, for a case's evidence and debrief. */
export function storylineFacts(manifest: Pick<DatasetManifest, 'attackStart' | 'timeline'>): StorylineFacts {
  const facts: StorylineFacts = {};
  const attackStart = Date.parse(manifest.attackStart);
  if (!Number.isNaN(attackStart)) facts.attackStart = attackStart;
  // Datasets are stored as they were made: a step keeps its time and description only.
  facts.timeline = (manifest.timeline ?? []).map(({ time, description }) => ({ time, description }));
  return facts;
}

export async function generateDataset(
  store: DatasetStore,
  request: GenerateRequest,
  onProgress: (progress: GenerateProgress) => void = () => {},
): Promise<DatasetRecord> {
  // Loaded on demand: the simulation is only needed when a dataset is generated.
  const { runScenario } = await import('../../simulations/index');
  const scenarioId = typeof request.scenario === 'string' ? request.scenario : request.scenario.id;
  const dataset = await store.beginDataset({ scenario: scenarioId, seed: request.seed, days: request.days });
  const sink = new IndexedDbSink(dataset.id, store);
  try {
    const manifest = await runScenario({
      scenario: request.scenario,
      seed: request.seed,
      days: request.days,
      sink,
      onProgress: ({ fraction, rows, virtualNow }) => onProgress({ fraction, rows, virtualNow }),
    });
    return await store.finishDataset(
      dataset.id,
      {
        virtualStart: Date.parse(manifest.virtualStart),
        virtualEnd: Date.parse(manifest.virtualEnd),
        virtualNow: Date.parse(manifest.virtualNow),
      },
      storylineFacts(manifest),
    );
  } catch (error) {
    await store.markIncomplete(dataset.id, error instanceof Error ? error.message : String(error));
    throw error;
  }
}
