import type { Card } from 'ts-fsrs';
import {
  createLearnerDb,
  type AnswerRecord,
  type CaseRecord,
  type ClusterSessionRecord,
  type LearnerDb,
  type LessonProgressRecord,
  type QueryHistoryRecord,
  type ReviewCardRecord,
  type SavedQueryRecord,
  type StoredCard,
} from './learnerDb';
import type { LearnerDataExport } from './learnerExport';
import { LEARNER_EXPORT_FORMAT } from './learnerExportFormat';
import { toStoreError } from './storeError';
import { isCheckedSettingKey } from './settingKeys';

export type {
  AnswerRecord,
  CaseRecord,
  ClusterStepRecord,
  ClusterSessionRecord,
  LessonProgressRecord,
  QueryHistoryRecord,
  ReviewCardRecord,
  SavedQueryRecord,
} from './learnerDb';
export type { LearnerDataExport } from './learnerExport';

/** How many query-history entries are kept; older ones are dropped when new ones are added. */
export const QUERY_HISTORY_LIMIT = 500;

export interface NewAnswer {
  checkId: string;
  answer: unknown;
  correct: boolean;
  /** Epoch ms; defaults to now. */
  answeredAt?: number;
  durationMs?: number;
}

export interface NewQueryHistoryEntry {
  text: string;
  ranAt?: number;
  datasetId?: string;
  rowCount?: number;
  durationMs?: number;
  error?: string;
}

export interface ReviewCard {
  checkId: string;
  card: Card;
  updatedAt: number;
}

export function toStoredCard(card: Card): StoredCard {
  const stored: StoredCard = {
    due: card.due.getTime(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsed_days,
    scheduled_days: card.scheduled_days,
    learning_steps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
  };
  if (card.last_review) stored.last_review = card.last_review.getTime();
  return stored;
}

export function fromStoredCard(stored: StoredCard): Card {
  const card: Card = {
    due: new Date(stored.due),
    stability: stored.stability,
    difficulty: stored.difficulty,
    elapsed_days: stored.elapsed_days,
    scheduled_days: stored.scheduled_days,
    learning_steps: stored.learning_steps,
    reps: stored.reps,
    lapses: stored.lapses,
    state: stored.state,
  };
  if (stored.last_review !== undefined) card.last_review = new Date(stored.last_review);
  return card;
}

async function guarded<T>(action: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toStoreError(error, action);
  }
}

/**
 * The settings' schemas (zod) load on the first read of a checked setting, not with the learner store: a lesson page
 * loads the store at once, reads only unchecked settings, and stays within its JS budget.
 */
function settingChecks(): Promise<typeof import('./settings')> {
  return import('./settings');
}

async function checkStoredSetting(
  key: string,
  value: unknown,
): Promise<{ ok: true } | { ok: false; problem: string }> {
  if (!isCheckedSettingKey(key)) return { ok: true };
  return (await settingChecks()).checkSetting(key, value);
}

/**
 * The learner-data API over one database. Components and engines use the module-level functions
 * below (bound to the site's database); tests may build their own over a throw-away database.
 */
export function createLearnerStore(db: LearnerDb = createLearnerDb()) {
  /**
   * A setting with what is wrong with it: a view shows the rest of its page with the fallback, says `problem`, and
   * offers resetSetting(key).
   */
  function readSetting<T>(key: string, fallback: T): Promise<{ value: T; problem?: string }> {
    return guarded(`reading the setting "${key}"`, async () => {
      const record = await db.settings.get(key);
      if (record === undefined) return { value: fallback };
      const check = await checkStoredSetting(key, record.value);
      return check.ok ? { value: record.value as T } : { value: fallback, problem: check.problem };
    });
  }

  return {
    db,

    markLessonComplete(lessonId: string, completedAt = Date.now()): Promise<void> {
      return guarded('saving lesson progress', async () => {
        await db.progress.put({ lessonId, completedAt });
      });
    },

    markLessonIncomplete(lessonId: string): Promise<void> {
      return guarded('saving lesson progress', () => db.progress.delete(lessonId));
    },

    /** Completed lessons, oldest completion first. */
    getProgress(): Promise<LessonProgressRecord[]> {
      return guarded('reading lesson progress', () => db.progress.orderBy('completedAt').toArray());
    },

    isLessonComplete(lessonId: string): Promise<boolean> {
      return guarded('reading lesson progress', async () => (await db.progress.get(lessonId)) !== undefined);
    },

    recordAnswer(answer: NewAnswer): Promise<AnswerRecord> {
      return guarded('saving your answer', async () => {
        const record: AnswerRecord = {
          checkId: answer.checkId,
          answer: answer.answer,
          correct: answer.correct,
          answeredAt: answer.answeredAt ?? Date.now(),
        };
        if (answer.durationMs !== undefined) record.durationMs = answer.durationMs;
        record.id = await db.answers.add(record);
        return record;
      });
    },

    /** Every attempt, oldest first; only those of one check when `checkId` is given. */
    listAnswers(checkId?: string): Promise<AnswerRecord[]> {
      return guarded('reading your answers', async () => {
        const rows =
          checkId === undefined ? await db.answers.toArray() : await db.answers.where({ checkId }).toArray();
        return rows.sort((a, b) => a.answeredAt - b.answeredAt || (a.id ?? 0) - (b.id ?? 0));
      });
    },

    latestAnswer(checkId: string): Promise<AnswerRecord | undefined> {
      return guarded('reading your answers', () =>
        db.answers.where('[checkId+answeredAt]').between([checkId, -Infinity], [checkId, Infinity]).last(),
      );
    },

    upsertReviewCard(checkId: string, card: Card, updatedAt = Date.now()): Promise<void> {
      return guarded('saving a review card', async () => {
        const stored = toStoredCard(card);
        await db.reviewCards.put({ checkId, card: stored, due: stored.due, updatedAt });
      });
    },

    getReviewCard(checkId: string): Promise<ReviewCard | undefined> {
      return guarded('reading review cards', async () => {
        const record = await db.reviewCards.get(checkId);
        return record && { checkId, card: fromStoredCard(record.card), updatedAt: record.updatedAt };
      });
    },

    /** Cards due at or before `now`, most overdue first. */
    listDueCards(now: Date = new Date()): Promise<ReviewCard[]> {
      return guarded('reading review cards', async () => {
        const records = await db.reviewCards.where('due').belowOrEqual(now.getTime()).sortBy('due');
        return records.map((record: ReviewCardRecord) => ({
          checkId: record.checkId,
          card: fromStoredCard(record.card),
          updatedAt: record.updatedAt,
        }));
      });
    },

    listReviewCards(): Promise<ReviewCard[]> {
      return guarded('reading review cards', async () =>
        (await db.reviewCards.orderBy('due').toArray()).map((record) => ({
          checkId: record.checkId,
          card: fromStoredCard(record.card),
          updatedAt: record.updatedAt,
        })),
      );
    },

    addQueryHistory(entry: NewQueryHistoryEntry): Promise<QueryHistoryRecord> {
      return guarded('saving the query history', () =>
        db.transaction('rw', db.queryHistory, async () => {
          const record: QueryHistoryRecord = { text: entry.text, ranAt: entry.ranAt ?? Date.now() };
          if (entry.datasetId !== undefined) record.datasetId = entry.datasetId;
          if (entry.rowCount !== undefined) record.rowCount = entry.rowCount;
          if (entry.durationMs !== undefined) record.durationMs = entry.durationMs;
          if (entry.error !== undefined) record.error = entry.error;
          record.id = await db.queryHistory.add(record);
          const excess = (await db.queryHistory.count()) - QUERY_HISTORY_LIMIT;
          if (excess > 0) {
            const oldest = await db.queryHistory.orderBy('ranAt').limit(excess).primaryKeys();
            await db.queryHistory.bulkDelete(oldest);
          }
          return record;
        }),
      );
    },

    /** Newest first. */
    listQueryHistory(limit = 50): Promise<QueryHistoryRecord[]> {
      return guarded('reading the query history', () =>
        db.queryHistory.orderBy('ranAt').reverse().limit(limit).toArray(),
      );
    },

    /** Entries whose text contains every word of `term` (case-insensitive), newest first. */
    searchQueryHistory(term: string, limit = 50): Promise<QueryHistoryRecord[]> {
      const words = term.toLowerCase().split(/\s+/).filter(Boolean);
      return guarded('searching the query history', () =>
        db.queryHistory
          .orderBy('ranAt')
          .reverse()
          .filter((record) => {
            const text = record.text.toLowerCase();
            return words.every((word) => text.includes(word));
          })
          .limit(limit)
          .toArray(),
      );
    },

    clearQueryHistory(): Promise<void> {
      return guarded('clearing the query history', () => db.queryHistory.clear());
    },

    /** Saves under `name`, replacing the text of a saved query of the same name. */
    saveQuery(
      query: { name: string; text: string; description?: string },
      at = Date.now(),
    ): Promise<SavedQueryRecord> {
      const name = query.name.trim();
      return guarded(`saving the query "${name}"`, () =>
        db.transaction('rw', db.savedQueries, async () => {
          const existing = await db.savedQueries.where({ name }).first();
          const record: SavedQueryRecord = {
            name,
            text: query.text,
            savedAt: existing?.savedAt ?? at,
            updatedAt: at,
          };
          if (existing?.id !== undefined) record.id = existing.id;
          if (query.description !== undefined) record.description = query.description;
          record.id = await db.savedQueries.put(record);
          return record;
        }),
      );
    },

    /** Most recently updated first. */
    listSavedQueries(): Promise<SavedQueryRecord[]> {
      return guarded('reading saved queries', () => db.savedQueries.orderBy('updatedAt').reverse().toArray());
    },

    deleteSavedQuery(name: string): Promise<void> {
      return guarded(`deleting the saved query "${name}"`, async () => {
        await db.savedQueries.where({ name }).delete();
      });
    },

    /** A setting's value; the fallback when it is missing or makes no sense (see settings.ts). */
    async getSetting<T>(key: string, fallback: T): Promise<T> {
      return (await readSetting(key, fallback)).value;
    },

    readSetting,

    /**
     * Changes a setting from its stored value in one transaction, so that two browser tabs that update the same
     * setting at once (each finishing an exam) both keep their change instead of the last writer's alone. `update`
     * gets the stored value, or the fallback when there is none or it makes no sense.
     */
    updateSetting<T>(key: string, fallback: T, update: (current: T) => T): Promise<T> {
      return guarded(`saving the setting "${key}"`, async () => {
        // Loaded before the transaction: awaiting an import inside it would let Dexie commit early.
        const checkSetting = isCheckedSettingKey(key)
          ? (await settingChecks()).checkSetting
          : () => ({ ok: true as const });
        return db.transaction('rw', db.settings, async () => {
          const record = await db.settings.get(key);
          const current =
            record !== undefined && checkSetting(key, record.value).ok ? (record.value as T) : fallback;
          const next = update(current);
          await db.settings.put({ key, value: next });
          return next;
        });
      });
    },

    /** Removes a setting, so that its readers start from their default. */
    resetSetting(key: string): Promise<void> {
      return guarded(`resetting the setting "${key}"`, async () => {
        await db.settings.delete(key);
      });
    },

    setSetting(key: string, value: unknown): Promise<void> {
      return guarded(`saving the setting "${key}"`, async () => {
        await db.settings.put({ key, value });
      });
    },

    /** The learner's current run of a case, if they opened it. */
    getCase(scenarioId: string): Promise<CaseRecord | undefined> {
      return guarded('reading your investigation', () => db.cases.get(scenarioId));
    },

    /** Saves a case's run (replacing the earlier state of the same case). */
    putCase(record: CaseRecord): Promise<void> {
      return guarded('saving your investigation', async () => {
        await db.cases.put(record);
      });
    },

    listCases(): Promise<CaseRecord[]> {
      return guarded('reading your investigations', () => db.cases.toArray());
    },

    /** The learner's commands and clock on one dataset's live cluster, if they used it. */
    getClusterSession(datasetId: string): Promise<ClusterSessionRecord | undefined> {
      return guarded('reading your cluster session', () => db.clusterSessions.get(datasetId));
    },

    putClusterSession(record: ClusterSessionRecord): Promise<void> {
      return guarded('saving your cluster session', async () => {
        await db.clusterSessions.put(record);
      });
    },

    exportLearnerData(exportedAt = new Date()): Promise<LearnerDataExport> {
      return guarded('exporting your learner data', () =>
        db.transaction('r', db.tables, async () => ({
          format: LEARNER_EXPORT_FORMAT,
          formatVersion: 1 as const,
          exportedAt: exportedAt.toISOString(),
          progress: await db.progress.toArray(),
          answers: await db.answers.toArray(),
          reviewCards: await db.reviewCards.toArray(),
          queryHistory: await db.queryHistory.toArray(),
          savedQueries: await db.savedQueries.toArray(),
          settings: await db.settings.toArray(),
          // Case records are readonly in the app; the export's type is the same shape, mutable.
          cases: (await db.cases.toArray()) as LearnerDataExport['cases'],
          clusterSessions: await db.clusterSessions.toArray(),
        })),
      );
    },

    /**
     * Imports an export. The file is checked completely before anything is written, and the write
     * is one transaction: a bad file or a full disk leaves the current data as it was. `merge`
     * keeps what is here and adds the file's records (the file wins on the same lesson, check,
     * saved-query name or setting); `replace` makes the database equal to the file.
     */
    async importLearnerData(data: unknown, mode: 'merge' | 'replace' = 'merge'): Promise<void> {
      const { parseLearnerExport } = await import('./learnerExport');
      const parsed = parseLearnerExport(data);
      await guarded('importing learner data', () =>
        db.transaction('rw', db.tables, async () => {
          if (mode === 'replace') await Promise.all(db.tables.map((table) => table.clear()));
          await db.progress.bulkPut(parsed.progress);
          const answerKeys =
            mode === 'merge'
              ? new Set((await db.answers.toArray()).map((a) => `${a.checkId}\u0000${a.answeredAt}`))
              : new Set<string>();
          const newAnswers = parsed.answers
            .filter((a) => !answerKeys.has(`${a.checkId}\u0000${a.answeredAt}`))
            .map(({ id: _id, ...rest }) => rest);
          await db.answers.bulkAdd(newAnswers);
          await db.reviewCards.bulkPut(parsed.reviewCards);
          const historyKeys =
            mode === 'merge'
              ? new Set((await db.queryHistory.toArray()).map((h) => `${h.ranAt}\u0000${h.text}`))
              : new Set<string>();
          await db.queryHistory.bulkAdd(
            parsed.queryHistory
              .filter((h) => !historyKeys.has(`${h.ranAt}\u0000${h.text}`))
              .map(({ id: _id, ...rest }) => rest),
          );
          for (const { id: _id, ...query } of parsed.savedQueries) {
            const existing = await db.savedQueries.where({ name: query.name }).first();
            await db.savedQueries.put(existing?.id !== undefined ? { ...query, id: existing.id } : query);
          }
          await db.settings.bulkPut(parsed.settings);
          // The file's run of a case wins over this browser's, as for settings and lessons.
          await db.cases.bulkPut(parsed.cases as CaseRecord[]);
          // A session is replayed as a whole, so the file's session of a dataset replaces this browser's.
          await db.clusterSessions.bulkPut(parsed.clusterSessions);
          // The history keeps its cap whatever the file holds: the latest entries stay.
          const excess = (await db.queryHistory.count()) - QUERY_HISTORY_LIMIT;
          if (excess > 0) {
            const oldest = await db.queryHistory.orderBy('ranAt').limit(excess).primaryKeys();
            await db.queryHistory.bulkDelete(oldest);
          }
        }),
      );
    },

    /** Deletes every learner record (the learner asked for a fresh start). */
    clearLearnerData(): Promise<void> {
      return guarded('clearing learner data', () =>
        db.transaction('rw', db.tables, async () => {
          await Promise.all(db.tables.map((table) => table.clear()));
        }),
      );
    },
  };
}

export type LearnerStore = ReturnType<typeof createLearnerStore>;

let defaultStore: LearnerStore | undefined;

/** The site's learner store (one per page or worker), opened on first use. */
export function learnerStore(): LearnerStore {
  defaultStore ??= createLearnerStore();
  return defaultStore;
}

export const markLessonComplete: LearnerStore['markLessonComplete'] = (...args) =>
  learnerStore().markLessonComplete(...args);
export const markLessonIncomplete: LearnerStore['markLessonIncomplete'] = (...args) =>
  learnerStore().markLessonIncomplete(...args);
export const getProgress: LearnerStore['getProgress'] = () => learnerStore().getProgress();
export const isLessonComplete: LearnerStore['isLessonComplete'] = (...args) =>
  learnerStore().isLessonComplete(...args);
export const recordAnswer: LearnerStore['recordAnswer'] = (...args) => learnerStore().recordAnswer(...args);
export const listAnswers: LearnerStore['listAnswers'] = (...args) => learnerStore().listAnswers(...args);
export const latestAnswer: LearnerStore['latestAnswer'] = (...args) => learnerStore().latestAnswer(...args);
export const upsertReviewCard: LearnerStore['upsertReviewCard'] = (...args) =>
  learnerStore().upsertReviewCard(...args);
export const getReviewCard: LearnerStore['getReviewCard'] = (...args) =>
  learnerStore().getReviewCard(...args);
export const listDueCards: LearnerStore['listDueCards'] = (...args) => learnerStore().listDueCards(...args);
export const listReviewCards: LearnerStore['listReviewCards'] = () => learnerStore().listReviewCards();
export const addQueryHistory: LearnerStore['addQueryHistory'] = (...args) =>
  learnerStore().addQueryHistory(...args);
export const listQueryHistory: LearnerStore['listQueryHistory'] = (...args) =>
  learnerStore().listQueryHistory(...args);
export const searchQueryHistory: LearnerStore['searchQueryHistory'] = (...args) =>
  learnerStore().searchQueryHistory(...args);
export const clearQueryHistory: LearnerStore['clearQueryHistory'] = () => learnerStore().clearQueryHistory();
export const saveQuery: LearnerStore['saveQuery'] = (...args) => learnerStore().saveQuery(...args);
export const listSavedQueries: LearnerStore['listSavedQueries'] = () => learnerStore().listSavedQueries();
export const deleteSavedQuery: LearnerStore['deleteSavedQuery'] = (...args) =>
  learnerStore().deleteSavedQuery(...args);
export function getSetting<T>(key: string, fallback: T): Promise<T> {
  return learnerStore().getSetting(key, fallback);
}
export const setSetting: LearnerStore['setSetting'] = (...args) => learnerStore().setSetting(...args);
export function updateSetting<T>(key: string, fallback: T, update: (current: T) => T): Promise<T> {
  return learnerStore().updateSetting(key, fallback, update);
}
export const exportLearnerData: LearnerStore['exportLearnerData'] = (...args) =>
  learnerStore().exportLearnerData(...args);
export const importLearnerData: LearnerStore['importLearnerData'] = (...args) =>
  learnerStore().importLearnerData(...args);
export const getCase: LearnerStore['getCase'] = (...args) => learnerStore().getCase(...args);
export const putCase: LearnerStore['putCase'] = (...args) => learnerStore().putCase(...args);
export const listCases: LearnerStore['listCases'] = () => learnerStore().listCases();
export const getClusterSession: LearnerStore['getClusterSession'] = (...args) =>
  learnerStore().getClusterSession(...args);
export const putClusterSession: LearnerStore['putClusterSession'] = (...args) =>
  learnerStore().putClusterSession(...args);
export const clearLearnerData: LearnerStore['clearLearnerData'] = () => learnerStore().clearLearnerData();
