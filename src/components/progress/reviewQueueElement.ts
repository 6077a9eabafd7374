/**
 * <review-queue>: a review session, one card at a time. A card shows its check (headed by its lesson and
 * objective) with the options in a fresh order; once the answer is revealed the learner rates their recall
 * (Again, Hard, Good, Easy) and FSRS schedules the card. A card rated in this session that is still in its
 * learning steps comes back before the session ends (nextSessionCard).
 */
import { Rating, type Grade } from 'ts-fsrs';
import { CHECK_ANSWERED, learnerShuffleSeed, type KnowledgeCheckElement } from '../checks/checkElement';
import { learnerStore } from '../../store/learner';
import {
  formatInterval,
  learningSoon,
  nextSessionCard,
  ratingPreview,
  rateCard,
  syncReviewQueue,
  type CardState,
} from './reviewQueue';

class ReviewQueueElement extends HTMLElement {
  #cards = new Map<string, CardState>();
  #ratedAgain = new Set<string>();
  #wakeUp: ReturnType<typeof setTimeout> | undefined;
  #current: KnowledgeCheckElement | undefined;
  #ratings!: HTMLElement;
  #reviewed = 0;

  connectedCallback(): void {
    this.#ratings = this.querySelector<HTMLElement>('.review-rating')!;
    this.addEventListener(CHECK_ANSWERED, (event) => {
      if (event.target === this.#current) this.#offerRatings();
    });
    this.#ratings.addEventListener('click', (event) => {
      const button = (event.target as HTMLElement).closest<HTMLButtonElement>('button[data-rating]');
      if (button) void this.#rate(Number(button.dataset.rating) as Grade);
    });
    void this.#load();
  }

  disconnectedCallback(): void {
    clearTimeout(this.#wakeUp);
  }

  get #checks(): KnowledgeCheckElement[] {
    return [...this.querySelectorAll<KnowledgeCheckElement>('knowledge-check')];
  }

  async #load(): Promise<void> {
    try {
      const shown = new Set(this.#checks.map((check) => check.checkId));
      // Cards of checks that no longer exist cannot be shown, so they are not counted either.
      const cards = (await syncReviewQueue(learnerStore())).filter((state) => shown.has(state.checkId));
      this.#cards = new Map(cards.map((state) => [state.checkId, state]));
    } catch (error) {
      this.#say(`Your review queue could not be loaded: ${(error as Error).message}`);
      return;
    }
    await this.#showNext();
  }

  async #showNext(): Promise<void> {
    this.#ratings.hidden = true;
    if (this.#current) this.#current.hidden = true;
    this.#current = undefined;
    const now = new Date();
    const cards = [...this.#cards.values()];
    const next = nextSessionCard(cards, now, this.#ratedAgain);
    clearTimeout(this.#wakeUp);
    if (!next) {
      const soon = learningSoon(cards, now)[0];
      if (soon) {
        // A card in its learning steps comes back while the page stays open.
        const wait = Math.max(0, soon.card.due.getTime() - now.getTime());
        this.#wakeUp = setTimeout(() => void this.#showNext(), wait + 500);
      }
      if (cards.length === 0) {
        this.#say(
          'Your queue is empty. Questions you answer wrong in a lesson or an exam will come back here.',
        );
      } else {
        const soonest = Math.min(...cards.map((state) => state.card.due.getTime()));
        const done = this.#reviewed > 0 ? `${this.#reviewed} reviewed in this session. ` : '';
        const stay = soon ? ' It comes back here if this page stays open.' : '';
        this.#say(
          `${done}Nothing more is due now. Next review: ${new Date(soonest).toLocaleString()}.${stay}`,
        );
      }
      return;
    }
    const check = this.#checks.find((candidate) => candidate.checkId === next.checkId)!;
    const dueNow = cards.filter((state) => state.card.due.getTime() <= now.getTime()).length;
    this.#say(
      dueNow > 0
        ? `${dueNow} ${dueNow === 1 ? 'question is' : 'questions are'} due for review.`
        : 'A question you got wrong earlier in this session comes back.',
    );
    check.reset();
    try {
      check.arrange(await learnerShuffleSeed(check.checkId, `review/${next.card.reps}`));
    } catch (error) {
      this.#say(`Your order of the options could not be loaded: ${(error as Error).message}`);
    }
    this.querySelector('.check-bank')!.append(check, this.#ratings);
    check.hidden = false;
    this.#current = check;
    check.querySelector<HTMLElement>('h2')?.setAttribute('tabindex', '-1');
    if (this.#reviewed > 0) check.querySelector<HTMLElement>('h2')?.focus();
  }

  #offerRatings(): void {
    const check = this.#current;
    if (!check) return;
    const now = new Date();
    const card = this.#cards.get(check.checkId)?.card;
    const correct = check.lastGrade?.correct ?? false;
    const buttons = ratingPreview(card, now).map(({ rating, label, due }) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.dataset.rating = String(rating);
      button.textContent = `${label} · ${formatInterval(now, due)}`;
      return button;
    });
    const prompt = this.#ratings.querySelector('.review-rating-prompt')!;
    prompt.textContent = correct
      ? 'How well did you recall it?'
      : 'You answered wrong: Again brings it back in this session.';
    this.#ratings.querySelector('.review-rating-buttons')!.replaceChildren(...buttons);
    this.#ratings.hidden = false;
    (correct ? buttons[2] : buttons[0])?.focus();
  }

  async #rate(rating: Grade): Promise<void> {
    const check = this.#current;
    if (!check) return;
    const now = new Date();
    const state = rateCard(check.checkId, this.#cards.get(check.checkId)?.card, rating, now);
    for (const button of this.#ratings.querySelectorAll('button')) button.disabled = true;
    try {
      await learnerStore().upsertReviewCard(state.checkId, state.card, state.updatedAt);
    } catch (error) {
      this.#say(`Your rating could not be saved: ${(error as Error).message}`);
      for (const button of this.#ratings.querySelectorAll('button')) button.disabled = false;
      return;
    }
    this.#cards.set(state.checkId, state);
    if (rating === Rating.Again) this.#ratedAgain.add(state.checkId);
    else this.#ratedAgain.delete(state.checkId);
    this.#reviewed++;
    await this.#showNext();
  }

  #say(message: string): void {
    const status = this.querySelector('.review-status');
    if (status) status.textContent = message;
  }
}

if (!customElements.get('review-queue')) customElements.define('review-queue', ReviewQueueElement);
