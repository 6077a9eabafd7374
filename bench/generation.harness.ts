/**
 * Runs in Chromium (bundled by bench/generation.bench.ts): a case's dataset generated into IndexedDB exactly as
 * the site's query worker does it (generateDataset through the IndexedDB sink), and the simulation alone.
 */
import Dexie from 'dexie';
import { CountingSink, runScenario, type ScenarioRef } from '../simulations/index';
import type { StoredColumn } from '../src/store/columnar';
import { createDatasetDb } from '../src/store/datasetDb';
import { createDatasetStore } from '../src/store/datasets';
import { generateDataset } from '../src/store/generate';

export interface BrowserCpu {
  totalMs: number;
  byTypeMs: Record<string, number>;
}

export interface GenerationFigures {
  rows: number;
  generateMs: number;
  cpu: BrowserCpu;
  /** Of generateMs: rows to columns, and the IndexedDB transactions (the rest is the simulation). */
  encodeMs: number;
  writeMs: number;
  /** navigator.storage.estimate() usage before and after. */
  usageBefore: number;
  usageAfter: number;
  /** Bytes of the stored columns (typed arrays, and one byte per character of text) by table. */
  encodedBytes: Record<string, number>;
}

export interface SimulationFigures {
  rows: number;
  simulationMs: number;
  cpu: BrowserCpu;
}

const DATABASE = 'generation-bench';

async function browserCpu(): Promise<BrowserCpu> {
  const read = (globalThis as { benchCpu?: () => Promise<BrowserCpu | undefined> }).benchCpu;
  return (read ? await read() : undefined) ?? { totalMs: NaN, byTypeMs: {} };
}

function cpuSince(before: BrowserCpu, after: BrowserCpu): BrowserCpu {
  const byTypeMs: Record<string, number> = {};
  for (const [type, ms] of Object.entries(after.byTypeMs)) byTypeMs[type] = ms - (before.byTypeMs[type] ?? 0);
  return { totalMs: after.totalMs - before.totalMs, byTypeMs };
}

function storedBytes(column: StoredColumn): number {
  const nulls = 'nulls' in column ? (column.nulls?.byteLength ?? 0) : 0;
  switch (column.kind) {
    case 'dict':
      return column.codes.byteLength + column.dictionary.reduce((sum, text) => sum + text.length, 0);
    case 'text':
      return column.ends.byteLength + column.text.length + nulls;
    case 'num':
    case 'bool':
      return column.values.byteLength + nulls;
    case 'datetime':
      return column.epochMs.byteLength + (column.subMsTicks?.byteLength ?? 0) + nulls;
    case 'timespan':
      return column.ticks.byteLength + nulls;
  }
}

async function usage(): Promise<number> {
  return (await navigator.storage.estimate()).usage ?? NaN;
}

export async function runGeneration(
  scenario: ScenarioRef,
  seed: number,
  days: number,
): Promise<GenerationFigures> {
  await Dexie.delete(DATABASE);
  const usageBefore = await usage();
  let encodeMs = 0;
  let writeMs = 0;
  const store = createDatasetStore(createDatasetDb(DATABASE), {
    onBatchStored: (timing) => {
      encodeMs += timing.encodeMs;
      writeMs += timing.writeMs;
    },
  });
  const cpuBefore = await browserCpu();
  const started = performance.now();
  const dataset = await generateDataset(store, { scenario, seed, days });
  const generateMs = performance.now() - started;
  const cpu = cpuSince(cpuBefore, await browserCpu());
  const usageAfter = await usage();
  const encodedBytes: Record<string, number> = {};
  await store.db.chunks
    .where('datasetId')
    .equals(dataset.id)
    .each((chunk) => {
      const bytes = chunk.columns.reduce((sum, column) => sum + storedBytes(column), 0);
      encodedBytes[chunk.table] = (encodedBytes[chunk.table] ?? 0) + bytes;
    });
  store.db.close();
  const rows = Object.values(dataset.tables).reduce((sum, info) => sum + info.rowCount, 0);
  return { rows, generateMs, cpu, encodeMs, writeMs, usageBefore, usageAfter, encodedBytes };
}

export async function runSimulationOnly(
  scenario: ScenarioRef,
  seed: number,
  days: number,
): Promise<SimulationFigures> {
  const sink = new CountingSink();
  const cpuBefore = await browserCpu();
  const started = performance.now();
  const manifest = await runScenario({ scenario, seed, days, sink });
  const simulationMs = performance.now() - started;
  const cpu = cpuSince(cpuBefore, await browserCpu());
  const rows = Object.values(manifest.rowCounts).reduce((sum, count) => sum + count, 0);
  return { rows, simulationMs, cpu };
}

Object.assign(globalThis, { runGeneration, runSimulationOnly });
