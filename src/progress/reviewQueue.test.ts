import 'fake-indexeddb/auto';
import { State } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { createLearnerStore } from '../store/learner';
import { createLearnerDb } from '../store/learnerDb';
import { applyAnswers, dueCards, syncReviewQueue } from './reviewQueue';

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
