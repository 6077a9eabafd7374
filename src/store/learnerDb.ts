import Dexie, { type EntityTable } from 'dexie';
import type { CaseRecord } from '../investigations/caseState';

/**
 * The learner's own data. It lives in a database of its own so that resetting, re-importing or
 * upgrading datasets can never touch it.
 */
export const LEARNER_DB_NAME = 'sc200-learner';

export interface LessonProgressRecord {
  lessonId: string;
  completedAt: number;
}

export interface AnswerRecord {
  id?: number;
  checkId: string;
  /** Whatever the check's widget produced (choice ids, text, a query); kept as JSON. */
  answer: unknown;
  correct: boolean;
  answeredAt: number;
  /** How long the learner took, when the widget measured it. */
  durationMs?: number;
}

/** ts-fsrs card state with dates as epoch milliseconds, so that it exports to JSON unchanged. */
export interface StoredCard {
  due: number;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  scheduled_days: number;
  learning_steps: number;
  reps: number;
  lapses: number;
  state: number;
  last_review?: number;
}

export interface ReviewCardRecord {
  checkId: string;
  card: StoredCard;
  /** Copy of card.due, indexed for "what is due now". */
  due: number;
  updatedAt: number;
}

export interface QueryHistoryRecord {
  id?: number;
  text: string;
  ranAt: number;
  datasetId?: string;
  rowCount?: number;
  durationMs?: number;
  error?: string;
}

export interface SavedQueryRecord {
  id?: number;
  name: string;
  text: string;
  savedAt: number;
  updatedAt: number;
  description?: string;
}

/** The learner's run of one investigation (see src/investigations/caseState.ts): one record per case. */
export type { CaseRecord };

/**
 * One step of the learner's session on a live cluster: the virtual clock run to `time`, then the kubectl call
 * `line` when there is one (a step without a line is the clock alone: play, step or a jump to an event).
 */
export interface ClusterStepRecord {
  /** Virtual time (epoch ms): a replay advances the clock to it before running the line. */
  time: number;
  line?: string;
  /** What the learner piped in (a pasted manifest for `kubectl apply -f -`). */
  stdin?: string;
  /** Wall-clock time the learner took the step. */
  ranAt: number;
  /** False until the rows the step produced are in the dataset: a reload appends what is missing. */
  appended: boolean;
}

/**
 * The learner's session on the live cluster of one dataset. The cluster itself is rebuilt from the dataset's seed,
 * so a reload replays these steps to reach the same state.
 */
export interface ClusterSessionRecord {
  datasetId: string;
  /** `createdAt` of the dataset the rows went into: a regenerated dataset lost them, and a reload writes them again. */
  datasetCreatedAt: number;
  steps: ClusterStepRecord[];
  updatedAt: number;
}

export interface SettingRecord {
  key: string;
  value: unknown;
}

/**
 * Every schema the learner database ever had, oldest first. Never edit a released entry: add a
 * new one (with an upgrade function when data must change). learnerDb.test.ts opens a database at
 * each earlier version, fills it, and checks that the current version keeps everything.
 */
export const LEARNER_SCHEMA_VERSIONS: readonly {
  version: number;
  stores: Record<string, string>;
  upgrade?: (tx: import('dexie').Transaction) => Promise<void>;
}[] = [
  {
    version: 1,
    stores: {
      progress: '&lessonId, completedAt',
      answers: '++id, checkId, answeredAt',
      reviewCards: '&checkId, due',
      queryHistory: '++id, ranAt',
      savedQueries: '++id, &name, updatedAt',
      settings: '&key',
    },
  },
  {
    // Latest answer per check without reading every attempt of that check.
    version: 2,
    stores: {
      answers: '++id, checkId, answeredAt, [checkId+answeredAt]',
    },
  },
  {
    // Investigations: the current run of each case (answers, hints, points, notebook), keyed by scenario.
    version: 3,
    stores: {
      cases: '&scenarioId, updatedAt',
    },
  },
  {
    // The live cluster: the learner's kubectl calls and virtual clock per dataset, replayed on reload.
    version: 4,
    stores: {
      clusterSessions: '&datasetId, updatedAt',
    },
  },
];

export type LearnerDb = Dexie & {
  progress: EntityTable<LessonProgressRecord, 'lessonId'>;
  answers: EntityTable<AnswerRecord, 'id'>;
  reviewCards: EntityTable<ReviewCardRecord, 'checkId'>;
  queryHistory: EntityTable<QueryHistoryRecord, 'id'>;
  savedQueries: EntityTable<SavedQueryRecord, 'id'>;
  settings: EntityTable<SettingRecord, 'key'>;
  cases: EntityTable<CaseRecord, 'scenarioId'>;
  clusterSessions: EntityTable<ClusterSessionRecord, 'datasetId'>;
};

/** Opens (lazily, on first use) the learner database with the schemas up to `upToVersion`. */
export function createLearnerDb(name = LEARNER_DB_NAME, upToVersion?: number): LearnerDb {
  const db = new Dexie(name) as LearnerDb;
  for (const schema of LEARNER_SCHEMA_VERSIONS) {
    if (upToVersion !== undefined && schema.version > upToVersion) break;
    const version = db.version(schema.version).stores(schema.stores);
    if (schema.upgrade) version.upgrade(schema.upgrade);
  }
  return db;
}

export const CURRENT_LEARNER_VERSION = LEARNER_SCHEMA_VERSIONS[LEARNER_SCHEMA_VERSIONS.length - 1]!.version;
