import 'fake-indexeddb/auto';
import { Rating, State } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { createLearnerStore } from '../../store/learner';
import { createLearnerDb } from '../../store/learnerDb';
import {
  applyAnswers,
  dueCards,
  formatInterval,
  LEARN_AHEAD_MS,
  learningSoon,
  nextSessionCard,
  rateCard,
  ratingPreview,
  syncReviewQueue,
} from './reviewQueue';

const t0 = Date.UTC(2026, 10, 26, 9, 0, 0);
const minute = 60_000;
const day = 24 * 60 * minute;

describe('applyAnswers', () => {
  it('puts a check in the queue when it is answered wrong, and not when it is answered right', () => {
    const cards = applyAnswers(
      [],
      [
        { checkId: 'evidence-order', correct: false, answeredAt: t0 },
        { checkId: 'pss-levels', correct: true, answeredAt: t0 },
      ],
    );
    expect(cards.map((state) => state.checkId)).toEqual(['evidence-order']);
    const [card] = cards;
    expect(card!.card.state).toBe(State.Learning);
    expect(card!.card.lapses).toBe(0);
    expect(card!.updatedAt).toBe(t0);
    // "Again" on a new card brings it back within minutes, not days.
    expect(card!.card.due.getTime() - t0).toBeGreaterThan(0);
    expect(card!.card.due.getTime() - t0).toBeLessThanOrEqual(10 * minute);
  });

  it('reviews an existing card with each newer answer, in time order, and ignores older ones', () => {
    const [first] = applyAnswers([], [{ checkId: 'c', correct: false, answeredAt: t0 }]);
    const later = applyAnswers(
      [first!],
      [
        { checkId: 'c', correct: true, answeredAt: t0 + 2 * day },
        { checkId: 'c', correct: true, answeredAt: t0 + 10 * minute },
        { checkId: 'c', correct: false, answeredAt: t0 - minute },
      ],
    );
    expect(later).toHaveLength(1);
    expect(later[0]!.updatedAt).toBe(t0 + 2 * day);
    expect(later[0]!.card.reps).toBe(3);
    expect(later[0]!.card.due.getTime()).toBeGreaterThan(t0 + 3 * day);
  });

  it('is idempotent: applying the same answers again changes nothing', () => {
    const answers = [{ checkId: 'c', correct: false, answeredAt: t0 }];
    const cards = applyAnswers([], answers);
    expect(applyAnswers(cards, answers)).toEqual([]);
  });
});

describe('dueCards', () => {
  it('lists the cards due at a moment, most overdue first', () => {
    const cards = applyAnswers(
      [],
      [
        { checkId: 'a', correct: false, answeredAt: t0 + minute },
        { checkId: 'b', correct: false, answeredAt: t0 },
      ],
    );
    expect(dueCards(cards, new Date(t0))).toEqual([]);
    expect(dueCards(cards, new Date(t0 + day)).map((state) => state.checkId)).toEqual(['b', 'a']);
  });
});

describe('syncReviewQueue with the learner store', () => {
  it('turns stored wrong answers into stored cards that come due', async () => {
    const store = createLearnerStore(createLearnerDb(`review-test-${Math.random()}`));
    await store.recordAnswer({ checkId: 'evidence-order', answer: {}, correct: false, answeredAt: t0 });
    await store.recordAnswer({ checkId: 'pss-levels', answer: {}, correct: true, answeredAt: t0 });
    const cards = await syncReviewQueue(store);
    expect(cards.map((state) => state.checkId)).toEqual(['evidence-order']);
    expect((await store.listDueCards(new Date(t0))).length).toBe(0);
    expect((await store.listDueCards(new Date(t0 + day))).map((card) => card.checkId)).toEqual([
      'evidence-order',
    ]);
    expect(await syncReviewQueue(store)).toEqual(cards);
  });
});

describe('ratings in the review queue', () => {
  it("leaves answers given in the review queue to the learner's rating", () => {
    const cards = applyAnswers(
      [],
      [{ checkId: 'c', correct: false, answeredAt: t0, answer: { mode: 'review', response: {} } }],
    );
    expect(cards).toEqual([]);
  });

  it('schedules each rating further out than the one before', () => {
    const [failed] = applyAnswers([], [{ checkId: 'c', correct: false, answeredAt: t0 }]);
    const now = new Date(t0 + 2 * minute);
    const preview = ratingPreview(failed!.card, now);
    expect(preview.map((entry) => entry.label)).toEqual(['Again', 'Hard', 'Good', 'Easy']);
    const dues = preview.map((entry) => entry.due.getTime());
    expect([...dues].sort((a, b) => a - b)).toEqual(dues);
    expect(dues[0]).toBeLessThan(dues[3]!);
    const rated = rateCard('c', failed!.card, Rating.Easy, now);
    expect(rated.card.due.getTime()).toBe(dues[3]);
    expect(rated.updatedAt).toBe(now.getTime());
  });

  it('brings a card rated Again back within the session (learning steps)', () => {
    const now = new Date(t0);
    const again = rateCard('wrong', undefined, Rating.Again, now);
    const good = rateCard('right', undefined, Rating.Good, now);
    expect(again.card.state).toBe(State.Learning);
    expect(again.card.due.getTime() - t0).toBeLessThanOrEqual(LEARN_AHEAD_MS);
    expect(nextSessionCard([again, good], now, new Set())).toBeUndefined();
    expect(nextSessionCard([again, good], now, new Set(['wrong']))?.checkId).toBe('wrong');
    // Good on a new card is a learning step too: it waits for its time (the page wakes up for it).
    expect(nextSessionCard([good], now, new Set())).toBeUndefined();
    expect(learningSoon([again, good], now).map((state) => state.checkId)).toEqual(['wrong', 'right']);
    expect(nextSessionCard([again], new Date(t0 + day), new Set())?.checkId).toBe('wrong');
  });

  it('words intervals for the rating buttons', () => {
    const from = new Date(t0);
    expect(formatInterval(from, new Date(t0 + 30_000))).toBe('1 min');
    expect(formatInterval(from, new Date(t0 + 10 * minute))).toBe('10 min');
    expect(formatInterval(from, new Date(t0 + 3 * 60 * minute))).toBe('3 h');
    expect(formatInterval(from, new Date(t0 + day))).toBe('1 day');
    expect(formatInterval(from, new Date(t0 + 4 * day))).toBe('4 days');
  });
});
