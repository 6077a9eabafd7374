import { useId, useState } from 'react';
import { inlineMarkdown } from '../checks/inlineMarkdown';
import type { CaseObjective } from '../../investigations/caseDefinition';
import type { ObjectiveProgress } from '../../investigations/caseState';
import { availablePoints } from '../../investigations/scoring';

export interface Feedback {
  readonly tone: 'correct' | 'wrong' | 'problem';
  readonly text: string;
}

interface Props {
  readonly number: number;
  readonly objective: CaseObjective;
  readonly progress: ObjectiveProgress;
  /** Answers and hints are taken while the case is open. */
  readonly open: boolean;
  readonly canGrade: boolean;
  readonly grading: boolean;
  readonly feedback: Feedback | undefined;
  readonly onSubmit: (answer: string) => void;
  readonly onHint: () => void;
}

function lastFeedback(progress: ObjectiveProgress): Feedback | undefined {
  const last = progress.attempts.at(-1);
  if (!last || progress.solved) return undefined;
  return { tone: 'wrong', text: `Your last answer, “${last.answer}”, was not right.` };
}

/** One objective: the question, an answer field graded on submit, hint tiers that cost points. */
export function ObjectiveCard({
  number,
  objective,
  progress,
  open,
  canGrade,
  grading,
  feedback,
  onSubmit,
  onHint,
}: Props) {
  const [answer, setAnswer] = useState('');
  const id = useId();
  const costs = objective.hints.map((hint) => hint.cost);
  const available = availablePoints(objective.points, costs, progress.hintsOpened);
  const nextHint = objective.hints[progress.hintsOpened];
  const shown = feedback ?? lastFeedback(progress);

  return (
    <section
      className={`case-objective${progress.solved ? ' case-objective--solved' : ''}`}
      aria-labelledby={`${id}-question`}
    >
      <h3 id={`${id}-question`}>
        <span className="case-objective__number">{number}.</span> {objective.question}
      </h3>
      <p className="case-objective__points">
        {progress.solved
          ? `Solved with “${progress.solved.answer}”: ${progress.solved.points} of ${objective.points} points`
          : `Worth ${available} of ${objective.points} points`}
      </p>
      {!progress.solved && open && (
        <form
          className="case-objective__form"
          onSubmit={(event) => {
            event.preventDefault();
            if (answer.trim()) onSubmit(answer);
          }}
        >
          <label htmlFor={`${id}-answer`}>Answer</label>
          <input
            id={`${id}-answer`}
            type="text"
            autoComplete="off"
            spellCheck={false}
            value={answer}
            onChange={(event) => setAnswer(event.target.value)}
            aria-describedby={objective.answerFormat ? `${id}-format` : undefined}
          />
          <button type="submit" disabled={grading || !canGrade || answer.trim() === ''}>
            {grading ? 'Checking…' : 'Submit answer'}
          </button>
          {objective.answerFormat && (
            <p id={`${id}-format`} className="case-objective__format">
              Form: {objective.answerFormat}
            </p>
          )}
        </form>
      )}
      <p
        className={`case-objective__feedback${shown ? ` case-objective__feedback--${shown.tone}` : ''}`}
        role="status"
        aria-live="polite"
      >
        {shown?.text ?? ''}
      </p>
      {progress.hintsOpened > 0 && (
        <ol className="case-objective__hints" aria-label="Hints">
          {objective.hints.slice(0, progress.hintsOpened).map((hint, index) => (
            <li key={index} dangerouslySetInnerHTML={{ __html: inlineMarkdown(hint.text) }} />
          ))}
        </ol>
      )}
      {nextHint && !progress.solved && open && (
        <button type="button" className="case-objective__hint" onClick={onHint}>
          Show hint {progress.hintsOpened + 1} of {objective.hints.length} (costs {nextHint.cost} points)
        </button>
      )}
    </section>
  );
}
