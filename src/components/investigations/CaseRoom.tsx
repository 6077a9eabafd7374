import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import '@xterm/xterm/css/xterm.css';
import type { CapturedOutput } from '../cluster/ClusterConsole';
import { matchesStaticAnswer } from '../../investigations/answerDigest';
import { objectiveRules, type CaseDefinition, type CaseObjective } from '../../investigations/caseDefinition';
import {
  caseScore,
  caseStatus,
  giveUp,
  isOpen,
  maxScore,
  newCase,
  openHint,
  pin,
  progressOf,
  recordAttempt,
  restartWithSeed,
  unpin,
  type CaseRecord,
} from '../../investigations/caseState';
import { gradeAnswer, type Grade } from '../../investigations/grading';
import { openClusterProbe, type ClusterProbe } from '../../store/clusterClient';
import type { DatasetRecord, GenerateProgress } from '../../store/queryClient';
import Lab, { type LabResult } from '../lab/Lab';
import {
  caseDatasetId,
  ensureCaseDataset,
  loadOpeningEvidence,
  valueOn,
  type OpeningEvidence,
} from './caseData';
import { CaseDebrief } from './CaseDebrief';
import { CaseEvidence, formatUtc } from './CaseEvidence';
import { CaseNotebook } from './CaseNotebook';
import { CaseToolTabs } from './CaseToolTabs';
import { ObjectiveCard, type Feedback } from './ObjectiveCard';
import './cases.css';

interface Props {
  readonly definition: CaseDefinition;
}

// The live cluster (xterm, the simulation in a worker) loads when the learner first opens its tab.
const ClusterConsole = lazy(() => import('../cluster/ClusterConsole'));

const STARTER_QUERY =
  'SecurityAlert\n| project TimeGenerated, AlertName, AlertSeverity, CompromisedEntity\n| sort by TimeGenerated asc';

const STATUS_TEXT = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  solved: 'Solved',
  'given-up': 'Closed (given up)',
} as const;

type LearnerModule = typeof import('../../store/learner');

function anotherSeed(current: number): number {
  const values = new Uint32Array(1);
  let seed = current;
  while (seed === current) {
    crypto.getRandomValues(values);
    seed = (values[0]! % 9_000) + 100;
  }
  return seed;
}

function feedbackOf(grade: Grade, points: number): Feedback {
  switch (grade.verdict) {
    case 'correct':
      return { tone: 'correct', text: `Correct: ${points} points.` };
    case 'known-wrong':
      return { tone: 'wrong', text: `Not this one. ${grade.explanation}` };
    case 'wrong':
      return { tone: 'wrong', text: 'That is not it. Check the result your query gave, and try again.' };
    case 'unanswerable':
      return {
        tone: 'problem',
        text: `This objective cannot be graded on this dataset (${grade.reason}). Your answer was not counted; try regenerating the case's data.`,
      };
  }
}

/** One case, worked on one screen: dataset, opening evidence, embedded lab, objectives, notebook and debrief. */
export default function CaseRoom({ definition }: Props) {
  const rules = useMemo(() => objectiveRules(definition.objectives), [definition.objectives]);
  const [record, setRecord] = useState<CaseRecord | undefined>();
  const [loaded, setLoaded] = useState(false);
  const [saveError, setSaveError] = useState('');
  const [dataset, setDataset] = useState<DatasetRecord | undefined>();
  const [progress, setProgress] = useState<GenerateProgress | undefined>();
  const [datasetError, setDatasetError] = useState('');
  const [evidence, setEvidence] = useState<OpeningEvidence | undefined>();
  const [evidenceError, setEvidenceError] = useState('');
  const [lastResult, setLastResult] = useState<LabResult | undefined>();
  const [queryRequest, setQueryRequest] = useState<
    { id: number; text: string; title?: string } | undefined
  >();
  const [grading, setGrading] = useState<string | undefined>();
  const [feedback, setFeedback] = useState<Record<string, Feedback>>({});
  const [confirmingSeed, setConfirmingSeed] = useState(false);
  const [tool, setTool] = useState('lab');
  const [clusterOpened, setClusterOpened] = useState(false);
  const recordRef = useRef<CaseRecord | undefined>(undefined);
  const learnerRef = useRef<LearnerModule | undefined>(undefined);
  const debriefRef = useRef<HTMLDivElement>(null);

  const learner = useCallback(async () => {
    learnerRef.current ??= await import('../../store/learner');
    return learnerRef.current;
  }, []);

  const seed = record?.seed ?? definition.seed;
  const status = caseStatus(record, rules);
  const score = caseScore(record);
  const total = maxScore(rules);
  const caseOpen = !record || isOpen(record, rules);
  const ready = dataset?.status === 'ready' && dataset.id === caseDatasetId(definition, seed);

  useEffect(() => {
    let current = true;
    learner()
      .then((module) => module.getCase(definition.id))
      .then((stored) => {
        if (!current) return;
        recordRef.current = stored;
        setRecord(stored);
      })
      .catch((error: unknown) =>
        setSaveError(
          `Your earlier work on this case could not be read: ${error instanceof Error ? error.message : String(error)}`,
        ),
      )
      .finally(() => current && setLoaded(true));
    return () => {
      current = false;
    };
  }, [definition.id, learner]);

  // The case's data for the current seed: stored, or generated in the worker now (the brief and the editor are
  // usable meanwhile).
  useEffect(() => {
    if (!loaded) return;
    let current = true;
    setDataset(undefined);
    setEvidence(undefined);
    setEvidenceError('');
    setDatasetError('');
    // Before the simulation reports, its clock is not known yet: shown as no time at all.
    setProgress({ rows: 0, fraction: 0, virtualNow: '' });
    ensureCaseDataset(definition, seed, (next) => current && setProgress(next))
      .then(async (ready) => {
        if (!current) return;
        setDataset(ready);
        setProgress(undefined);
        try {
          const opening = await loadOpeningEvidence(ready.id, definition.openingAlert, ready.attackStart);
          if (current) setEvidence(opening);
        } catch (error) {
          if (current)
            setEvidenceError(
              `The opening alert could not be read: ${error instanceof Error ? error.message : String(error)}`,
            );
        }
      })
      .catch((error: unknown) => {
        if (!current) return;
        setProgress(undefined);
        setDatasetError(
          `The case's data (seed ${seed}) could not be generated: ${error instanceof Error ? error.message : String(error)}. Reload the page to try again; your answers are kept.`,
        );
      });
    return () => {
      current = false;
    };
  }, [definition, seed, loaded]);

  // A cluster as the dataset left it, for objectives answered from the live pod; built on the first such answer.
  const probeRef = useRef<{ datasetId: string; probe: ClusterProbe } | undefined>(undefined);
  const probe = useCallback(
    (datasetId: string): ClusterProbe => {
      if (probeRef.current?.datasetId !== datasetId) {
        probeRef.current?.probe.close();
        probeRef.current = {
          datasetId,
          probe: openClusterProbe({
            scenario: {
              id: definition.id,
              storyline: definition.storyline,
              ...(definition.collection !== undefined ? { collection: definition.collection } : {}),
            },
            seed,
            days: definition.days,
          }),
        };
      }
      return probeRef.current.probe;
    },
    [definition, seed],
  );
  useEffect(() => () => probeRef.current?.probe.close(), []);

  const commit = useCallback(
    (next: CaseRecord) => {
      if (next === recordRef.current) return;
      recordRef.current = next;
      setRecord(next);
      learner()
        .then((module) => module.putCase(next))
        .then(() => setSaveError(''))
        .catch((error: unknown) =>
          setSaveError(
            `Your progress could not be saved: ${error instanceof Error ? error.message : String(error)}. It stays on this page until you leave it.`,
          ),
        );
    },
    [learner],
  );

  const currentRecord = useCallback(
    () => recordRef.current ?? newCase(definition.id, definition.seed, Date.now()),
    [definition.id, definition.seed],
  );

  async function submit(objective: CaseObjective, given: string) {
    if (!dataset || !ready) return;
    const rule = rules.find((candidate) => candidate.id === objective.id)!;
    setGrading(objective.id);
    try {
      const grade: Grade = (await matchesStaticAnswer(definition.id, given, objective.answerDigests))
        ? { verdict: 'correct' }
        : await gradeAnswer(
            {
              ...(objective.query !== undefined ? { query: objective.query } : {}),
              ...(objective.live !== undefined ? { live: objective.live } : {}),
              wrongAnswers: objective.wrongAnswers,
            },
            given,
            valueOn(dataset.id),
            objective.live !== undefined ? (line) => probe(dataset.id).run(line) : undefined,
          );
      let points = 0;
      if (grade.verdict !== 'unanswerable') {
        const next = recordAttempt(currentRecord(), rule, rules, {
          answer: given.trim(),
          at: Date.now(),
          verdict: grade.verdict,
        });
        points = progressOf(next, objective.id).solved?.points ?? 0;
        commit(next);
      }
      setFeedback((current) => ({ ...current, [objective.id]: feedbackOf(grade, points) }));
    } finally {
      setGrading(undefined);
    }
  }

  const closed = status === 'solved' || status === 'given-up';
  const wasClosed = useRef(closed);
  useEffect(() => {
    // Move to the debrief when the case closes on this visit (not when a closed case is reopened).
    if (closed && !wasClosed.current) debriefRef.current?.focus();
    wasClosed.current = closed;
  }, [closed]);

  const capture = useCallback(
    (captured: CapturedOutput) => {
      commit(
        pin(currentRecord(), {
          id: crypto.randomUUID(),
          kind: 'capture',
          at: Date.now(),
          query: captured.line,
          columns: [],
          rows: [],
          rowCount: 0,
          output: captured.output,
          virtualTime: captured.virtualTime,
        }),
      );
    },
    [commit, currentRecord],
  );

  const runInLab = useCallback((text: string, title?: string) => {
    setTool('lab');
    setQueryRequest((current) => ({ id: (current?.id ?? 0) + 1, text, ...(title ? { title } : {}) }));
  }, []);

  return (
    <div className="case-room not-content">
      <div className="case-bar" role="group" aria-label="Case status">
        <p>
          <strong>{STATUS_TEXT[status]}</strong> · Score <span data-testid="case-score">{score}</span> of{' '}
          {total} points · Seed {seed}
        </p>
        {caseOpen && status !== 'not-started' && (
          <button type="button" onClick={() => commit(giveUp(currentRecord(), rules, Date.now()))}>
            Give up and show the debrief
          </button>
        )}
        {confirmingSeed ? (
          <span className="case-bar__confirm">
            A new seed gives other data and other answers; this run’s score is kept in your history.{' '}
            <button
              type="button"
              onClick={() => {
                setConfirmingSeed(false);
                setFeedback({});
                setLastResult(undefined);
                commit(restartWithSeed(currentRecord(), anotherSeed(seed), rules, Date.now()));
              }}
            >
              Start the new case
            </button>{' '}
            <button type="button" onClick={() => setConfirmingSeed(false)}>
              Keep this one
            </button>
          </span>
        ) : (
          <button type="button" onClick={() => setConfirmingSeed(true)} disabled={!loaded}>
            New case with another seed
          </button>
        )}
      </div>
      {saveError && (
        <p role="alert" className="case-error">
          {saveError}
        </p>
      )}
      {record && record.earlierRuns.length > 0 && (
        <p className="case-meta">
          Earlier runs:{' '}
          {record.earlierRuns
            .map((run) => `seed ${run.seed}, ${run.score} points (${STATUS_TEXT[run.status].toLowerCase()})`)
            .join('; ')}
          .
        </p>
      )}

      <section className="case-dataset" aria-labelledby="case-dataset-heading">
        <h2 id="case-dataset-heading">The case’s data</h2>
        {progress && (
          <label className="case-dataset__progress">
            <span>
              Generating the cluster’s telemetry for seed {seed}
              {progress.virtualNow ? `: ${formatUtc(progress.virtualNow)}` : ''},{' '}
              {progress.rows.toLocaleString('en')} rows
            </span>
            <progress value={progress.fraction ?? 0} max={1} />
          </label>
        )}
        {datasetError && (
          <p role="alert" className="case-error">
            {datasetError}
          </p>
        )}
        {ready && dataset && (
          <p role="status">
            Dataset ready:{' '}
            {Object.values(dataset.tables)
              .reduce((sum, table) => sum + table.rowCount, 0)
              .toLocaleString('en')}{' '}
            rows from {formatUtc(new Date(dataset.virtualStart ?? 0).toISOString())} to{' '}
            {formatUtc(new Date(dataset.virtualNow ?? 0).toISOString())} (the virtual now of{' '}
            <code>now()</code> and <code>ago()</code>).
          </p>
        )}
      </section>

      <CaseEvidence evidence={evidence} error={evidenceError} waiting={!ready} />

      <div className="case-workspace">
        <CaseToolTabs
          selected={tool}
          onSelect={(next) => {
            setTool(next);
            if (next === 'cluster') setClusterOpened(true);
          }}
          tools={[
            {
              id: 'lab',
              label: 'KQL lab',
              className: 'case-lab',
              panel: (
                <Lab
                  embedded
                  scenarios={[]}
                  initialQuery={STARTER_QUERY}
                  datasetId={ready && dataset ? dataset.id : null}
                  onResult={setLastResult}
                  {...(queryRequest ? { queryRequest } : {})}
                />
              ),
            },
            {
              id: 'cluster',
              label: 'Cluster',
              className: 'case-cluster',
              panel:
                clusterOpened && ready && dataset ? (
                  <Suspense fallback={<p role="status">Loading the terminal…</p>}>
                    <ClusterConsole
                      key={dataset.id}
                      datasetId={dataset.id}
                      datasetCreatedAt={dataset.createdAt}
                      cluster={{
                        scenario: {
                          id: definition.id,
                          storyline: definition.storyline,
                          ...(definition.collection !== undefined
                            ? { collection: definition.collection }
                            : {}),
                        },
                        seed,
                        days: definition.days,
                      }}
                      onCapture={capture}
                      hidePodNames
                    />
                  </Suspense>
                ) : (
                  <p>The cluster opens once the case’s data is ready.</p>
                ),
            },
          ]}
        />
        {/* Focusable: on a wide screen the panel scrolls on its own, also when no field is left in it. */}
        <section className="case-objectives" aria-labelledby="case-objectives-heading" tabIndex={0}>
          <h2 id="case-objectives-heading">Objectives</h2>
          {!ready && <p>Answers are graded once the case’s data is ready.</p>}
          {definition.objectives.map((objective, index) => (
            <ObjectiveCard
              key={`${seed}:${objective.id}`}
              number={index + 1}
              objective={objective}
              progress={progressOf(record, objective.id)}
              open={caseOpen}
              canGrade={ready}
              grading={grading === objective.id}
              feedback={feedback[objective.id]}
              onSubmit={(answer) => void submit(objective, answer)}
              onHint={() => {
                const rule = rules.find((candidate) => candidate.id === objective.id)!;
                commit(openHint(currentRecord(), rule, rules, Date.now()));
              }}
            />
          ))}
        </section>
      </div>

      <CaseNotebook
        entries={record?.notebook ?? []}
        lastResult={lastResult}
        onPinResult={() => {
          if (!lastResult) return;
          commit(
            pin(currentRecord(), {
              id: crypto.randomUUID(),
              kind: 'query',
              at: Date.now(),
              query: lastResult.query,
              columns: lastResult.columns.map(({ name, type }) => ({ name, type })),
              rows: lastResult.rows,
              rowCount: lastResult.rows.length,
            }),
          );
        }}
        onPinRow={(index) => {
          const row = lastResult?.rows[index];
          if (!lastResult || !row) return;
          commit(
            pin(currentRecord(), {
              id: crypto.randomUUID(),
              kind: 'row',
              at: Date.now(),
              query: lastResult.query,
              columns: lastResult.columns.map(({ name, type }) => ({ name, type })),
              rows: [row],
              rowCount: 1,
            }),
          );
        }}
        onRemove={(entryId) => commit(unpin(currentRecord(), entryId, Date.now()))}
        onOpen={(text) => runInLab(text, 'Notebook query')}
      />

      <div ref={debriefRef} tabIndex={-1} className="case-debrief-anchor">
        {closed && record && dataset && ready ? (
          <CaseDebrief
            definition={definition}
            record={record}
            dataset={dataset}
            score={score}
            maxScore={total}
            onRunQuery={runInLab}
          />
        ) : (
          !closed && (
            <p className="case-meta">
              The debrief opens when every objective is answered, or when you give up.
            </p>
          )
        )}
      </div>
    </div>
  );
}
