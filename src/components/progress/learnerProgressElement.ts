/** <learner-progress>: lesson scores and completion, exam history, and JSON export/import. */
import { learnerStore } from '../../store/learner';
import { EXAM_HISTORY_KEY, type ExamRecord } from './examElement';

export const EXPORT_FILE_NAME = 'sc200-learner-data.json';

class LearnerProgressElement extends HTMLElement {
  connectedCallback(): void {
    this.querySelector('.progress-export')!.addEventListener('click', () => void this.#export());
    this.querySelector<HTMLInputElement>('.progress-import')!.addEventListener('change', (event) => {
      const file = (event.target as HTMLInputElement).files?.[0];
      if (file) void this.#import(file);
    });
    void this.#show();
  }

  async #show(): Promise<void> {
    try {
      const store = learnerStore();
      const [answers, progress, examSetting] = await Promise.all([
        store.listAnswers(),
        store.getProgress(),
        store.readSetting<ExamRecord[]>(EXAM_HISTORY_KEY, []),
      ]);
      const exams = examSetting.value;
      // A saved exam history that makes no sense: the rest of the page still shows, with a way to reset it.
      if (examSetting.problem) this.#offerReset(examSetting.problem);
      const latest = new Map<string, boolean>();
      for (const answer of answers) latest.set(answer.checkId, answer.correct);
      const completed = new Map(progress.map((record) => [record.lessonId, record.completedAt]));
      for (const row of this.querySelectorAll<HTMLElement>('tr[data-lesson-id]')) {
        const ids = (row.dataset.checkIds ?? '').split(' ').filter(Boolean);
        const correct = ids.filter((id) => latest.get(id) === true).length;
        const answered = ids.filter((id) => latest.has(id)).length;
        row.querySelector('.progress-score')!.textContent =
          ids.length === 0 ? '—' : `${correct} of ${ids.length} (${answered} answered)`;
        const doneAt = completed.get(row.dataset.lessonId ?? '');
        row.querySelector('.progress-complete')!.textContent = doneAt
          ? new Date(doneAt).toLocaleDateString()
          : 'Not yet';
      }
      const list = this.querySelector('.progress-exams')!;
      if (exams.length > 0) {
        list.replaceChildren(
          ...[...exams].reverse().map((exam) => {
            const item = document.createElement('li');
            const weakest = exam.score.byObjective[0];
            item.textContent =
              `${new Date(exam.finishedAt).toLocaleString()}: ${exam.score.correct} of ${exam.score.total} ` +
              `(${exam.score.percent}%)` +
              (weakest ? `; weakest objective: ${weakest.objective} (${weakest.percent}%)` : '');
            return item;
          }),
        );
      }
    } catch (error) {
      this.#say(`Your progress could not be loaded: ${(error as Error).message}`);
    }
  }

  async #export(): Promise<void> {
    try {
      const data = await learnerStore().exportLearnerData();
      const url = URL.createObjectURL(
        new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }),
      );
      const link = document.createElement('a');
      link.href = url;
      link.download = EXPORT_FILE_NAME;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 0);
      this.#say(`Exported ${data.answers.length} answers and ${data.progress.length} completed lessons.`);
    } catch (error) {
      this.#say(`Export failed: ${(error as Error).message}`);
    }
  }

  async #import(file: File): Promise<void> {
    let data: unknown;
    try {
      data = JSON.parse(await file.text());
    } catch {
      this.#say(`"${file.name}" is not a JSON file; nothing was imported and your data is unchanged.`);
      return;
    }
    try {
      await learnerStore().importLearnerData(data, 'merge');
      this.#say(`Imported "${file.name}".`);
      await this.#show();
    } catch (error) {
      this.#say(`"${file.name}" was not imported, your data is unchanged: ${(error as Error).message}`);
    }
  }

  #offerReset(problem: string): void {
    const reset = document.createElement('button');
    reset.type = 'button';
    reset.textContent = 'Reset the exam history';
    reset.addEventListener('click', () => {
      void learnerStore()
        .resetSetting(EXAM_HISTORY_KEY)
        .then(() => {
          reset.remove();
          this.#say('The exam history was reset.');
        })
        .catch((error: unknown) =>
          this.#say(`The exam history could not be reset: ${(error as Error).message}`),
        );
    });
    this.#say(problem);
    this.querySelector('.progress-status')!.append(' ', reset);
  }

  #say(message: string): void {
    this.querySelector('.progress-status')!.textContent = message;
  }
}

if (!customElements.get('learner-progress'))
  customElements.define('learner-progress', LearnerProgressElement);
