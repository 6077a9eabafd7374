/**
 * A "write a query" check once the learner has started it: the lab's editor in a frame, the data set looked up
 * and generated in place, and the learner's query graded against the reference on the same data. Loaded only
 * when the learner starts the check (with the query worker and the simulation), so a lesson page carries none of
 * it; <query-check> (queryCheckElement.ts) is the light part that the page loads.
 */
import type { QueryCheckSpec } from './answerSheet';
import { loadAnswerSheet } from './answerSheetClient';
import { CHECK_EDITOR_PATH, isEditorMessage, type CheckToEditor } from './checkEditorProtocol';
import { CHECK_ANSWERED, loadLearnerStore, type CheckAnsweredDetail, type CheckMode } from './checkElement';
import { datasetState, generateDataset, runQueryCheck, type DatasetState } from './queryRunner';

export interface StoredQueryAnswer {
  response: { type: 'query'; query: string };
  mode: CheckMode;
  score: number;
}

/** What the started check needs from its element: where it lives and how to explain the reference query. */
export interface QueryCheckHost {
  element: HTMLElement;
  spec: QueryCheckSpec;
  showExplanation(): Promise<void>;
}

export class StartedQueryCheck {
  readonly #host: QueryCheckHost;
  readonly #element: HTMLElement;
  readonly #spec: QueryCheckSpec;
  #running: AbortController | undefined;
  #feedbackLines: string[] = [];
  #answered = false;

  constructor(host: QueryCheckHost) {
    this.#host = host;
    this.#element = host.element;
    this.#spec = host.spec;
  }

  get #wrapper(): HTMLElement {
    return this.#element.closest('knowledge-check') ?? this.#element;
  }

  get #mode(): CheckMode {
    return (this.#wrapper.dataset.mode as CheckMode | undefined) ?? 'lesson';
  }

  get #checkId(): string {
    return this.#wrapper.dataset.checkId ?? '';
  }

  get #textarea(): HTMLTextAreaElement {
    return this.#element.querySelector('textarea')!;
  }

  get #runButton(): HTMLButtonElement {
    return this.#element.querySelector<HTMLButtonElement>('button[type=submit]')!;
  }

  /** Opens the editor and looks for the data set. */
  async begin(): Promise<void> {
    this.#mountEditor();
    this.#say('Looking for the data set in this browser…');
    try {
      this.#showDatasetState(await datasetState(this.#spec));
    } catch (error) {
      this.#say(`The data sets in this browser could not be read: ${(error as Error).message}`);
    }
  }

  /**
   * The lab's editor, in a frame of its own (checkEditorProtocol.ts); the text box stays the answer's source of
   * truth, and stays in use if the frame never answers.
   */
  #mountEditor(): void {
    const host = this.#element.querySelector<HTMLElement>('.query-editor')!;
    const frame = document.createElement('iframe');
    frame.src = CHECK_EDITOR_PATH;
    frame.title = 'Query editor';
    frame.className = 'query-editor-frame';
    window.addEventListener('message', (event) => {
      if (event.origin !== location.origin || event.source !== frame.contentWindow) return;
      if (!isEditorMessage(event.data)) return;
      const message = event.data;
      if (message.type === 'ready') {
        const init: CheckToEditor = {
          source: 'query-check',
          type: 'init',
          text: this.#textarea.value,
          label: 'Your query',
        };
        frame.contentWindow!.postMessage(init, location.origin);
        host.hidden = false;
        this.#element.querySelector<HTMLElement>('.query-label')!.hidden = true;
      } else if (message.type === 'change') {
        this.#textarea.value = message.text;
      } else {
        this.#element.querySelector('form')!.requestSubmit();
      }
    });
    host.append(frame);
  }

  #showDatasetState(state: DatasetState): void {
    const generate = this.#element.querySelector<HTMLElement>('.query-generate')!;
    const { datasetId } = this.#spec;
    switch (state.kind) {
      case 'ready':
        generate.hidden = true;
        this.#say(`The data set ${datasetId} is ready. Write your query and run it.`);
        return;
      case 'generating':
      case 'missing':
        generate.hidden = false;
        this.#say(
          `The data set ${datasetId} is not in this browser yet. Generate it here: it is simulated on this device and stays for the lab and other checks.`,
        );
        return;
      case 'incomplete':
        generate.hidden = false;
        this.#say(`The data set ${datasetId} is incomplete (${state.problem}). Generate it again.`);
        return;
    }
  }

  async generate(): Promise<void> {
    const button = this.#element.querySelector<HTMLButtonElement>('.query-generate-button')!;
    const progress = this.#element.querySelector<HTMLProgressElement>('.query-generate-progress')!;
    button.disabled = true;
    this.#runButton.disabled = true;
    progress.hidden = false;
    progress.value = 0;
    this.#say('Generating the data set…');
    try {
      const state = await generateDataset(this.#spec, (step) => {
        if (step.fraction !== undefined) progress.value = step.fraction;
        const clock = step.virtualNow
          ? `, simulated time ${step.virtualNow.slice(0, 16).replace('T', ' ')} UTC`
          : '';
        this.#say(`Generating the data set: ${step.rows.toLocaleString('en')} rows${clock}…`);
      });
      progress.value = 1;
      this.#showDatasetState(state);
    } catch (error) {
      this.#say(`The data set could not be generated: ${(error as Error).message}`);
    } finally {
      button.disabled = false;
      this.#runButton.disabled = this.#answered && this.#mode === 'exam';
      progress.hidden = true;
    }
  }

  async run(): Promise<void> {
    const query = this.#textarea.value.trim();
    if (!query) {
      this.#say('Write a query first.');
      return;
    }
    this.#running?.abort();
    const running = new AbortController();
    this.#running = running;
    const button = this.#runButton;
    button.disabled = true;
    this.#feedback([]);
    this.#say('Running your query and the reference query…');
    try {
      const sheet = await loadAnswerSheet(this.#checkId);
      if (!sheet.query) throw new Error('this question has no reference query');
      const outcome = await runQueryCheck(query, this.#spec, sheet.query, running.signal);
      if (outcome.kind === 'no-dataset') {
        this.#showDatasetState(
          outcome.problem ? { kind: 'incomplete', problem: outcome.problem } : { kind: 'missing' },
        );
        this.#element.querySelector<HTMLButtonElement>('.query-generate-button')!.focus();
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
      this.#feedbackLines = diff.feedback;
      const verdict = diff.correct ? `Correct: your ${rowCount} rows match the reference.` : 'Not quite yet:';
      this.#wrapper.dataset.lastVerdict = verdict;
      // Saved before the verdict shows, so that a learner who reads it and leaves at once keeps the answer.
      const saveProblem = await this.#save(query, diff.correct);
      if (this.#mode === 'exam') {
        this.#answered = true;
        this.#say(
          saveProblem
            ? 'Answer kept for this exam; your query is graded at the end.'
            : 'Answer saved. Your query is graded at the end of the exam.',
        );
      } else {
        this.#say(verdict);
        this.#feedback(diff.feedback);
        await this.#host.showExplanation();
      }
      if (saveProblem) this.#say(`${this.#statusText()} ${saveProblem}`);
      this.#announce(diff.correct);
    } catch (error) {
      this.#say(`The query could not run: ${(error as Error).message}`);
    } finally {
      button.disabled = this.#answered && this.#mode === 'exam';
    }
  }

  /** At the end of an exam: the verdict, what differed, and the explanation. */
  async reveal(): Promise<void> {
    const verdict = this.#wrapper.dataset.lastVerdict;
    if (verdict === undefined) return;
    this.#say(verdict);
    this.#feedback(this.#feedbackLines);
    this.#runButton.disabled = true;
    await this.#host.showExplanation();
  }

  /** Keeps the answer in the learner store; returns what went wrong, in words, or an empty string. */
  async #save(query: string, correct: boolean): Promise<string> {
    const wrapper = this.#wrapper;
    wrapper.dataset.answered = 'true';
    wrapper.dataset.verdict = correct ? 'correct' : 'wrong';
    try {
      const answer: StoredQueryAnswer = {
        response: { type: 'query', query },
        mode: this.#mode,
        score: correct ? 1 : 0,
      };
      await (await loadLearnerStore()).recordAnswer({ checkId: this.#checkId, answer, correct });
      return '';
    } catch (error) {
      return `Your answer could not be saved: ${(error as Error).message}`;
    }
  }

  #announce(correct: boolean): void {
    const wrapper = this.#wrapper;
    const detail: CheckAnsweredDetail = {
      checkId: this.#checkId,
      objective: wrapper.dataset.objective ?? '',
      lesson: wrapper.dataset.lesson ?? '',
      correct,
      score: correct ? 1 : 0,
      mode: this.#mode,
    };
    wrapper.dispatchEvent(new CustomEvent<CheckAnsweredDetail>(CHECK_ANSWERED, { detail, bubbles: true }));
  }

  #feedback(lines: string[]): void {
    const list = this.#element.querySelector('.query-feedback')!;
    list.replaceChildren(
      ...lines.map((line) => {
        const item = document.createElement('li');
        item.textContent = line;
        return item;
      }),
    );
  }

  #statusText(): string {
    return this.#element.querySelector('.check-status')!.textContent ?? '';
  }

  #say(message: string): void {
    this.#element.querySelector('.check-status')!.textContent = message;
  }
}
