import Dexie, { type EntityTable, type Transaction } from 'dexie';
import type { StoredColumn } from './columnar';

/** Simulated log data. Separate from the learner database: dropping or upgrading it never touches progress. */
export const DATASET_DB_NAME = 'sc200-datasets';

export type DatasetStatus = 'generating' | 'ready' | 'incomplete';

export interface DatasetTableInfo {
  rowCount: number;
  chunkCount: number;
  /** Epoch ms range of the table's time column (TimeGenerated), when it has one with values. */
  minTime?: number;
  maxTime?: number;
  /** The dataset revision of the last write to this table: the worker reloads the table when it changes. */
  revision?: number;
}

/** One storyline step at its virtual time, as the simulation's manifest gives it (for a case's debrief). */
export interface DatasetTimelineStep {
  /** ISO 8601 UTC. */
  time: string;
  description: string;
}

export interface DatasetRecord {
  /** `${scenario}:${seed}:${days}` (see datasetId.ts): the same id in the browser and in Node gives the same rows. */
  id: string;
  scenario: string;
  seed: number;
  /** Simulated days, when the generator was told. */
  days?: number;
  status: DatasetStatus;
  /** Why the dataset is incomplete, in plain words. */
  problem?: string;
  createdAt: number;
  updatedAt: number;
  /** Virtual time of the scenario, epoch ms. `virtualNow` feeds now() and ago(). */
  virtualStart?: number;
  virtualEnd?: number;
  virtualNow?: number;
  /** Virtual time the attack storyline began, epoch ms (generated datasets). */
  attackStart?: number;
  /** The attack's steps at their virtual times (generated datasets, when the simulation reports them). */
  timeline?: DatasetTimelineStep[];
  tables: Record<string, DatasetTableInfo>;
  /** Grows with every write; the query worker reloads a cached table when it changes. */
  revision: number;
}

export interface ChunkRecord {
  id?: number;
  datasetId: string;
  table: string;
  /** Order of the chunk within its table. */
  seq: number;
  rowCount: number;
  /** Epoch-ms range of the time column in this chunk (0..0 when there is none), for time-range loads. */
  minTime: number;
  maxTime: number;
  /** Column names in the order of `columns`, as the definition was when the chunk was written. */
  columnNames: string[];
  columns: StoredColumn[];
}

export const DATASET_SCHEMA_VERSIONS: readonly {
  version: number;
  stores: Record<string, string>;
  upgrade?: (tx: Transaction) => Promise<void>;
}[] = [
  {
    version: 1,
    stores: {
      datasets: '&id, scenario, updatedAt',
      chunks: '++id, datasetId, [datasetId+table+seq], [datasetId+table+maxTime]',
    },
  },
  // Chunk format 2: `text` columns (mostly distinct strings joined) and dynamic cells as wire text. Format-1
  // chunks read unchanged, so there is nothing to convert; the version number makes an older copy of the site
  // refuse this database (VersionError) instead of misreading chunks it does not know.
  {
    version: 2,
    stores: {
      datasets: '&id, scenario, updatedAt',
      chunks: '++id, datasetId, [datasetId+table+seq], [datasetId+table+maxTime]',
    },
  },
];

export type DatasetDb = Dexie & {
  datasets: EntityTable<DatasetRecord, 'id'>;
  chunks: EntityTable<ChunkRecord, 'id'>;
};

export function createDatasetDb(name = DATASET_DB_NAME, upToVersion?: number): DatasetDb {
  // Relaxed durability: a commit is reported once the data is handed to the OS, without waiting for the disk to
  // flush. Datasets can be regenerated from scenario and seed, and the learner database keeps the default.
  const db = new Dexie(name, { chromeTransactionDurability: 'relaxed' }) as DatasetDb;
  for (const schema of DATASET_SCHEMA_VERSIONS) {
    if (upToVersion !== undefined && schema.version > upToVersion) break;
    const version = db.version(schema.version).stores(schema.stores);
    if (schema.upgrade) version.upgrade(schema.upgrade);
  }
  return db;
}

export const CURRENT_DATASET_VERSION = DATASET_SCHEMA_VERSIONS[DATASET_SCHEMA_VERSIONS.length - 1]!.version;
