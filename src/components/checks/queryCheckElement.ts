/**
 * <query-check>: a "write a query" question. The learner starts the check (which opens the lab's editor in a
 * frame and looks for the data set), generates the data set in place when this browser does not have it, and runs their
 * query; it and the reference query run on the same simulated data and the feedback says how the results differ.
 * The query worker, the simulation and the editor load only when the learner starts the check.
 */
import type { QueryCheckSpec } from './answerSheet';
import { loadAnswerSheet } from './answerSheetClient';
import { CHECK_EDITOR_PATH, isEditorMessage, type CheckToEditor } from './checkEditorProtocol';
import { CHECK_ANSWERED, loadLearnerStore, type CheckAnsweredDetail, type CheckMode } from './checkElement';
import type { DatasetState } from './queryRunner';

export interface StoredQueryAnswer {
  response: { type: 'query'; query: string };
  mode: CheckMode;
  score: number;
}

const loadRunner = () => import('./queryRunner');

export class QueryCheckElement extends HTMLElement {
  #spec!: QueryCheckSpec;
  #running: AbortController | undefined;
  #started: Promise<void> | undefined;
  #feedbackLines: string[] = [];
  #answered = false;

  get #wrapper(): HTMLElement {
    return this.closest('knowledge-check') ?? this;
  }

  get #mode(): CheckMode {
    return (this.#wrapper.dataset.mode as CheckMode | undefined) ?? 'lesson';
  }

  get #checkId(): string {
    return this.#wrapper.dataset.checkId ?? '';
  }

  get #textarea(): HTMLTextAreaElement {
    return this.querySelector('textarea')!;
  }

  get #runButton(): HTMLButtonElement {
    return this.querySelector<HTMLButtonElement>('button[type=submit]')!;
  }

  connectedCallback(): void {
    if (this.#spec) return;
    this.#spec = JSON.parse(this.querySelector('script[data-query-spec]')!.textContent!) as QueryCheckSpec;
    this.querySelector('form')!.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.#run();
    });
    this.querySelector('.query-start')!.addEventListener('click', () => void this.start());
    this.querySelector('.query-generate-button')!.addEventListener('click', () => void this.#generate());
    if (this.#mode === 'lesson') void this.#restore();
  }

  /** Loads the editor and looks for the data set; resolves when both are settled. */
  start(): Promise<void> {
    this.#started ??= (async () => {
      const startButton = this.querySelector<HTMLButtonElement>('.query-start')!;
      startButton.hidden = true;
      this.#mountEditor();
      this.#say('Looking for the data set in this browser…');
      try {
        const { datasetState } = await loadRunner();
        this.#showDatasetState(await datasetState(this.#spec));
      } catch (error) {
        this.#say(`The data sets in this browser could not be read: ${(error as Error).message}`);
      }
    })();
    return this.#started;
  }

  /**
   * The lab's editor, in a frame of its own (checkEditorProtocol.ts); the text box stays the answer's source of
   * truth, and stays in use if the frame never answers.
   */
  #mountEditor(): void {
    const host = this.querySelector<HTMLElement>('.query-editor')!;
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
        this.querySelector<HTMLElement>('.query-label')!.hidden = true;
      } else if (message.type === 'change') {
        this.#textarea.value = message.text;
      } else {
        this.querySelector('form')!.requestSubmit();
      }
    });
    host.append(frame);
  }

  #showDatasetState(state: DatasetState): void {
    const generate = this.querySelector<HTMLElement>('.query-generate')!;
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

  async #generate(): Promise<void> {
    const button = this.querySelector<HTMLButtonElement>('.query-generate-button')!;
    const progress = this.querySelector<HTMLProgressElement>('.query-generate-progress')!;
    button.disabled = true;
    this.#runButton.disabled = true;
    progress.hidden = false;
    progress.value = 0;
    this.#say('Generating the data set…');
    try {
      const { generateDataset } = await loadRunner();
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

  async #restore(): Promise<void> {
    try {
      const record = await (await loadLearnerStore()).latestAnswer(this.#checkId);
      const answer = record?.answer as StoredQueryAnswer | undefined;
      if (!record || answer?.response?.type !== 'query') return;
      this.#textarea.value = answer.response.query;
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

  async #run(): Promise<void> {
    const query = this.#textarea.value.trim();
    if (!query) {
      this.#say('Write a query first.');
      return;
    }
    await this.start();
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
      const { runQueryCheck } = await loadRunner();
      const outcome = await runQueryCheck(query, this.#spec, sheet.query, running.signal);
      if (outcome.kind === 'no-dataset') {
        this.#showDatasetState(
          outcome.problem ? { kind: 'incomplete', problem: outcome.problem } : { kind: 'missing' },
        );
        this.querySelector<HTMLButtonElement>('.query-generate-button')!.focus();
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
        await this.#showExplanation();
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
    await this.#showExplanation();
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

  #statusText(): string {
    return this.querySelector('.check-status')!.textContent ?? '';
  }

  #say(message: string): void {
    this.querySelector('.check-status')!.textContent = message;
  }
}

if (!customElements.get('query-check')) customElements.define('query-check', QueryCheckElement);
