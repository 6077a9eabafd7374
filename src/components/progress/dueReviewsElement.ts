/** <due-reviews>: counts the due review cards for the home page. */
import { learnerStore } from '../../store/learner';
import { dueCards, syncReviewQueue } from './reviewQueue';

class DueReviewsElement extends HTMLElement {
  connectedCallback(): void {
    void this.#show();
  }

  async #show(): Promise<void> {
    const status = this.querySelector('.due-reviews-status')!;
    try {
      const known = new Set((this.dataset.checkIds ?? '').split(' ').filter(Boolean));
      const cards = (await syncReviewQueue(learnerStore())).filter((state) => known.has(state.checkId));
      const due = dueCards(cards, new Date()).length;
      if (cards.length === 0)
        status.textContent = 'No review cards yet: questions you answer wrong will appear here.';
      else if (due === 0) status.textContent = `No review cards due now (${cards.length} in your queue).`;
      else status.textContent = `${due} review ${due === 1 ? 'card is' : 'cards are'} due.`;
      this.dataset.due = String(due);
    } catch (error) {
      status.textContent = `Your review queue could not be loaded: ${(error as Error).message}`;
    }
  }
}

if (!customElements.get('due-reviews')) customElements.define('due-reviews', DueReviewsElement);
