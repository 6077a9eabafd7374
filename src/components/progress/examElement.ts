/**
 * <exam-mode>: runs a practice exam over the checks rendered by CheckBank in exam mode. The
 * checks grade themselves silently; at the end (button or time up) they reveal their
 * explanations and the result is scored per objective and kept in the learner store.
 */
import { learnerShuffleSeed, type KnowledgeCheckElement } from '../checks/checkElement';
import { learnerStore } from '../../store/learner';
import { formatCountdown, planExam, scoreExam, timeLeft, type ExamScore } from './exam';

/** Setting key under which finished exams are kept. */
export const EXAM_HISTORY_KEY = 'exam-history';

export interface ExamRecord {
  finishedAt: number;
  questionCount: number;
  minutes: number;
  score: ExamScore;
}

class ExamModeElement extends HTMLElement {
  #timer: ReturnType<typeof setInterval> | undefined;
  #questions: KnowledgeCheckElement[] = [];
  #startedAt = 0;
  #minutes = 0;
  #finished = false;
  #started = false;

  connectedCallback(): void {
    const setup = this.querySelector<HTMLFormElement>('.exam-setup')!;
    setup.addEventListener('submit', (event) => {
      event.preventDefault();
      const data = new FormData(setup);
      void this.#start(Number(data.get('questionCount')) || 20, Number(data.get('minutes')) || 30);
    });
    this.querySelector('.exam-finish')!.addEventListener('click', () => void this.#finish('finished'));
  }

  disconnectedCallback(): void {
    clearInterval(this.#timer);
  }

  async #start(questionCount: number, minutes: number): Promise<void> {
    // The options are arranged asynchronously: a second press of "Start" meanwhile must not start a second exam.
    if (this.#started) return;
    this.#started = true;
    const startedAt = Date.now();
    const all = [...this.querySelectorAll<KnowledgeCheckElement>('knowledge-check')];
    const byId = new Map(all.map((check) => [check.checkId, check]));
    const plan = planExam(
      all.map((check) => ({ checkId: check.checkId, objective: check.dataset.objective ?? '' })),
      questionCount,
      String(startedAt),
    );
    const bank = this.querySelector('.check-bank')!;
    this.#questions = plan.map((question) => byId.get(question.checkId)!);
    try {
      // Each exam shows the options in an order of its own, per learner.
      for (const check of this.#questions) {
        check.arrange(await learnerShuffleSeed(check.checkId, `exam/${startedAt}`));
      }
    } catch (error) {
      this.querySelector('.exam-status')!.textContent =
        `The options keep the page's order: ${(error as Error).message}`;
    }
    this.#questions.forEach((check, index) => {
      const heading = check.querySelector('.check-heading');
      if (heading?.firstChild) heading.firstChild.textContent = `Question ${index + 1} of ${plan.length} `;
      bank.append(check);
      check.hidden = false;
    });
    this.#startedAt = startedAt;
    this.#minutes = minutes;
    this.querySelector<HTMLElement>('.exam-setup')!.hidden = true;
    this.querySelector<HTMLElement>('.exam-running')!.hidden = false;
    this.#tick();
    this.#timer = setInterval(() => this.#tick(), 1000);
    this.#questions[0]?.querySelector<HTMLElement>('input, select, button')?.focus();
  }

  #tick(): void {
    const left = timeLeft(this.#startedAt, this.#minutes, Date.now());
    this.querySelector('.exam-timer')!.textContent = `Time left: ${formatCountdown(left)}`;
    if (left === 0) void this.#finish('time');
  }

  async #finish(reason: 'finished' | 'time'): Promise<void> {
    if (this.#finished) return;
    this.#finished = true;
    clearInterval(this.#timer);
    const score = scoreExam(
      this.#questions.map((check) => ({
        checkId: check.checkId,
        objective: check.dataset.objective ?? '',
        correct: check.lastGrade?.correct,
      })),
    );
    for (const check of this.#questions) {
      if (check.lastGrade) check.reveal();
      else {
        const status = check.querySelector('.check-status');
        if (status) status.textContent = 'Not answered.';
        check
          .querySelectorAll<HTMLInputElement>('input, select, button')
          .forEach((control) => (control.disabled = true));
      }
    }
    this.querySelector<HTMLElement>('.exam-finish')!.hidden = true;
    this.querySelector('.exam-timer')!.textContent = reason === 'time' ? 'Time is up.' : 'Exam finished.';
    this.#showResult(score);
    try {
      const record: ExamRecord = {
        finishedAt: Date.now(),
        questionCount: this.#questions.length,
        minutes: this.#minutes,
        score,
      };
      // Appended in one transaction: an exam finished meanwhile in another browser tab is kept too.
      await learnerStore().updateSetting<ExamRecord[]>(EXAM_HISTORY_KEY, [], (history) => [
        ...history,
        record,
      ]);
    } catch (error) {
      this.querySelector('.exam-status')!.textContent =
        `The result could not be saved: ${(error as Error).message}`;
    }
  }

  #showResult(score: ExamScore): void {
    const section = this.querySelector<HTMLElement>('.exam-result')!;
    section.querySelector('.exam-total')!.textContent =
      `${score.correct} of ${score.total} correct (${score.percent}%).`;
    const body = section.querySelector('tbody')!;
    body.replaceChildren(
      ...score.byObjective.map((row) => {
        const tr = document.createElement('tr');
        for (const text of [row.objective, `${row.correct} of ${row.total}`, `${row.percent}%`]) {
          const td = document.createElement('td');
          td.textContent = text;
          tr.append(td);
        }
        return tr;
      }),
    );
    // The result goes first, before the (now explained) questions.
    this.prepend(section);
    section.hidden = false;
    section.querySelector<HTMLElement>('h2')!.focus();
  }
}

if (!customElements.get('exam-mode')) customElements.define('exam-mode', ExamModeElement);
