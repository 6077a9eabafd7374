import 'fake-indexeddb/auto';
import { createEmptyCard, fsrs, Rating } from 'ts-fsrs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newCase, pin, recordAttempt } from '../investigations/caseState';
import { createLearnerStore, QUERY_HISTORY_LIMIT, type CaseRecord, type LearnerStore } from './learner';
import { createLearnerDb } from './learnerDb';
import { StoreError } from './storeError';

let store: LearnerStore;
let dbCount = 0;

beforeEach(() => {
  store = createLearnerStore(createLearnerDb(`learner-test-${++dbCount}`));
});
afterEach(async () => {
  await store.db.delete();
});

function solvedCase(): CaseRecord {
  let record = newCase('docker-sock-escape', 11, 1);
  record = recordAttempt(record, { id: 'pod', points: 100, hintCosts: [10] }, [], {
    answer: 'ci/build-agent',
    at: 2,
    verdict: 'correct',
  });
  return pin(record, {
    id: 'n1',
    kind: 'row',
    at: 3,
    query: 'SecurityAlert | take 1',
    columns: [{ name: 'AlertName', type: 'string' }],
    rows: [['Privileged container detected']],
    rowCount: 1,
  });
}

const CLUSTER_SESSION = {
  datasetId: 'privileged-pod-escape:7:3',
  datasetCreatedAt: 20,
  steps: [
    { time: 1_000, line: 'kubectl get pods -A', ranAt: 21, appended: true },
    { time: 2_000, line: 'kubectl apply -f -', stdin: 'kind: Pod', ranAt: 22, appended: false },
    { time: 5_000, ranAt: 23, appended: true },
  ],
  updatedAt: 22,
};

describe('learner store', () => {
  it('keeps a live-cluster session per dataset, exports and imports it', async () => {
    expect(await store.getClusterSession(CLUSTER_SESSION.datasetId)).toBeUndefined();
    await store.putClusterSession(CLUSTER_SESSION);
    expect(await store.getClusterSession(CLUSTER_SESSION.datasetId)).toEqual(CLUSTER_SESSION);
    const exported = JSON.parse(JSON.stringify(await store.exportLearnerData(new Date(0))));
    expect(exported.clusterSessions).toEqual([CLUSTER_SESSION]);

    const other = createLearnerStore(createLearnerDb(`learner-cluster-${dbCount}`));
    await other.putClusterSession({ ...CLUSTER_SESSION, steps: [] });
    await other.importLearnerData(exported, 'merge');
    // The file's session replaces this browser's: a session is replayed whole.
    expect(await other.getClusterSession(CLUSTER_SESSION.datasetId)).toEqual(CLUSTER_SESSION);
    await other.db.delete();
  });

  it('imports a file written before the live cluster existed, and refuses a damaged command by place', async () => {
    await store.putClusterSession(CLUSTER_SESSION);
    const exported = JSON.parse(JSON.stringify(await store.exportLearnerData(new Date(0))));
    delete exported.clusterSessions;
    await store.importLearnerData(exported, 'merge');
    expect(await store.getClusterSession(CLUSTER_SESSION.datasetId)).toEqual(CLUSTER_SESSION);

    const damaged = JSON.parse(JSON.stringify(await store.exportLearnerData(new Date(0))));
    damaged.clusterSessions[0].steps[1].time = 'soon';
    await expect(store.importLearnerData(damaged, 'replace')).rejects.toThrow(
      /clusterSessions\.0\.steps\.1\.time/,
    );
    expect(await store.getClusterSession(CLUSTER_SESSION.datasetId)).toEqual(CLUSTER_SESSION);
  });

  it('records lesson progress', async () => {
    await store.markLessonComplete('m47-intro', 1000);
    await store.markLessonComplete('m47-runtime', 500);
    expect(await store.getProgress()).toEqual([
      { lessonId: 'm47-runtime', completedAt: 500 },
      { lessonId: 'm47-intro', completedAt: 1000 },
    ]);
    expect(await store.isLessonComplete('m47-intro')).toBe(true);
    await store.markLessonIncomplete('m47-intro');
    expect(await store.isLessonComplete('m47-intro')).toBe(false);
  });

  it('keeps every answer and finds the latest per check', async () => {
    await store.recordAnswer({ checkId: 'c1', answer: ['a'], correct: false, answeredAt: 10 });
    await store.recordAnswer({
      checkId: 'c1',
      answer: ['b'],
      correct: true,
      answeredAt: 20,
      durationMs: 4200,
    });
    await store.recordAnswer({ checkId: 'c2', answer: 'x', correct: true, answeredAt: 15 });
    expect((await store.listAnswers('c1')).map((a) => a.answer)).toEqual([['a'], ['b']]);
    expect((await store.listAnswers()).map((a) => a.checkId)).toEqual(['c1', 'c2', 'c1']);
    const latest = await store.latestAnswer('c1');
    expect(latest).toMatchObject({ answer: ['b'], correct: true, durationMs: 4200 });
    expect(await store.latestAnswer('missing')).toBeUndefined();
  });

  it('stores ts-fsrs cards unchanged and lists the due ones', async () => {
    const scheduler = fsrs();
    const start = new Date('2026-11-01T10:00:00Z');
    const reviewed = scheduler.next(createEmptyCard(start), start, Rating.Good).card;
    await store.upsertReviewCard('c1', reviewed);
    await store.upsertReviewCard('c2', createEmptyCard(new Date('2026-12-24T00:00:00Z')));
    const back = await store.getReviewCard('c1');
    expect(back?.card).toEqual(reviewed);
    const due = await store.listDueCards(new Date('2026-11-20T00:00:00Z'));
    expect(due.map((c) => c.checkId)).toEqual(['c1']);
    expect((await store.listDueCards(new Date('2027-01-01T00:00:00Z'))).map((c) => c.checkId)).toEqual([
      'c1',
      'c2',
    ]);
  });

  it('keeps a bounded, searchable query history', async () => {
    await store.addQueryHistory({ text: 'AKSAudit | take 10', ranAt: 1, rowCount: 10 });
    await store.addQueryHistory({ text: 'SecurityAlert | where Severity == "High"', ranAt: 2 });
    await store.addQueryHistory({ text: 'AKSAudit | summarize count() by Verb', ranAt: 3, error: 'KS142' });
    expect((await store.searchQueryHistory('aksaudit')).map((h) => h.ranAt)).toEqual([3, 1]);
    expect((await store.searchQueryHistory('aksaudit verb')).map((h) => h.ranAt)).toEqual([3]);
    for (let i = 0; i < QUERY_HISTORY_LIMIT; i++)
      await store.addQueryHistory({ text: `q${i}`, ranAt: 100 + i });
    const all = await store.listQueryHistory(QUERY_HISTORY_LIMIT + 10);
    expect(all).toHaveLength(QUERY_HISTORY_LIMIT);
    expect(all[0]!.text).toBe(`q${QUERY_HISTORY_LIMIT - 1}`);
    expect(all.some((h) => h.ranAt < 100)).toBe(false);
  });

  it('saves queries by name, replacing the text of the same name', async () => {
    await store.saveQuery({ name: 'privileged pods', text: 'v1' }, 10);
    await store.saveQuery({ name: 'exec into pod', text: 'e1' }, 20);
    await store.saveQuery({ name: 'privileged pods', text: 'v2' }, 30);
    const saved = await store.listSavedQueries();
    expect(saved.map((q) => [q.name, q.text, q.savedAt, q.updatedAt])).toEqual([
      ['privileged pods', 'v2', 10, 30],
      ['exec into pod', 'e1', 20, 20],
    ]);
    await store.deleteSavedQuery('exec into pod');
    expect((await store.listSavedQueries()).map((q) => q.name)).toEqual(['privileged pods']);
  });

  it('reads settings with a fallback', async () => {
    expect(await store.getSetting('theme', 'system')).toBe('system');
    await store.setSetting('theme', 'dark');
    await store.setSetting('grid', { pageSize: 100 });
    expect(await store.getSetting('theme', 'system')).toBe('dark');
    expect(await store.getSetting('grid', { pageSize: 50 })).toEqual({ pageSize: 100 });
  });

  it('exports to JSON and imports into an empty database identically', async () => {
    await store.markLessonComplete('l1', 5);
    await store.recordAnswer({ checkId: 'c1', answer: { choice: 2 }, correct: true, answeredAt: 7 });
    await store.upsertReviewCard('c1', createEmptyCard(new Date(9)), 9);
    await store.addQueryHistory({ text: 'AKSAudit', ranAt: 11, datasetId: 'cryptominer:42:7' });
    await store.saveQuery({ name: 'n', text: 't' }, 13);
    await store.setSetting('theme', 'dark');
    await store.putCase(solvedCase());
    const exported = JSON.parse(JSON.stringify(await store.exportLearnerData(new Date(0))));
    expect(exported.cases).toHaveLength(1);

    const other = createLearnerStore(createLearnerDb(`learner-import-${dbCount}`));
    await other.importLearnerData(exported, 'replace');
    const again = JSON.parse(JSON.stringify(await other.exportLearnerData(new Date(0))));
    expect(again).toEqual(exported);
    // Merging the same file twice adds nothing new.
    await other.importLearnerData(exported, 'merge');
    expect(await other.listAnswers()).toHaveLength(1);
    expect(await other.listQueryHistory()).toHaveLength(1);
    expect(await other.listSavedQueries()).toHaveLength(1);
    expect(await other.getCase('docker-sock-escape')).toEqual(solvedCase());
    await other.db.delete();
  });

  it('imports a file written before investigations existed', async () => {
    await store.putCase(solvedCase());
    const exported = JSON.parse(JSON.stringify(await store.exportLearnerData(new Date(0))));
    delete exported.cases;
    await store.importLearnerData(exported, 'merge');
    expect(await store.listCases()).toEqual([solvedCase()]);
  });

  it('refuses a damaged case record, naming where, and keeps the current run', async () => {
    await store.putCase(solvedCase());
    const exported = JSON.parse(JSON.stringify(await store.exportLearnerData(new Date(0))));
    exported.cases[0].objectives.pod.attempts[0].verdict = 'maybe';
    await expect(store.importLearnerData(exported, 'replace')).rejects.toThrow(
      /cases\.0\.objectives\.pod\.attempts\.0\.verdict/,
    );
    expect(await store.getCase('docker-sock-escape')).toEqual(solvedCase());
  });

  it('rejects a damaged file by name and place, and changes nothing', async () => {
    await store.markLessonComplete('l1', 5);
    const exported = JSON.parse(JSON.stringify(await store.exportLearnerData()));
    exported.answers = [{ checkId: 'c9', answer: 1, correct: 'yes', answeredAt: 1 }];
    const failure = await store.importLearnerData(exported, 'replace').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StoreError);
    expect((failure as StoreError).kind).toBe('invalid-input');
    expect((failure as StoreError).message).toContain('answers.0.correct');
    expect(await store.getProgress()).toEqual([{ lessonId: 'l1', completedAt: 5 }]);
    await expect(store.importLearnerData({ hello: 'world' })).rejects.toThrow(/not SC-200 Lab learner data/);
  });
});

describe('learner data from a file (issue 16, item 5)', () => {
  const exam = {
    finishedAt: 1000,
    questionCount: 2,
    minutes: 5,
    score: {
      correct: 1,
      total: 2,
      percent: 50,
      byObjective: [{ objective: 'KQL', correct: 1, total: 2, percent: 50 }],
    },
  };

  it('a setting of the right shape but no meaning is reported, not handed to the view, and can be reset', async () => {
    await store.setSetting('exam-history', [{}]);
    const read = await store.readSetting('exam-history', []);
    expect(read.value).toEqual([]);
    expect(read.problem).toMatch(/practice exam history is not valid at 0/);
    expect(await store.getSetting('exam-history', [])).toEqual([]);
    await store.resetSetting('exam-history');
    expect(await store.readSetting('exam-history', [])).toEqual({ value: [] });
    await store.setSetting('exam-history', [exam]);
    expect(await store.readSetting('exam-history', [])).toEqual({ value: [exam] });
    await store.setSetting('exam-history', [{ ...exam, score: { ...exam.score, correct: 3 } }]);
    expect((await store.readSetting('exam-history', [])).problem).toContain(
      'more correct answers than questions',
    );
  });

  it('an import with a meaningless setting is refused and changes nothing', async () => {
    await store.setSetting('exam-history', [exam]);
    const file = await store.exportLearnerData();
    const bad = { ...file, settings: [{ key: 'exam-history', value: [{}] }] };
    await expect(store.importLearnerData(bad)).rejects.toThrow(/settings\.0\.value.*exam history/);
    expect(await store.getSetting('exam-history', [])).toEqual([exam]);
  });

  it('imported history keeps the 500-entry cap, the latest entries staying', async () => {
    const file = await store.exportLearnerData();
    const queryHistory = Array.from({ length: 600 }, (_, i) => ({ text: `print ${i}`, ranAt: i + 1 }));
    await store.importLearnerData({ ...file, queryHistory });
    const kept = await store.listQueryHistory(1000);
    expect(kept).toHaveLength(QUERY_HISTORY_LIMIT);
    expect(Math.min(...kept.map((entry) => entry.ranAt))).toBe(101);
  });
});

describe('state shared across browser tabs (issue 16, item 7)', () => {
  it('two tabs appending to the same setting at once both keep their entry', async () => {
    const other = createLearnerStore(createLearnerDb(store.db.name));
    const record = (finishedAt: number) => ({
      finishedAt,
      questionCount: 1,
      minutes: 1,
      score: { correct: 1, total: 1, percent: 100, byObjective: [] },
    });
    await Promise.all([
      store.updateSetting('exam-history', [] as unknown[], (history) => [...history, record(1)]),
      other.updateSetting('exam-history', [] as unknown[], (history) => [...history, record(2)]),
    ]);
    const history = await store.getSetting<{ finishedAt: number }[]>('exam-history', []);
    expect(history.map((exam) => exam.finishedAt).sort()).toEqual([1, 2]);
    other.db.close();
  });

  it('two tabs running queries both keep their history entries', async () => {
    const other = createLearnerStore(createLearnerDb(store.db.name));
    await Promise.all([
      store.addQueryHistory({ text: 'print 1', ranAt: 1 }),
      other.addQueryHistory({ text: 'print 2', ranAt: 2 }),
    ]);
    expect((await store.listQueryHistory()).map((entry) => entry.text).sort()).toEqual([
      'print 1',
      'print 2',
    ]);
    other.db.close();
  });
});
