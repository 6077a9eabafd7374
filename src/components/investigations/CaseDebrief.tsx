import { useEffect, useId, useState } from 'react';
import { inlineMarkdown } from '../checks/inlineMarkdown';
import { STEP_ORDER, STEP_TITLES, type CaseDefinition } from '../../investigations/caseDefinition';
import { progressOf, type CaseRecord } from '../../investigations/caseState';
import type { DetectionFired } from '../../investigations/evidence';
import type { DatasetRecord } from '../../store/queryClient';
import { loadDetections, valueOn } from './caseData';
import { formatUtc } from './CaseEvidence';

interface Props {
  readonly definition: CaseDefinition;
  readonly record: CaseRecord;
  readonly dataset: DatasetRecord;
  readonly score: number;
  readonly maxScore: number;
  readonly onRunQuery: (query: string, title: string) => void;
}

const CONTROL_TITLES: Record<CaseDefinition['prevention'][number]['control'], string> = {
  'pod-security': 'Pod Security level',
  'image-policy': 'Image policy',
  rbac: 'RBAC',
  'network-policy': 'Network policy',
  configuration: 'Cluster configuration',
};

function Markdown({ text }: { readonly text: string }) {
  return <span dangerouslySetInnerHTML={{ __html: inlineMarkdown(text) }} />;
}

/**
 * After the last answer or giving up: the attack's timeline, the detections that fired and those that could have,
 * the four investigation steps with what the learner found, the prevention, and every reference query, runnable.
 */
export function CaseDebrief({ definition, record, dataset, score, maxScore, onRunQuery }: Props) {
  const id = useId();
  const [detections, setDetections] = useState<DetectionFired[] | undefined>();
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState('');

  useEffect(() => {
    let current = true;
    loadDetections(dataset.id)
      .then((found) => current && setDetections(found))
      .catch((error: unknown) => current && setProblem(`The alerts could not be read: ${String(error)}`));
    const valueOf = valueOn(dataset.id);
    void Promise.all(
      definition.objectives.map(async (objective) => {
        if (objective.query === undefined) return [objective.id, ''] as const;
        const value = await valueOf(objective.query);
        return [objective.id, value.ok ? value.value : ''] as const;
      }),
    ).then((pairs) => current && setAnswers(Object.fromEntries(pairs)));
    return () => {
      current = false;
    };
  }, [dataset.id, definition.objectives]);

  const timeline = dataset.timeline ?? [];

  return (
    <section className="case-debrief" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Debrief</h2>
      <p>
        {record.gaveUpAt !== undefined
          ? 'You closed this case before every finding was made.'
          : 'Case solved.'}{' '}
        Score: {score} of {maxScore} points.
      </p>
      {problem && (
        <p role="alert" className="case-error">
          {problem}
        </p>
      )}

      <h3>Timeline of the attack</h3>
      {timeline.length > 0 ? (
        <ol className="case-timeline">
          {timeline.map((step, index) => (
            <li key={index}>
              <time dateTime={step.time}>{formatUtc(step.time)}</time> {step.description}
            </li>
          ))}
        </ol>
      ) : (
        <p>
          This dataset does not record the storyline’s steps
          {dataset.attackStart !== undefined
            ? `; the attack began at ${formatUtc(new Date(dataset.attackStart).toISOString())}`
            : ''}
          . The detections below show what Defender saw, in order.
        </p>
      )}

      <h3>Detections that fired</h3>
      {detections === undefined ? (
        <p>Reading the alerts…</p>
      ) : (
        <div className="case-table" tabIndex={0} role="group" aria-label="Detections that fired">
          <table>
            <thead>
              <tr>
                <th scope="col">First seen</th>
                <th scope="col">Alert</th>
                <th scope="col">Severity</th>
                <th scope="col">MITRE tactics</th>
                <th scope="col">Times</th>
              </tr>
            </thead>
            <tbody>
              {detections.map((detection) => (
                <tr key={detection.type}>
                  <td>{formatUtc(detection.first)}</td>
                  <td>{detection.name}</td>
                  <td>{detection.severity}</td>
                  <td>{detection.tactics.join(', ')}</td>
                  <td>{detection.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h3>Detections that could have fired</h3>
      {definition.missedDetections.length === 0 ? (
        <p>Every detection that applies to this attack fired.</p>
      ) : (
        <ul>
          {definition.missedDetections.map((missed) => (
            <li key={missed.alert}>
              <strong>{missed.alert}</strong>: <Markdown text={missed.why} />
            </li>
          ))}
        </ul>
      )}

      <h3>The four investigation steps</h3>
      {STEP_ORDER.map((step) => {
        const objectives = definition.objectives.filter((objective) => objective.step === step);
        return (
          <section key={step} className="case-step" aria-label={STEP_TITLES[step]}>
            <h4>{STEP_TITLES[step]}</h4>
            {objectives.length === 0 ? (
              <p>This case asks nothing for this step.</p>
            ) : (
              <dl>
                {objectives.map((objective) => {
                  const progress = progressOf(record, objective.id);
                  const yours = progress.solved?.answer ?? progress.attempts.at(-1)?.answer;
                  return (
                    <div key={objective.id} className="case-step__finding">
                      <dt>{objective.question}</dt>
                      <dd>
                        Your finding: {yours ? <code>{yours}</code> : 'not answered'}
                        {progress.solved ? ' (correct)' : ''}
                        {answers[objective.id] ? (
                          <>
                            {' '}
                            · The answer: <code>{answers[objective.id]}</code>
                          </>
                        ) : null}
                      </dd>
                      <dd>
                        <Markdown text={objective.debrief} />
                      </dd>
                    </div>
                  );
                })}
              </dl>
            )}
          </section>
        );
      })}

      <h3>What would have stopped it</h3>
      <ul>
        {definition.prevention.map((prevention, index) => (
          <li key={index}>
            <strong>{CONTROL_TITLES[prevention.control]}</strong>: <Markdown text={prevention.text} />
          </li>
        ))}
      </ul>

      <h3>Reference queries</h3>
      <ol className="case-reference-queries">
        {definition.objectives
          .filter((objective) => objective.query !== undefined)
          .map((objective) => (
            <li key={objective.id}>
              <p>{objective.question}</p>
              <pre className="case-query">
                <code>{objective.query}</code>
              </pre>
              <button
                type="button"
                onClick={() => onRunQuery(objective.query!, `Reference: ${objective.id}`)}
                aria-label={`Run the reference query of “${objective.question}” in the lab`}
              >
                Run in the lab
              </button>
            </li>
          ))}
      </ol>
    </section>
  );
}
