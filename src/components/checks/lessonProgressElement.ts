/**
 * <lesson-progress>: the score of a lesson's checks (latest answer of each) and the
 * "complete" toggle, both kept in the learner store and read once the checks are near the screen.
 */
import { CHECK_ANSWERED, loadLearnerStore, type CheckAnsweredDetail } from './checkElement';
import { whenChecksNear } from './nearScreen';

class LessonProgressElement extends HTMLElement {
  #correct = new Map<string, boolean>();
  #loaded: Promise<void> = Promise.resolve();

  connectedCallback(): void {
    const toggle = this.querySelector<HTMLButtonElement>('.lesson-complete-toggle');
    toggle?.addEventListener('click', () => void this.#toggle(toggle));
    this.addEventListener(CHECK_ANSWERED, (event) => {
      const { checkId, correct } = (event as CustomEvent<CheckAnsweredDetail>).detail;
      this.#correct.set(checkId, correct);
      this.#showScore();
    });
    this.#loaded = this.#load(toggle);
  }

  get #checkIds(): string[] {
    return (this.dataset.checkIds ?? '').split(' ').filter(Boolean);
  }

  async #load(toggle: HTMLButtonElement | null): Promise<void> {
    await whenChecksNear(this);
    try {
      const { latestAnswer, isLessonComplete } = await loadLearnerStore();
      const answers = await Promise.all(this.#checkIds.map((id) => latestAnswer(id)));
      answers.forEach((answer, i) => {
        if (answer && !this.#correct.has(this.#checkIds[i]!))
          this.#correct.set(this.#checkIds[i]!, answer.correct);
      });
      this.#showScore();
      if (toggle) this.#showComplete(toggle, await isLessonComplete(this.dataset.lessonId ?? ''));
    } catch (error) {
      this.#say(`Your progress could not be loaded: ${(error as Error).message}`);
    }
  }

  #showScore(): void {
    const total = this.#checkIds.length;
    if (total === 0) return;
    const answered = this.#correct.size;
    const correct = [...this.#correct.values()].filter(Boolean).length;
    this.#say(`Score: ${correct} of ${total} correct (${answered} answered).`);
  }

  #showComplete(toggle: HTMLButtonElement, complete: boolean): void {
    toggle.setAttribute('aria-pressed', String(complete));
    toggle.textContent = complete ? 'Lesson completed ✓ (undo)' : 'Mark lesson as complete';
  }

  async #toggle(toggle: HTMLButtonElement): Promise<void> {
    // Pressed before the stored state was read: toggle from what is stored, not from the button's first label.
    await this.#loaded;
    const lessonId = this.dataset.lessonId ?? '';
    const complete = toggle.getAttribute('aria-pressed') !== 'true';
    try {
      const store = await loadLearnerStore();
      if (complete) await store.markLessonComplete(lessonId);
      else await store.markLessonIncomplete(lessonId);
      this.#showComplete(toggle, complete);
    } catch (error) {
      this.#say(`Could not save: ${(error as Error).message}`);
    }
  }

  #say(message: string): void {
    const output = this.querySelector('.lesson-score');
    if (output) output.textContent = message;
  }
}

if (!customElements.get('lesson-progress')) customElements.define('lesson-progress', LessonProgressElement);
