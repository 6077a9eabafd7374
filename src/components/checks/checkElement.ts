/**
 * <knowledge-check>: the browser side of a check rendered by KnowledgeCheck.astro. Arranges the options in the
 * learner's own order, reads the answer from plain form controls, fetches the check's answer sheet to grade it,
 * shows the explanation of every option, and keeps the answer in the learner store. No framework: it must stay
 * light. "Write a query" checks are driven by <query-check> (queryCheckElement.ts) inside this element.
 */
import type { AnswerSheet } from './answerSheet';
import { AnswerSheetError, loadAnswerSheet } from './answerSheetClient';
import { grade, GradingError, type AnswerKey, type Grade, type LearnerResponse } from './grading';
import { whenChecksNear } from './nearScreen';
import { arrangedTokens, attemptSettingKey, learnerSeedOf, shuffleSeedOf } from './shuffleSeed';

export type CheckMode = 'lesson' | 'exam' | 'review';

/** What an answer record holds in its `answer` field; indices are the authored ones. */
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
 * The learner store (Dexie) is loaded when a check needs it: in a lesson, once the checks are near the screen
 * (nearScreen.ts); the lesson is readable and the checks answerable without it.
 */
export const loadLearnerStore = () => import('../../store/learner');

function isStoredCheckAnswer(value: unknown): value is StoredCheckAnswer {
  const answer = value as StoredCheckAnswer | null;
  return typeof answer === 'object' && answer !== null && typeof answer.response?.type === 'string';
}

/** The learner's own shuffle seed for a check in a given context (see shuffleSeed.ts). */
export async function learnerShuffleSeed(checkId: string, context: string): Promise<string> {
  const store = await loadLearnerStore();
  return shuffleSeedOf(await learnerSeedOf(store.learnerStore()), checkId, context);
}

export class KnowledgeCheckElement extends HTMLElement {
  #sheet: AnswerSheet | null = null;
  #form!: HTMLFormElement;
  #status!: HTMLElement;
  #lastGrade: Grade | null = null;
  #connected = false;

  get checkId(): string {
    return this.dataset.checkId ?? '';
  }

  get mode(): CheckMode {
    return (this.dataset.mode as CheckMode | undefined) ?? 'lesson';
  }

  set mode(mode: CheckMode) {
    this.dataset.mode = mode;
  }

  get isQuery(): boolean {
    return this.dataset.type === 'query';
  }

  /** The grade of the answer given in this page, if any. */
  get lastGrade(): Grade | null {
    return this.#lastGrade;
  }

  connectedCallback(): void {
    if (this.#connected) return;
    this.#connected = true;
    if (this.isQuery) {
      // <query-check> grades itself; its verdict is kept here so that exam and review read every check alike.
      this.addEventListener(CHECK_ANSWERED, (event) => {
        const { correct, score } = (event as CustomEvent<CheckAnsweredDetail>).detail;
        this.#lastGrade = { correct, score, items: [], summary: '' };
      });
      return;
    }
    this.#form = this.querySelector(':scope > section > form')!;
    this.#status = this.#form.querySelector('.check-status')!;
    this.#form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.submit();
    });
    this.querySelector('.check-retry')?.addEventListener('click', () => void this.retry());
    this.querySelector('.check-ordering')?.addEventListener('click', (event) => this.#onMove(event));
    if (this.mode === 'lesson') void this.#startInLesson();
  }

  /**
   * In a lesson, once the checks are near the screen: the learner's order for their current attempt, then their last
   * answer if there is one.
   */
  async #startInLesson(): Promise<void> {
    await whenChecksNear(this);
    try {
      const store = (await loadLearnerStore()).learnerStore();
      const attempt = await store.getSetting<number>(attemptSettingKey(this.checkId), 0);
      this.arrange(await learnerShuffleSeed(this.checkId, `lesson/${attempt}`));
    } catch (error) {
      this.#say(`Your order of the options could not be loaded: ${(error as Error).message}`);
    }
    await this.restore();
  }

  /** Puts options, items, pairs and the right-hand values in the order the seed gives. */
  arrange(seed: string): void {
    for (const list of this.querySelectorAll<HTMLElement>(
      '.check-options, .check-ordering, .check-matching',
    )) {
      const rows = new Map(
        [...list.querySelectorAll<HTMLElement>(':scope > li[data-token]')].map((row) => [
          row.dataset.token!,
          row,
        ]),
      );
      for (const token of arrangedTokens([...rows.keys()], seed)) list.append(rows.get(token)!);
    }
    const selects = [...this.querySelectorAll<HTMLSelectElement>('.check-matching select')];
    const rights = selects[0] ? [...selects[0].options].slice(1).map((option) => option.value) : [];
    const order = arrangedTokens(rights, `${seed}/rights`);
    for (const select of selects) {
      const byValue = new Map([...select.options].map((option) => [option.value, option]));
      for (const value of order) select.append(byValue.get(value)!);
    }
    this.dataset.arranged = 'true';
  }

  /** Shows the learner's last answer to this check, graded, as they left it. */
  async restore(): Promise<void> {
    try {
      const record = await (await loadLearnerStore()).latestAnswer(this.checkId);
      if (!record || !isStoredCheckAnswer(record.answer)) return;
      const sheet = await this.#loadSheet();
      this.#apply(record.answer.response, sheet);
      this.#lastGrade = grade(record.answer.response, sheet.key!);
      this.reveal();
    } catch (error) {
      // An answer that no longer fits an edited question is simply not restored.
      if (!(error instanceof GradingError))
        this.#say(`Your earlier answer could not be loaded: ${(error as Error).message}`);
    }
  }

  async #loadSheet(): Promise<AnswerSheet> {
    this.#sheet ??= await loadAnswerSheet(this.checkId);
    if (!this.#sheet.key) throw new AnswerSheetError('This question has no answer key.');
    return this.#sheet;
  }

  #indexOf(token: string | undefined, sheet: AnswerSheet): number {
    return token === undefined ? -1 : sheet.tokens.indexOf(token);
  }

  readResponse(sheet: AnswerSheet): LearnerResponse {
    const key = sheet.key!;
    switch (key.type) {
      case 'single': {
        const picked = this.querySelector<HTMLInputElement>('input[type=radio]:checked');
        return { type: 'single', choice: picked ? this.#indexOf(picked.value, sheet) : null };
      }
      case 'multiple':
        return {
          type: 'multiple',
          choices: [...this.querySelectorAll<HTMLInputElement>('input[type=checkbox]:checked')].map((input) =>
            this.#indexOf(input.value, sheet),
          ),
        };
      case 'ordering':
        return {
          type: 'ordering',
          order: [...this.querySelectorAll<HTMLElement>('.check-ordering > li')].map((li) =>
            this.#indexOf(li.dataset.token, sheet),
          ),
        };
      case 'matching': {
        const matches: (string | null)[] = sheet.tokens.map(() => null);
        for (const row of this.querySelectorAll<HTMLElement>('.check-matching > li')) {
          const index = this.#indexOf(row.dataset.token, sheet);
          const value = row.querySelector('select')?.value;
          if (index >= 0) matches[index] = value || null;
        }
        return { type: 'matching', matches };
      }
    }
  }

  #hasAnswer(): boolean {
    switch (this.dataset.type) {
      case 'single':
      case 'multiple':
        return this.querySelector('.check-options input:checked') !== null;
      case 'matching':
        return [...this.querySelectorAll<HTMLSelectElement>('.check-matching select')].some((s) => s.value);
      default:
        return true;
    }
  }

  async submit(): Promise<void> {
    if (!this.#hasAnswer()) {
      this.#say('Choose an answer first.');
      return;
    }
    const submitButton = this.#form.querySelector<HTMLButtonElement>('.check-submit')!;
    submitButton.disabled = true;
    let sheet: AnswerSheet;
    try {
      sheet = await this.#loadSheet();
    } catch (error) {
      submitButton.disabled = false;
      this.#say((error as Error).message);
      return;
    }
    const response = this.readResponse(sheet);
    const result = grade(response, sheet.key!);
    this.#lastGrade = result;
    const detail: CheckAnsweredDetail = {
      checkId: this.checkId,
      objective: this.dataset.objective ?? '',
      lesson: this.dataset.lesson ?? '',
      correct: result.correct,
      score: result.score,
      mode: this.mode,
    };
    // Saved before the verdict shows, so that a learner who reads it and leaves at once keeps the answer.
    let saveProblem = '';
    try {
      const stored: StoredCheckAnswer = { response, mode: this.mode, score: result.score };
      await (
        await loadLearnerStore()
      ).recordAnswer({ checkId: this.checkId, answer: stored, correct: result.correct });
    } catch (error) {
      saveProblem = ` Your answer could not be saved: ${(error as Error).message}`;
    }
    if (this.mode === 'exam') {
      this.#setLocked(true);
      this.#say(
        saveProblem
          ? 'Answer kept for this exam; explanations follow at the end.'
          : 'Answer saved. Explanations follow at the end of the exam.',
      );
    } else {
      this.reveal();
    }
    if (saveProblem) this.#say(`${this.#status.textContent ?? ''}${saveProblem}`);
    this.dispatchEvent(new CustomEvent<CheckAnsweredDetail>(CHECK_ANSWERED, { detail, bubbles: true }));
  }

  /** Shows the verdict and the explanation of every option for the last graded answer. */
  reveal(): void {
    if (this.isQuery) {
      void (this.querySelector('query-check') as unknown as { reveal(): Promise<void> } | null)?.reveal();
      return;
    }
    const result = this.#lastGrade;
    const sheet = this.#sheet;
    if (!result || !sheet?.key) return;
    const key = sheet.key;
    this.#setLocked(true);
    this.dataset.verdict = result.correct ? 'correct' : 'wrong';
    for (const row of this.querySelectorAll<HTMLElement>('li[data-token]')) {
      const index = this.#indexOf(row.dataset.token, sheet);
      const verdict = result.items.find((item) => item.index === index);
      if (!verdict) continue;
      row.dataset.verdict = this.#rowVerdict(key, index, verdict);
      row.querySelector(':scope > .check-explanation')?.remove();
      const explanation = document.createElement('p');
      explanation.className = 'check-explanation';
      const label = document.createElement('strong');
      label.className = 'check-verdict';
      label.textContent = this.#verdictText(key, index, verdict);
      const text = document.createElement('span');
      // Built from the author's Markdown at build time by inlineMarkdown, which escapes any HTML.
      text.innerHTML = sheet.explanations[index] ?? '';
      explanation.append(label, ' ', text);
      row.append(explanation);
    }
    this.#say(result.correct ? 'Correct.' : `Not quite: ${result.summary}`);
    this.querySelector<HTMLElement>('.check-retry')!.hidden = this.mode !== 'lesson';
  }

  /** "Try again" in a lesson: the next attempt, with its own order of the options. */
  async retry(): Promise<void> {
    this.reset();
    try {
      const store = (await loadLearnerStore()).learnerStore();
      const key = attemptSettingKey(this.checkId);
      const attempt = (await store.getSetting<number>(key, 0)) + 1;
      await store.setSetting(key, attempt);
      this.arrange(await learnerShuffleSeed(this.checkId, `lesson/${attempt}`));
    } catch (error) {
      this.#say(`A new order of the options could not be made: ${(error as Error).message}`);
    }
    this.querySelector<HTMLElement>('input, select, button[data-move]')?.focus();
  }

  /** Clears the answer so the learner can answer again. */
  reset(): void {
    if (this.isQuery) {
      this.#lastGrade = null;
      delete this.dataset.verdict;
      delete this.dataset.answered;
      return;
    }
    this.#setLocked(false);
    delete this.dataset.verdict;
    for (const row of this.querySelectorAll<HTMLElement>('li[data-token]')) {
      delete row.dataset.verdict;
      row.querySelector(':scope > .check-explanation')?.remove();
    }
    for (const input of this.querySelectorAll<HTMLInputElement>('input')) input.checked = false;
    for (const select of this.querySelectorAll<HTMLSelectElement>('select')) select.value = '';
    this.querySelector<HTMLElement>('.check-retry')!.hidden = true;
    this.#lastGrade = null;
    this.#say('');
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

  #apply(response: LearnerResponse, sheet: AnswerSheet): void {
    switch (response.type) {
      case 'single':
      case 'multiple': {
        const picked = new Set(
          (response.type === 'single' ? [response.choice] : response.choices).map((index) =>
            index === null ? undefined : sheet.tokens[index],
          ),
        );
        for (const input of this.querySelectorAll<HTMLInputElement>('.check-options input')) {
          input.checked = picked.has(input.value);
        }
        break;
      }
      case 'ordering': {
        const list = this.querySelector('.check-ordering')!;
        for (const index of response.order) {
          const row = list.querySelector(`:scope > li[data-token="${sheet.tokens[index] ?? ''}"]`);
          if (row) list.append(row);
        }
        break;
      }
      case 'matching':
        for (const row of this.querySelectorAll<HTMLElement>('.check-matching > li')) {
          const index = this.#indexOf(row.dataset.token, sheet);
          const select = row.querySelector('select');
          if (select && index >= 0) select.value = response.matches[index] ?? '';
        }
        break;
    }
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
