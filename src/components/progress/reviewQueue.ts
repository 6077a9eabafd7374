/**
 * The review queue: spaced repetition (FSRS, via ts-fsrs) over knowledge checks. A wrong answer
 * puts its check in the queue. In the review queue the learner rates each card after its answer is
 * revealed (Again, Hard, Good, Easy), as FSRS intends; an answer given elsewhere (lesson page, exam)
 * reviews the card too, rated from the answer (wrong = Again, right = Good). Those cards are derived
 * from the answer log, so such an answer feeds the queue exactly once, and re-running the derivation
 * changes nothing.
 */
import { createEmptyCard, fsrs, Rating, State, type Card, type Grade } from 'ts-fsrs';

export interface AnswerEvent {
  checkId: string;
  correct: boolean;
  /** Epoch ms. */
  answeredAt: number;
  /** The stored answer; one given in the review queue carries `mode: 'review'` and is scheduled by its rating. */
  answer?: unknown;
}

/** The four ratings a learner gives a card, in the order shown. */
export const RATINGS = [
  { rating: Rating.Again, label: 'Again' },
  { rating: Rating.Hard, label: 'Hard' },
  { rating: Rating.Good, label: 'Good' },
  { rating: Rating.Easy, label: 'Easy' },
] as const satisfies readonly { rating: Grade; label: string }[];

/**
 * How far ahead a card in its learning steps may be shown again in the same session when nothing else is
 * due (as Anki's "learn ahead limit"): a wrong answer comes back before the session ends.
 */
export const LEARN_AHEAD_MS = 20 * 60_000;

function answeredInReview(answer: AnswerEvent): boolean {
  const stored = answer.answer as { mode?: unknown } | null | undefined;
  return typeof stored === 'object' && stored !== null && stored.mode === 'review';
}

export interface CardState {
  checkId: string;
  card: Card;
  /** Epoch ms of the last answer applied to the card. */
  updatedAt: number;
}

/** Fuzz is off so that the same answers always give the same schedule (and tests can say when). */
export const scheduler = fsrs({ request_retention: 0.9, maximum_interval: 365, enable_fuzz: false });

export function ratingFor(correct: boolean): Rating.Again | Rating.Good {
  return correct ? Rating.Good : Rating.Again;
}

/**
 * Applies the answers that are newer than each check's card, in time order, and returns the
 * cards that changed (new or rescheduled). Right answers to checks without a card create nothing.
 */
export function applyAnswers(existing: readonly CardState[], answers: readonly AnswerEvent[]): CardState[] {
  const cards = new Map(existing.map((state) => [state.checkId, state]));
  const changed = new Map<string, CardState>();
  const inOrder = [...answers].sort((a, b) => a.answeredAt - b.answeredAt);
  for (const answer of inOrder) {
    if (answeredInReview(answer)) continue;
    const current = cards.get(answer.checkId);
    if (current && answer.answeredAt <= current.updatedAt) continue;
    if (!current && answer.correct) continue;
    const when = new Date(answer.answeredAt);
    const card: Card = current ? current.card : createEmptyCard<Card>(when);
    const next: CardState = {
      checkId: answer.checkId,
      card: scheduler.next(card, when, ratingFor(answer.correct)).card,
      updatedAt: answer.answeredAt,
    };
    cards.set(answer.checkId, next);
    changed.set(answer.checkId, next);
  }
  return [...changed.values()];
}

/** Cards due at `now`, most overdue first. */
export function dueCards(cards: readonly CardState[], now: Date): CardState[] {
  return cards
    .filter((state) => state.card.due.getTime() <= now.getTime())
    .sort((a, b) => a.card.due.getTime() - b.card.due.getTime());
}

/** The store functions the queue needs (the learner store provides them). */
export interface ReviewStore {
  listAnswers(): Promise<AnswerEvent[]>;
  listReviewCards(): Promise<CardState[]>;
  upsertReviewCard(checkId: string, card: Card, updatedAt?: number): Promise<void>;
}

/** Brings the stored cards up to date with the stored answers; returns every card afterwards. */
export async function syncReviewQueue(store: ReviewStore): Promise<CardState[]> {
  const [answers, cards] = await Promise.all([store.listAnswers(), store.listReviewCards()]);
  const changed = applyAnswers(cards, answers);
  for (const state of changed) await store.upsertReviewCard(state.checkId, state.card, state.updatedAt);
  const byId = new Map(cards.map((state) => [state.checkId, state]));
  for (const state of changed) byId.set(state.checkId, state);
  return [...byId.values()];
}

/** Reviews a card with the learner's own rating (a check without a card gets a new one). */
export function rateCard(checkId: string, existing: Card | undefined, rating: Grade, now: Date): CardState {
  const card = existing ?? createEmptyCard<Card>(now);
  return { checkId, card: scheduler.next(card, now, rating).card, updatedAt: now.getTime() };
}

/** When the card would come back after each rating, for the labels of the rating buttons. */
export function ratingPreview(
  existing: Card | undefined,
  now: Date,
): { rating: Grade; label: string; due: Date }[] {
  const card = existing ?? createEmptyCard<Card>(now);
  return RATINGS.map(({ rating, label }) => ({
    rating,
    label,
    due: scheduler.next(card, now, rating).card.due,
  }));
}

/** "1 min", "10 min", "3 h", "2 days": how long until `due`. */
export function formatInterval(from: Date, due: Date): string {
  const minutes = Math.max(1, Math.round((due.getTime() - from.getTime()) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h`;
  const days = Math.round(hours / 24);
  return days === 1 ? '1 day' : `${days} days`;
}

/**
 * The next card of a review session: the most overdue card due now; failing that, a card the learner rated
 * Again in this session, still in its learning steps and due within LEARN_AHEAD_MS, so that a wrong answer
 * comes back before the session ends.
 */
export function nextSessionCard(
  cards: readonly CardState[],
  now: Date,
  ratedAgainThisSession: ReadonlySet<string>,
): CardState | undefined {
  const due = dueCards(cards, now)[0];
  if (due) return due;
  return learningSoon(cards, now).find((state) => ratedAgainThisSession.has(state.checkId));
}

/** Cards in their (re)learning steps that come due within LEARN_AHEAD_MS, soonest first. */
export function learningSoon(cards: readonly CardState[], now: Date): CardState[] {
  return cards
    .filter(
      (state) =>
        (state.card.state === State.Learning || state.card.state === State.Relearning) &&
        state.card.due.getTime() <= now.getTime() + LEARN_AHEAD_MS,
    )
    .sort((a, b) => a.card.due.getTime() - b.card.due.getTime());
}
