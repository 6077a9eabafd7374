/**
 * <query-check>: a "write a query" question. The learner's query and the reference query run on
 * the same simulated data set and the results are compared; the feedback says what differs.
 * The query backend (worker, engine) loads only when the learner presses "Run and check".
 */
import { CHECK_ANSWERED, loadLearnerStore, type CheckAnsweredDetail, type CheckMode } from './checkElement';
import type { QueryCheckSpec } from './queryRunner';

export interface StoredQueryAnswer {
  response: { type: 'query'; query: string };
  mode: CheckMode;
  score: number;
}

class QueryCheckElement extends HTMLElement {
  #spec!: QueryCheckSpec;
  #running: AbortController | undefined;

  get #wrapper(): HTMLElement {
    return this.closest('knowledge-check') ?? this;
  }

  connectedCallback(): void {
    if (this.#spec) return;
    this.#spec = JSON.parse(this.querySelector('script[data-query-spec]')!.textContent!) as QueryCheckSpec;
    this.querySelector('form')!.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.#run();
    });
    if ((this.#wrapper.dataset.mode ?? 'lesson') === 'lesson') void this.#restore();
  }

  async #restore(): Promise<void> {
    try {
      const record = await (await loadLearnerStore()).latestAnswer(this.#wrapper.dataset.checkId ?? '');
      const answer = record?.answer as StoredQueryAnswer | undefined;
      if (!record || answer?.response?.type !== 'query') return;
      this.querySelector('textarea')!.value = answer.response.query;
      this.#say(
        record.correct
          ? 'Your last query was correct.'
          : 'Your last query did not match yet. Run it again to see what differs.',
      );
      if (record.correct) this.#showExplanation();
    } catch (error) {
      this.#say(`Your earlier answer could not be loaded: ${(error as Error).message}`);
    }
  }

  async #run(): Promise<void> {
    const query = this.querySelector('textarea')!.value.trim();
    if (!query) {
      this.#say('Write a query first.');
      return;
    }
    this.#running?.abort();
    const running = new AbortController();
    this.#running = running;
    const button = this.querySelector<HTMLButtonElement>('button[type=submit]')!;
    button.disabled = true;
    this.#feedback([]);
    this.#say('Running your query and the reference query…');
    try {
      const { runQueryCheck } = await import('./queryRunner');
      const outcome = await runQueryCheck(query, this.#spec, running.signal);
      if (outcome.kind === 'no-dataset') {
        const lab = this.querySelector<HTMLAnchorElement>('a.open-in-lab-link');
        this.#say(
          `The data set ${outcome.datasetId} is not in this browser yet${outcome.problem ? ` (${outcome.problem})` : ''}. ` +
            'Open this question in the lab once to generate it, then come back.',
        );
        lab?.focus();
        return;
      }
      if (outcome.kind === 'error') {
        const { error, inReference } = outcome;
        this.#say(
          inReference
            ? `The reference query failed (${error.code}: ${error.message}); this is a fault in the question, not in your answer.`
            : `Your query does not run: line ${error.line}, column ${error.column}: ${error.message}${error.hint ? ` ${error.hint}` : ''}`,
        );
        return;
      }
      const { diff, rowCount } = outcome;
      this.#say(diff.correct ? `Correct: your ${rowCount} rows match the reference.` : 'Not quite yet:');
      this.#feedback(diff.feedback);
      this.#showExplanation();
      await this.#record(query, diff.correct);
    } catch (error) {
      this.#say(`The query could not run: ${(error as Error).message}`);
    } finally {
      button.disabled = false;
    }
  }

  async #record(query: string, correct: boolean): Promise<void> {
    const wrapper = this.#wrapper;
    const mode = (wrapper.dataset.mode as CheckMode | undefined) ?? 'lesson';
    wrapper.dataset.answered = 'true';
    wrapper.dataset.verdict = correct ? 'correct' : 'wrong';
    try {
      const answer: StoredQueryAnswer = { response: { type: 'query', query }, mode, score: correct ? 1 : 0 };
      await (
        await loadLearnerStore()
      ).recordAnswer({ checkId: wrapper.dataset.checkId ?? '', answer, correct });
    } catch (error) {
      this.#say(`Your answer could not be saved: ${(error as Error).message}`);
    }
    const detail: CheckAnsweredDetail = {
      checkId: wrapper.dataset.checkId ?? '',
      objective: wrapper.dataset.objective ?? '',
      lesson: wrapper.dataset.lesson ?? '',
      correct,
      score: correct ? 1 : 0,
      mode,
    };
    wrapper.dispatchEvent(new CustomEvent<CheckAnsweredDetail>(CHECK_ANSWERED, { detail, bubbles: true }));
  }

  #showExplanation(): void {
    this.querySelector<HTMLElement>('.check-explanation')!.hidden = false;
  }

  #feedback(lines: string[]): void {
    const list = this.querySelector('.query-feedback')!;
    list.replaceChildren(
      ...lines.map((line) => {
        const item = document.createElement('li');
        item.textContent = line;
        return item;
      }),
    );
  }

  #say(message: string): void {
    this.querySelector('.check-status')!.textContent = message;
  }
}

if (!customElements.get('query-check')) customElements.define('query-check', QueryCheckElement);
