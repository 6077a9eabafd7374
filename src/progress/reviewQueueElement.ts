/**
 * <review-queue>: shows the checks whose review cards are due, and reschedules a card each time
 * its check is answered (the answer goes to the store; the queue is derived from the answers).
 */
import { CHECK_ANSWERED, type KnowledgeCheckElement } from '../components/checks/checkElement';
import { learnerStore } from '../store/learner';
import { dueCards, syncReviewQueue, type CardState } from './reviewQueue';

class ReviewQueueElement extends HTMLElement {
  connectedCallback(): void {
    this.addEventListener(CHECK_ANSWERED, () => void this.#refresh(false));
    void this.#refresh(true);
  }

  get #checks(): KnowledgeCheckElement[] {
    return [...this.querySelectorAll<KnowledgeCheckElement>('knowledge-check')];
  }

  async #refresh(firstLoad: boolean): Promise<void> {
    let cards: CardState[];
    try {
      cards = await syncReviewQueue(learnerStore());
    } catch (error) {
      this.#say(`Your review queue could not be loaded: ${(error as Error).message}`);
      return;
    }
    // Cards of checks that no longer exist cannot be shown, so they are not counted either.
    const shown = new Set(this.#checks.map((check) => check.checkId));
    cards = cards.filter((state) => shown.has(state.checkId));
    const due = dueCards(cards, new Date());
    if (firstLoad) {
      const byId = new Map(this.#checks.map((check) => [check.checkId, check]));
      const bank = this.querySelector('.check-bank')!;
      for (const state of due) {
        const check = byId.get(state.checkId);
        if (!check) continue;
        bank.append(check);
        check.hidden = false;
      }
    }
    const stillDue = new Set(due.map((state) => state.checkId));
    const waiting = this.#checks.filter(
      (check) => !check.hidden && stillDue.has(check.checkId) && !check.lastGrade && !check.dataset.answered,
    );
    if (cards.length === 0) {
      this.#say(
        'Your queue is empty. Questions you answer wrong in a lesson or an exam will come back here.',
      );
    } else if (due.length === 0 || waiting.length === 0) {
      const next = cards.map((state) => state.card.due.getTime()).sort((a, b) => a - b)[0]!;
      this.#say(`Nothing more is due now. Next review: ${new Date(next).toLocaleString()}.`);
    } else {
      this.#say(
        `${waiting.length} ${waiting.length === 1 ? 'question is' : 'questions are'} due for review.`,
      );
    }
  }

  #say(message: string): void {
    const status = this.querySelector('.review-status');
    if (status) status.textContent = message;
  }
}

if (!customElements.get('review-queue')) customElements.define('review-queue', ReviewQueueElement);
