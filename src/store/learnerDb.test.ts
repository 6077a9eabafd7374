import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { newCase } from '../investigations/caseState';
import { createLearnerStore } from './learner';
import { CURRENT_LEARNER_VERSION, LEARNER_SCHEMA_VERSIONS, createLearnerDb } from './learnerDb';

/** Records valid at schema version 1; every later version must keep them readable. */
async function fillAtVersion(db: Dexie): Promise<void> {
  await db.table('progress').put({ lessonId: 'l1', completedAt: 100 });
  await db.table('answers').bulkAdd([
    { checkId: 'c1', answer: ['a'], correct: false, answeredAt: 1 },
    { checkId: 'c1', answer: ['b'], correct: true, answeredAt: 2 },
  ]);
  await db.table('reviewCards').put({
    checkId: 'c1',
    card: {
      due: 50,
      stability: 1,
      difficulty: 5,
      elapsed_days: 0,
      scheduled_days: 1,
      learning_steps: 0,
      reps: 1,
      lapses: 0,
      state: 1,
    },
    due: 50,
    updatedAt: 3,
  });
  await db.table('queryHistory').add({ text: 'AKSAudit | take 1', ranAt: 4 });
  await db.table('savedQueries').add({ name: 'mine', text: 'KubeEvents', savedAt: 5, updatedAt: 5 });
  await db.table('settings').put({ key: 'theme', value: 'dark' });
}

describe('learner database migrations', () => {
  const earlier = LEARNER_SCHEMA_VERSIONS.filter((schema) => schema.version < CURRENT_LEARNER_VERSION);

  it('has versions in increasing order', () => {
    const versions = LEARNER_SCHEMA_VERSIONS.map((schema) => schema.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(earlier.length).toBeGreaterThan(0);
  });

  for (const schema of earlier) {
    it(`keeps every record when upgrading from version ${schema.version}`, async () => {
      const name = `learner-migrate-from-${schema.version}`;
      const old = createLearnerDb(name, schema.version);
      await old.open();
      expect(old.verno).toBe(schema.version);
      await fillAtVersion(old);
      old.close();

      const store = createLearnerStore(createLearnerDb(name));
      await store.db.open();
      expect(store.db.verno).toBe(CURRENT_LEARNER_VERSION);
      expect(await store.getProgress()).toEqual([{ lessonId: 'l1', completedAt: 100 }]);
      expect((await store.listAnswers('c1')).map((a) => a.answer)).toEqual([['a'], ['b']]);
      expect((await store.latestAnswer('c1'))?.answer).toEqual(['b']);
      expect((await store.listDueCards(new Date(60))).map((c) => c.checkId)).toEqual(['c1']);
      expect((await store.searchQueryHistory('aksaudit')).map((h) => h.text)).toEqual(['AKSAudit | take 1']);
      expect((await store.listSavedQueries()).map((q) => q.name)).toEqual(['mine']);
      expect(await store.getSetting('theme', 'light')).toBe('dark');
      // Stores added since then start empty and work.
      expect(await store.listCases()).toEqual([]);
      await store.putCase({ ...newCase('docker-sock-escape', 11, 1) });
      expect((await store.getCase('docker-sock-escape'))?.seed).toBe(11);
      expect(await store.getClusterSession('privileged-pod-escape:7:3')).toBeUndefined();
      const session = {
        datasetId: 'privileged-pod-escape:7:3',
        datasetCreatedAt: 1,
        steps: [{ time: 2, line: 'kubectl get pods', ranAt: 3, appended: true }],
        updatedAt: 3,
      };
      await store.putClusterSession(session);
      expect(await store.getClusterSession(session.datasetId)).toEqual(session);
      await store.db.delete();
    });
  }
});
