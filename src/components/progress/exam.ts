/**
 * Exam mode: a timed set of questions drawn across the SC-200 objectives, no explanations until
 * the end, and a score per objective. Pure functions; the page (src/pages/exam.astro) drives them.
 */
import { seededShuffle } from '../checks/grading';

export interface ExamQuestion {
  checkId: string;
  objective: string;
}

export interface ExamAnswer {
  checkId: string;
  objective: string;
  /** Undefined when the question was left unanswered (it counts as wrong). */
  correct?: boolean;
}

export interface ObjectiveScore {
  objective: string;
  correct: number;
  total: number;
  /** Whole percent, rounded down so that a pass is never overstated. */
  percent: number;
}

export interface ExamScore {
  correct: number;
  total: number;
  percent: number;
  byObjective: ObjectiveScore[];
}

export interface ExamSettings {
  questionCount: number;
  minutes: number;
}

export const DEFAULT_EXAM: ExamSettings = { questionCount: 20, minutes: 30 };

/**
 * Draws `count` questions, taking from each objective in turn so that every objective is
 * represented in proportion; the final order is shuffled.
 */
export function planExam(pool: readonly ExamQuestion[], count: number, seed: string): ExamQuestion[] {
  const byObjective = new Map<string, ExamQuestion[]>();
  for (const question of seededShuffle(pool, seed)) {
    const list = byObjective.get(question.objective) ?? [];
    list.push(question);
    byObjective.set(question.objective, list);
  }
  const queues = [...byObjective.values()];
  const picked: ExamQuestion[] = [];
  const wanted = Math.min(count, pool.length);
  while (picked.length < wanted) {
    for (const queue of queues) {
      const next = queue.shift();
      if (next && picked.length < wanted) picked.push(next);
    }
  }
  return seededShuffle(picked, `${seed}/order`);
}

function percent(correct: number, total: number): number {
  return total === 0 ? 0 : Math.floor((correct * 100) / total);
}

export function scoreExam(answers: readonly ExamAnswer[]): ExamScore {
  const objectives = new Map<string, { correct: number; total: number }>();
  for (const answer of answers) {
    const tally = objectives.get(answer.objective) ?? { correct: 0, total: 0 };
    tally.total++;
    if (answer.correct === true) tally.correct++;
    objectives.set(answer.objective, tally);
  }
  const byObjective = [...objectives.entries()]
    .map(([objective, { correct, total }]) => ({
      objective,
      correct,
      total,
      percent: percent(correct, total),
    }))
    .sort((a, b) => a.percent - b.percent || a.objective.localeCompare(b.objective));
  const correct = answers.filter((answer) => answer.correct === true).length;
  return { correct, total: answers.length, percent: percent(correct, answers.length), byObjective };
}

/** Milliseconds left at `now`, never negative. */
export function timeLeft(startedAt: number, minutes: number, now: number): number {
  return Math.max(0, startedAt + minutes * 60_000 - now);
}

/** mm:ss (or h:mm:ss) for the countdown. */
export function formatCountdown(ms: number): string {
  const totalSeconds = Math.ceil(ms / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const mmss = `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
  return hours > 0 ? `${hours}:${mmss}` : mmss;
}
