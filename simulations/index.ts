/**
 * The simulation's public API, used by the browser store and the Node CLI. Framework-free: it imports
 * nothing from the DOM, Dexie, React or Astro, and nothing from Node (the NDJSON sink and the scenario
 * file loader live in simulations/node/ and are imported by Node callers only).
 */
export { runScenario, simulate, DEFAULT_VIRTUAL_START } from './scenario/runner';
export type { DatasetManifest, RunOptions, RunResult, ScenarioRef, TimelineEntry } from './scenario/runner';
export { listScenarios, parseScenarioDocument } from './scenario/scenarioDocuments';
export type { LoadedScenario, ScenarioDocument } from './scenario/scenarioDocuments';
export { STORYLINES, findStoryline } from './storylines/index';
export type {
  Storyline,
  StorylineDefinition,
  StorylineStep,
  StepAction,
  StorylineActor,
  PodRef,
} from './scenario/storyline';
export { clusterSnapshot } from './cluster/snapshot';
export { learnerAuditRows, LEARNER } from './telemetry/learnerAudit';
export type { LearnerCall } from './telemetry/learnerAudit';
export type { ClusterSnapshot } from './cluster/snapshot';
export { MemorySink, CountingSink } from './core/sink';
export type { Row, Sink } from './core/sink';
export { SIMULATED_TABLES, SIMULATED_TABLE_NAMES } from './tables';
export { validateRow } from './core/rowValidator';
export { evaluatePodSecurity, failureText, parsePolicyVersion } from './admission/pss';
export { ALERT_CATALOG } from './defender/catalog';
export { createLiveCluster } from './live/liveCluster';
export type {
  KubectlResult,
  LiveCluster,
  LiveClusterOptions,
  ReplayedCommand,
  TimelineEvent,
} from './live/liveCluster';
export { BUILT_IN_MANIFESTS } from './live/manifests/index';
export type { BuiltInManifest } from './live/manifests/index';

import { STORYLINES } from './storylines/index';

/** The storylines as a list for pickers: id, title, summary (scenario files add objectives and briefing). */
export function listStorylines(): { id: string; title: string; summary: string }[] {
  return STORYLINES.map(({ id, title, summary }) => ({ id, title, summary }));
}
