/**
 * What a case page hands to its island: the scenario's front matter minus its static answers, which travel as
 * digests (answerDigest.ts). Reference queries are kept: the answer is their value on the learner's dataset,
 * which only exists in the learner's browser.
 */
import type { Scenario } from '../schemas/scenario';
import { staticAnswerDigests } from './answerDigest';
import type { ObjectiveRules } from './caseState';
import type { LiveEvidence } from './liveEvidence';

export type InvestigationStep = Scenario['objectives'][number]['step'];

export interface CaseObjective {
  readonly id: string;
  readonly question: string;
  readonly points: number;
  readonly query?: string;
  /** Evidence only the live pod had (liveEvidence.ts). */
  readonly live?: LiveEvidence;
  readonly answerDigests: readonly string[];
  readonly answerFormat?: string;
  readonly wrongAnswers: readonly {
    readonly answer?: string;
    readonly query?: string;
    readonly explanation: string;
  }[];
  readonly hints: readonly { readonly text: string; readonly cost: number }[];
  readonly step: InvestigationStep;
  readonly debrief: string;
}

export interface CaseDefinition {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly difficulty: Scenario['difficulty'];
  readonly minutes: number;
  readonly objective: string;
  readonly seed: number;
  readonly days: number;
  readonly storyline: string;
  /** How the case's logs are collected (absent: AKS's defaults); the browser must generate with the same settings. */
  readonly collection?: Scenario['collection'];
  readonly openingAlert: string;
  readonly objectives: readonly CaseObjective[];
  readonly prevention: Scenario['prevention'];
  readonly missedDetections: Scenario['missedDetections'];
}

export const STEP_TITLES: Record<InvestigationStep, string> = {
  'preserve-evidence': 'Preserve the evidence: what happened, who, when',
  image: 'The image and its vulnerabilities',
  'pod-configuration': "The pod's configuration: privileges, mounts, namespaces, service account",
  'lateral-movement': 'Lateral movement: what the attacker reached beyond the pod',
};

export const STEP_ORDER: readonly InvestigationStep[] = [
  'preserve-evidence',
  'image',
  'pod-configuration',
  'lateral-movement',
];

export async function toCaseDefinition(scenario: Scenario): Promise<CaseDefinition> {
  const objectives = await Promise.all(
    scenario.objectives.map(async (objective): Promise<CaseObjective> => ({
      id: objective.id,
      question: objective.question,
      points: objective.points,
      ...(objective.query !== undefined ? { query: objective.query } : {}),
      ...(objective.live !== undefined ? { live: objective.live } : {}),
      answerDigests: await staticAnswerDigests(scenario.id, objective.answers ?? []),
      ...(objective.answerFormat !== undefined ? { answerFormat: objective.answerFormat } : {}),
      wrongAnswers: objective.wrongAnswers.map((wrong) => ({
        ...(wrong.answer !== undefined ? { answer: wrong.answer } : {}),
        ...(wrong.query !== undefined ? { query: wrong.query } : {}),
        explanation: wrong.explanation,
      })),
      hints: objective.hints,
      step: objective.step,
      debrief: objective.debrief,
    })),
  );
  return {
    id: scenario.id,
    title: scenario.title,
    summary: scenario.summary,
    difficulty: scenario.difficulty,
    minutes: scenario.minutes,
    objective: scenario.objective,
    seed: scenario.seed,
    days: scenario.days,
    storyline: scenario.storyline,
    ...(scenario.collection !== undefined ? { collection: scenario.collection } : {}),
    openingAlert: scenario.openingAlert,
    objectives,
    prevention: scenario.prevention,
    missedDetections: scenario.missedDetections,
  };
}

/** The grading rules of a case's objectives (points and hint costs). */
export function objectiveRules(
  objectives: readonly Pick<CaseObjective, 'id' | 'points' | 'hints'>[],
): ObjectiveRules[] {
  return objectives.map((objective) => ({
    id: objective.id,
    points: objective.points,
    hintCosts: objective.hints.map((hint) => hint.cost),
  }));
}
