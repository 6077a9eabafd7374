/**
 * The review queue: spaced repetition (FSRS, via ts-fsrs) over knowledge checks. A wrong answer
 * puts its check in the queue; every later answer to that check reviews the card (wrong = Again,
 * right = Good). Cards are derived from the answer log, so an answer given anywhere (lesson page,
 * review page, exam) feeds the queue exactly once, and re-running the derivation changes nothing.
 */
import { createEmptyCard, fsrs, Rating, type Card } from 'ts-fsrs';

export interface AnswerEvent {
  checkId: string;
  correct: boolean;
  /** Epoch ms. */
  answeredAt: number;
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
