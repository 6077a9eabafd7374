/**
 * The learner's work on one case, as it is saved: the seed played, answers given with their verdicts, hint tiers
 * opened, points awarded, the notebook, and whether the case was given up. Pure functions over plain records, so
 * the learner database stores them as they are and tests need no browser.
 */
import type { WireValue } from '../kql/types';
import { availablePoints } from './scoring';

export type Verdict = 'correct' | 'known-wrong' | 'wrong';

export interface CaseAttempt {
  readonly answer: string;
  readonly at: number;
  readonly verdict: Verdict;
}

export interface ObjectiveProgress {
  /** How many hint tiers are open (tiers open cheapest first). */
  readonly hintsOpened: number;
  readonly attempts: readonly CaseAttempt[];
  /** The answer that solved it and the points it earned. */
  readonly solved?: { readonly answer: string; readonly at: number; readonly points: number };
}

export interface NotebookEntry {
  readonly id: string;
  /** A pinned query result, one pinned row, or what a terminal command printed (`query` is then the command). */
  readonly kind: 'query' | 'row' | 'capture';
  readonly at: number;
  readonly query: string;
  readonly columns: readonly { readonly name: string; readonly type: string }[];
  /** The pinned row, or the first rows of the pinned result (NOTEBOOK_ROWS at most). */
  readonly rows: readonly (readonly WireValue[])[];
  /** Rows the query returned in all (the pin keeps the first few). */
  readonly rowCount: number;
  /** A capture: what the command printed. */
  readonly output?: string;
  /** A capture: the cluster's virtual time when the command ran (epoch ms). */
  readonly virtualTime?: number;
}

/** A finished or abandoned earlier run of the same case (another seed). */
export interface EarlierRun {
  readonly seed: number;
  readonly score: number;
  readonly status: CaseStatus;
  readonly endedAt: number;
}

export interface CaseRecord {
  readonly scenarioId: string;
  readonly seed: number;
  readonly startedAt: number;
  readonly updatedAt: number;
  readonly objectives: Readonly<Record<string, ObjectiveProgress>>;
  readonly gaveUpAt?: number;
  readonly notebook: readonly NotebookEntry[];
  readonly earlierRuns: readonly EarlierRun[];
}

export type CaseStatus = 'not-started' | 'in-progress' | 'solved' | 'given-up';

/** What the grader needs to know of an objective. */
export interface ObjectiveRules {
  readonly id: string;
  readonly points: number;
  readonly hintCosts: readonly number[];
}

/** A pinned result keeps this many rows: enough to read as evidence, small enough for the learner database. */
export const NOTEBOOK_ROWS = 50;

const NO_PROGRESS: ObjectiveProgress = { hintsOpened: 0, attempts: [] };

export function newCase(scenarioId: string, seed: number, at: number): CaseRecord {
  return { scenarioId, seed, startedAt: at, updatedAt: at, objectives: {}, notebook: [], earlierRuns: [] };
}

export function progressOf(record: CaseRecord | undefined, objectiveId: string): ObjectiveProgress {
  return record?.objectives[objectiveId] ?? NO_PROGRESS;
}

function withObjective(
  record: CaseRecord,
  objectiveId: string,
  progress: ObjectiveProgress,
  at: number,
): CaseRecord {
  return { ...record, updatedAt: at, objectives: { ...record.objectives, [objectiveId]: progress } };
}

/** Whether the learner can still change answers and hints (not after solving everything or giving up). */
export function isOpen(record: CaseRecord, objectives: readonly ObjectiveRules[]): boolean {
  const status = caseStatus(record, objectives);
  return status === 'not-started' || status === 'in-progress';
}

/** Opens the next hint tier; does nothing when every tier is open, the objective is solved or the case closed. */
export function openHint(
  record: CaseRecord,
  objective: ObjectiveRules,
  objectives: readonly ObjectiveRules[],
  at: number,
): CaseRecord {
  const progress = progressOf(record, objective.id);
  if (!isOpen(record, objectives) || progress.solved || progress.hintsOpened >= objective.hintCosts.length)
    return record;
  return withObjective(record, objective.id, { ...progress, hintsOpened: progress.hintsOpened + 1 }, at);
}

/** Records an answer and its verdict; a correct one solves the objective with the points left after hints. */
export function recordAttempt(
  record: CaseRecord,
  objective: ObjectiveRules,
  objectives: readonly ObjectiveRules[],
  attempt: CaseAttempt,
): CaseRecord {
  const progress = progressOf(record, objective.id);
  if (!isOpen(record, objectives) || progress.solved) return record;
  const attempts = [...progress.attempts, attempt];
  const solved =
    attempt.verdict === 'correct'
      ? {
          solved: {
            answer: attempt.answer,
            at: attempt.at,
            points: availablePoints(objective.points, objective.hintCosts, progress.hintsOpened),
          },
        }
      : {};
  return withObjective(record, objective.id, { ...progress, attempts, ...solved }, attempt.at);
}

export function giveUp(record: CaseRecord, objectives: readonly ObjectiveRules[], at: number): CaseRecord {
  if (!isOpen(record, objectives)) return record;
  return { ...record, gaveUpAt: at, updatedAt: at };
}

export function caseScore(record: CaseRecord | undefined): number {
  if (!record) return 0;
  return Object.values(record.objectives).reduce((sum, progress) => sum + (progress.solved?.points ?? 0), 0);
}

export function maxScore(objectives: readonly ObjectiveRules[]): number {
  return objectives.reduce((sum, objective) => sum + objective.points, 0);
}

export function caseStatus(
  record: CaseRecord | undefined,
  objectives: readonly ObjectiveRules[],
): CaseStatus {
  if (!record) return 'not-started';
  if (record.gaveUpAt !== undefined) return 'given-up';
  if (objectives.length > 0 && objectives.every((objective) => progressOf(record, objective.id).solved))
    return 'solved';
  const touched =
    record.notebook.length > 0 ||
    Object.values(record.objectives).some(
      (progress) => progress.attempts.length > 0 || progress.hintsOpened > 0,
    );
  return touched ? 'in-progress' : 'not-started';
}

/**
 * A fresh investigation of the same case with another seed: the current run is kept (seed, score, status) in
 * `earlierRuns` when the learner had done anything in it.
 */
export function restartWithSeed(
  record: CaseRecord,
  seed: number,
  objectives: readonly ObjectiveRules[],
  at: number,
): CaseRecord {
  const status = caseStatus(record, objectives);
  const earlierRuns =
    status === 'not-started'
      ? record.earlierRuns
      : [...record.earlierRuns, { seed: record.seed, score: caseScore(record), status, endedAt: at }];
  return { ...newCase(record.scenarioId, seed, at), earlierRuns };
}

export function pin(record: CaseRecord, entry: NotebookEntry): CaseRecord {
  const trimmed = { ...entry, rows: entry.rows.slice(0, NOTEBOOK_ROWS) };
  return { ...record, updatedAt: entry.at, notebook: [...record.notebook, trimmed] };
}

export function unpin(record: CaseRecord, entryId: string, at: number): CaseRecord {
  return { ...record, updatedAt: at, notebook: record.notebook.filter((entry) => entry.id !== entryId) };
}
