/**
 * <knowledge-check>: the browser side of a check rendered by KnowledgeCheck.astro. Reads the
 * learner's response from plain form controls, grades it with grading.ts, shows the explanation
 * of every option, and keeps the answer in the learner store. No framework: it must stay light.
 */
import { grade, GradingError, type AnswerKey, type Grade, type LearnerResponse } from './grading';

export type CheckMode = 'lesson' | 'exam' | 'review';

/** What an answer record holds in its `answer` field. */
export interface StoredCheckAnswer {
  response: LearnerResponse;
  mode: CheckMode;
  score: number;
}

export interface CheckAnsweredDetail {
  checkId: string;
  objective: string;
  lesson: string;
  correct: boolean;
  score: number;
  mode: CheckMode;
}

export const CHECK_ANSWERED = 'check-answered';

/**
 * The learner store (Dexie and its export schemas) is loaded after the page has rendered: the
 * lesson is readable and the checks answerable without it.
 */
export const loadLearnerStore = () => import('../../store/learner');

function isStoredCheckAnswer(value: unknown): value is StoredCheckAnswer {
  const answer = value as StoredCheckAnswer | null;
  return typeof answer === 'object' && answer !== null && typeof answer.response?.type === 'string';
}

export class KnowledgeCheckElement extends HTMLElement {
  #key: AnswerKey | null = null;
  #form!: HTMLFormElement;
  #status!: HTMLElement;
  #lastGrade: Grade | null = null;

  get checkId(): string {
    return this.dataset.checkId ?? '';
  }

  get mode(): CheckMode {
    return (this.dataset.mode as CheckMode | undefined) ?? 'lesson';
  }

  set mode(mode: CheckMode) {
    this.dataset.mode = mode;
  }

  /** The grade of the answer given in this page, if any. */
  get lastGrade(): Grade | null {
    return this.#lastGrade;
  }

  connectedCallback(): void {
    if (this.#key) return;
    const keyScript = this.querySelector('script[data-answer-key]');
    this.#key = keyScript?.textContent ? (JSON.parse(keyScript.textContent) as AnswerKey | null) : null;
    this.#form = this.querySelector('form')!;
    this.#status = this.querySelector('.check-status')!;
    if (!this.#key) return;
    this.#form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.submit();
    });
    this.querySelector('.check-retry')?.addEventListener('click', () => this.reset());
    this.querySelector('.check-ordering')?.addEventListener('click', (event) => this.#onMove(event));
    if (this.mode === 'lesson') void this.restore();
  }

  /** Shows the learner's last answer to this check, graded, as they left it. */
  async restore(): Promise<void> {
    try {
      const record = await (await loadLearnerStore()).latestAnswer(this.checkId);
      if (!record || !isStoredCheckAnswer(record.answer) || !this.#key) return;
      this.#apply(record.answer.response);
      this.#lastGrade = grade(record.answer.response, this.#key);
      this.reveal();
    } catch (error) {
      // An answer that no longer fits an edited question is simply not restored.
      if (!(error instanceof GradingError))
        this.#say(`Your earlier answer could not be loaded: ${(error as Error).message}`);
    }
  }

  readResponse(): LearnerResponse {
    const key = this.#key!;
    switch (key.type) {
      case 'single': {
        const picked = this.querySelector<HTMLInputElement>('input[type=radio]:checked');
        return { type: 'single', choice: picked ? Number(picked.value) : null };
      }
      case 'multiple':
        return {
          type: 'multiple',
          choices: [...this.querySelectorAll<HTMLInputElement>('input[type=checkbox]:checked')].map((input) =>
            Number(input.value),
          ),
        };
      case 'ordering':
        return {
          type: 'ordering',
          order: [...this.querySelectorAll<HTMLElement>('.check-ordering > li')].map((li) =>
            Number(li.dataset.index),
          ),
        };
      case 'matching':
        return {
          type: 'matching',
          matches: [...this.querySelectorAll<HTMLSelectElement>('.check-matching select')].map(
            (select) => select.value || null,
          ),
        };
    }
  }

  async submit(): Promise<void> {
    if (!this.#key) return;
    const response = this.readResponse();
    if (this.#isEmpty(response)) {
      this.#say('Choose an answer first.');
      return;
    }
    const result = grade(response, this.#key);
    this.#lastGrade = result;
    const detail: CheckAnsweredDetail = {
      checkId: this.checkId,
      objective: this.dataset.objective ?? '',
      lesson: this.dataset.lesson ?? '',
      correct: result.correct,
      score: result.score,
      mode: this.mode,
    };
    if (this.mode === 'exam') {
      this.#setLocked(true);
      this.#say('Answer saved. Explanations follow at the end of the exam.');
    } else {
      this.reveal();
    }
    try {
      const stored: StoredCheckAnswer = { response, mode: this.mode, score: result.score };
      await (
        await loadLearnerStore()
      ).recordAnswer({ checkId: this.checkId, answer: stored, correct: result.correct });
    } catch (error) {
      this.#say(
        `${this.#status.textContent ?? ''} Your answer could not be saved: ${(error as Error).message}`,
      );
    }
    this.dispatchEvent(new CustomEvent<CheckAnsweredDetail>(CHECK_ANSWERED, { detail, bubbles: true }));
  }

  /** Shows the verdict and the explanation of every option for the last graded answer. */
  reveal(): void {
    const result = this.#lastGrade;
    const key = this.#key;
    if (!result || !key) return;
    this.#setLocked(true);
    this.dataset.verdict = result.correct ? 'correct' : 'wrong';
    const rows = this.querySelectorAll<HTMLElement>('li[data-index]');
    for (const row of rows) {
      const index = Number(row.dataset.index);
      const verdict = result.items.find((item) => item.index === index);
      const label = row.querySelector<HTMLElement>('.check-verdict');
      if (!verdict || !label) continue;
      row.dataset.verdict = this.#rowVerdict(key, index, verdict);
      label.textContent = this.#verdictText(key, index, verdict);
      row.querySelector<HTMLElement>('.check-explanation')!.hidden = false;
    }
    this.#say(result.correct ? 'Correct.' : `Not quite: ${result.summary}`);
    this.querySelector<HTMLElement>('.check-retry')!.hidden = this.mode === 'exam';
  }

  /** Clears the answer so the learner can try again. */
  reset(): void {
    this.#setLocked(false);
    delete this.dataset.verdict;
    for (const row of this.querySelectorAll<HTMLElement>('li[data-index]')) {
      delete row.dataset.verdict;
      row.querySelector<HTMLElement>('.check-explanation')!.hidden = true;
    }
    for (const input of this.querySelectorAll<HTMLInputElement>('input')) input.checked = false;
    for (const select of this.querySelectorAll<HTMLSelectElement>('select')) select.value = '';
    this.querySelector<HTMLElement>('.check-retry')!.hidden = true;
    this.#lastGrade = null;
    this.#say('');
    this.querySelector<HTMLElement>('input, select, button[data-move]')?.focus();
  }

  /**
   * How a row is marked: for choices, the correct ones are shown as right and a wrong pick as
   * wrong (an unpicked wrong choice stays neutral); ordering and matching rows as placed.
   */
  #rowVerdict(key: AnswerKey, index: number, verdict: Grade['items'][number]): string {
    if (key.type === 'single' || key.type === 'multiple') {
      if (key.correct.includes(index)) return 'right';
      return verdict.picked ? 'wrong' : 'neutral';
    }
    return verdict.right ? 'right' : 'wrong';
  }

  #verdictText(key: AnswerKey, index: number, verdict: Grade['items'][number]): string {
    switch (key.type) {
      case 'single':
      case 'multiple': {
        const isCorrect = key.correct.includes(index);
        if (verdict.picked) return isCorrect ? 'Your choice, correct.' : 'Your choice, not correct.';
        return isCorrect ? 'Correct answer, not picked.' : 'Not correct.';
      }
      case 'ordering':
        return verdict.right ? 'In its place.' : `Belongs at position ${index + 1}.`;
      case 'matching':
        return verdict.right ? 'Right.' : `Should be: ${verdict.expected}.`;
    }
  }

  #apply(response: LearnerResponse): void {
    switch (response.type) {
      case 'single':
      case 'multiple': {
        const picked = new Set(response.type === 'single' ? [response.choice] : response.choices);
        for (const input of this.querySelectorAll<HTMLInputElement>('input')) {
          input.checked = picked.has(Number(input.value));
        }
        break;
      }
      case 'ordering': {
        const list = this.querySelector('.check-ordering')!;
        for (const index of response.order) {
          const row = list.querySelector(`:scope > li[data-index="${index}"]`);
          if (row) list.append(row);
        }
        break;
      }
      case 'matching':
        this.querySelectorAll<HTMLSelectElement>('.check-matching select').forEach((select, i) => {
          select.value = response.matches[i] ?? '';
        });
        break;
    }
  }

  #isEmpty(response: LearnerResponse): boolean {
    if (response.type === 'single') return response.choice === null;
    if (response.type === 'multiple') return response.choices.length === 0;
    if (response.type === 'matching') return response.matches.every((match) => match === null);
    return false;
  }

  #onMove(event: Event): void {
    const button = (event.target as HTMLElement).closest<HTMLButtonElement>('button[data-move]');
    if (!button || button.disabled) return;
    const row = button.closest('li')!;
    const sibling = button.dataset.move === 'up' ? row.previousElementSibling : row.nextElementSibling;
    if (!sibling) return;
    if (button.dataset.move === 'up') sibling.before(row);
    else sibling.after(row);
    button.focus();
    const position = [...row.parentElement!.children].indexOf(row) + 1;
    this.#say(`Moved to position ${position}.`);
  }

  #setLocked(locked: boolean): void {
    for (const control of this.#form.querySelectorAll<
      HTMLInputElement | HTMLSelectElement | HTMLButtonElement
    >('input, select, button[data-move], .check-submit')) {
      control.disabled = locked;
    }
  }

  #say(message: string): void {
    this.#status.textContent = message;
  }
}

if (!customElements.get('knowledge-check')) customElements.define('knowledge-check', KnowledgeCheckElement);
