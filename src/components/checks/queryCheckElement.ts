/**
 * <query-check>: a "write a query" question. Before the learner starts it, it only shows their last query (in a
 * lesson); starting it loads the rest (startedQueryCheck.ts): the lab's editor, the data set (generated in place
 * when this browser does not have it) and the grading against the reference query on the same simulated data.
 */
import type { QueryCheckSpec } from './answerSheet';
import { loadAnswerSheet } from './answerSheetClient';
import { loadLearnerStore, type CheckMode } from './checkElement';
import { whenChecksNear } from './nearScreen';
import type { StartedQueryCheck, StoredQueryAnswer } from './startedQueryCheck';

export class QueryCheckElement extends HTMLElement {
  #spec!: QueryCheckSpec;
  #started: Promise<StartedQueryCheck> | undefined;

  get #wrapper(): HTMLElement {
    return this.closest('knowledge-check') ?? this;
  }

  get #mode(): CheckMode {
    return (this.#wrapper.dataset.mode as CheckMode | undefined) ?? 'lesson';
  }

  get #checkId(): string {
    return this.#wrapper.dataset.checkId ?? '';
  }

  connectedCallback(): void {
    if (this.#spec) return;
    this.#spec = JSON.parse(this.querySelector('script[data-query-spec]')!.textContent!) as QueryCheckSpec;
    this.querySelector('form')!.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.#whenStarted((check) => check.run());
    });
    this.querySelector('.query-start')!.addEventListener('click', () => void this.start());
    this.querySelector('.query-generate-button')!.addEventListener(
      'click',
      () => void this.#whenStarted((check) => check.generate()),
    );
    if (this.#mode === 'lesson') void this.#restore();
  }

  /** Loads the editor and looks for the data set; resolves when both are settled. */
  start(): Promise<StartedQueryCheck> {
    this.#started ??= (async () => {
      this.querySelector<HTMLButtonElement>('.query-start')!.hidden = true;
      this.#say('Starting the check…');
      const { StartedQueryCheck } = await import('./startedQueryCheck');
      const check = new StartedQueryCheck({
        element: this,
        spec: this.#spec,
        showExplanation: () => this.#showExplanation(),
      });
      await check.begin();
      return check;
    })();
    this.#started.catch((error: unknown) => {
      this.#started = undefined;
      this.querySelector<HTMLButtonElement>('.query-start')!.hidden = false;
      this.#say(`The check could not start: ${(error as Error).message}`);
    });
    return this.#started;
  }

  async #whenStarted(action: (check: StartedQueryCheck) => Promise<void>): Promise<void> {
    try {
      await action(await this.start());
    } catch {
      // start() has said what went wrong.
    }
  }

  /** At the end of an exam: the verdict, what differed, and the explanation (nothing when not answered). */
  async reveal(): Promise<void> {
    if (!this.#started) return;
    await (await this.#started).reveal();
  }

  /** In a lesson, once the checks are near the screen: the learner's last query and its verdict. */
  async #restore(): Promise<void> {
    await whenChecksNear(this);
    try {
      const record = await (await loadLearnerStore()).latestAnswer(this.#checkId);
      const answer = record?.answer as StoredQueryAnswer | undefined;
      if (!record || answer?.response?.type !== 'query') return;
      this.querySelector('textarea')!.value = answer.response.query;
      this.#say(
        record.correct
          ? 'Your last query was correct.'
          : 'Your last query did not match yet. Run it again to see what differs.',
      );
      if (record.correct) await this.#showExplanation();
    } catch (error) {
      this.#say(`Your earlier answer could not be loaded: ${(error as Error).message}`);
    }
  }

  async #showExplanation(): Promise<void> {
    const sheet = await loadAnswerSheet(this.#checkId);
    if (!sheet.query) return;
    const block = this.querySelector<HTMLElement>('.check-explanation')!;
    const explanation = document.createElement('p');
    const label = document.createElement('strong');
    label.textContent = 'Explanation.';
    const text = document.createElement('span');
    // Built from the author's Markdown at build time by inlineMarkdown, which escapes any HTML.
    text.innerHTML = sheet.query.explanationHtml;
    explanation.append(label, ' ', text);
    const intro = document.createElement('p');
    intro.textContent = 'Reference query:';
    const code = document.createElement('code');
    code.textContent = sheet.query.referenceQuery;
    const pre = document.createElement('pre');
    pre.append(code);
    block.replaceChildren(explanation, intro, pre);
    block.hidden = false;
  }

  #say(message: string): void {
    this.querySelector('.check-status')!.textContent = message;
  }
}

if (!customElements.get('query-check')) customElements.define('query-check', QueryCheckElement);
