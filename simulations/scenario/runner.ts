import { ActivityLog } from '../azure/activityLog';
import { ControlPlaneLogs } from '../azure/controlPlaneLogs';
import { AdmissionChain } from '../admission/admission';
import { ImagePolicy } from '../admission/imagePolicy';
import { BackgroundActivity } from '../background/activity';
import { PSS_LATEST_VERSION } from '../cluster/constants';
import { defaultCluster } from '../cluster/inventory';
import type { ClusterSpec } from '../cluster/types';
import { ClusterWorld } from '../cluster/world';
import { EventLog } from '../cluster/eventLog';
import { PodLogBook, RecordingLogWriter } from '../cluster/podLogs';
import { VolumeFiles } from '../cluster/volumeFiles';
import { clusterSnapshot, type ClusterSnapshot } from '../cluster/snapshot';
import { Random } from '../core/random';
import { RowWriter } from '../core/rowWriter';
import { SimulatedClock } from '../core/simulatedClock';
import type { Sink } from '../core/sink';
import { DAY, HOUR, MINUTE } from '../core/time';
import { AlertEmitter, type RaisedAlert } from '../defender/alerts';
import { ControlPlaneAnalytics } from '../defender/controlPlane';
import { SentinelIncidents } from '../defender/incidents';
import { AttackPathAnalysis } from '../defender/attackPaths';
import { RegulatoryCompliance } from '../defender/compliance';
import { PostureAssessor, type PostureResult } from '../defender/posture';
import { RuntimeSensor } from '../defender/sensor';
import { ImageRegistry } from '../registry/registry';
import { RunningImagesAssessment, type RunningPod } from '../registry/runningImages';
import { VulnerabilityScanner } from '../registry/scanner';
import { AuditLog } from '../telemetry/auditLog';
import { ContainerInsightsCollector } from '../telemetry/containerInsights';
import { ComponentChatter, StorefrontTraffic } from '../telemetry/containerLogs';
import type { EmitContext } from '../telemetry/context';
import { KubeEventsRecorder } from '../telemetry/kubeEvents';
import { resolveCollection, type CollectionSettings } from '../telemetry/collection';
import { SystemTraffic } from '../background/systemTraffic';
import { SIMULATED_TABLES } from '../tables';
import { StorylinePlayer } from './player';
import type { Storyline } from './storyline';
import { findStoryline } from '../storylines/index';
import { datasetIdOf } from '../../src/store/datasetId';

/** Virtual start of every dataset (a Monday). Fixed, so the same scenario and seed give the same bytes. */
export const DEFAULT_VIRTUAL_START = '2026-03-02T00:00:00.000Z';

export interface ScenarioRef {
  id: string;
  storyline: string;
  /** How the cluster's logs are collected; omitted settings take AKS's defaults. */
  collection?: Partial<CollectionSettings>;
}

export interface RunOptions {
  /** A scenario (its id and the storyline it plays) or a storyline id, used for both. */
  scenario: ScenarioRef | string;
  seed: number;
  days: number;
  sink: Sink;
  onProgress?: (progress: { virtualNow: string; fraction: number; rows: number }) => void;
  /** Override of the virtual start (ISO 8601 UTC). */
  start?: string;
  /** Container insights collection interval in minutes (AKS presets: 1 standard, 5 cost-optimized). */
  collectionIntervalMinutes?: number;
}

export interface TimelineEntry {
  /** ISO 8601 UTC. */
  time: string;
  description: string;
}

export interface DatasetManifest {
  scenario: string;
  storyline: string;
  seed: number;
  days: number;
  /** Dataset id: the same id in the browser and in Node means the same rows. */
  datasetId: string;
  virtualStart: string;
  virtualEnd: string;
  /** The dataset's "now" (queries' now() / ago()). */
  virtualNow: string;
  attackStart: string;
  /** The storyline's steps at the virtual times they ran (the case's debrief shows it), in order. */
  timeline: TimelineEntry[];
  rowCounts: Record<string, number>;
  tables: { name: string; rows: number; schema: { name: string; type: string }[] }[];
}

export interface RunResult {
  manifest: DatasetManifest;
  /** Every alert raised (including those delivered after the end, which are not in the rows). */
  alerts: RaisedAlert[];
  /** Virtual time at which each storyline step ran. */
  stepTimes: number[];
  /** The storyline as built for this scenario and seed (its indicators). */
  storyline: Storyline;
  world: ClusterWorld;
  /** The cluster at the dataset's "now", for the simulated terminal. */
  snapshot: ClusterSnapshot;
  /** What the live cluster (simulated kubectl) needs to keep the run going past the dataset's end. */
  live: LiveHandles;
}

/** The run's moving parts, kept so that the live cluster can run the clock on from the dataset's "now". */
export interface LiveHandles {
  clock: SimulatedClock;
  writer: RowWriter;
  /** Recent Kubernetes events as the API server keeps them (1 h). */
  events: EventLog;
  /** Containers' recent output, as the kubelet keeps it. */
  logs: PodLogBook;
  /** When objects created during the run were created, by `resource/namespace/name`. */
  created: Map<string, number>;
  /** What processes wrote into persistent volume claims (it outlives the pods). */
  volumes: VolumeFiles;
  /** The pods the storyline acted on. */
  compromisedPods: () => import('../cluster/podState').PodState[];
  /** Lets every emitter write rows up to `endMs` (by default nothing is written at or after the dataset's end). */
  extendEnd: (endMs: number) => void;
  /** Container insights keeps collecting after the dataset's end, on the same grid (inventories of the live cluster). */
  resumeCollection: () => void;
}

function applySetup(spec: ClusterSpec, storyline: Storyline): ClusterSpec {
  const setup = storyline.setup;
  if (!setup) return spec;
  for (const node of setup.extraNodes ?? []) spec.nodes.push(node);
  if (setup.removeWorkloads)
    spec.workloads = spec.workloads.filter(
      (w) => !setup.removeWorkloads!.includes(`${w.namespace}/${w.name}`),
    );
  for (const workload of setup.extraWorkloads ?? []) {
    spec.workloads = spec.workloads.filter(
      (w) => !(w.namespace === workload.namespace && w.name === workload.name),
    );
    spec.workloads.push(workload);
  }
  for (const [name, labels] of Object.entries(setup.namespaceLabels ?? {})) {
    const namespace = spec.namespaces.find((n) => n.name === name);
    if (namespace) namespace.labels = labels;
    else spec.namespaces.push({ name, labels });
  }
  setup.patch?.(spec);
  return spec;
}

/** Pods running each image right now, for Defender's running-images assessment. */
function runningPods(world: ClusterWorld): Map<string, RunningPod[]> {
  const byImage = new Map<string, RunningPod[]>();
  for (const pod of world.pods.values()) {
    if (pod.phase !== 'Running') continue;
    for (const container of pod.containers) {
      const list = byImage.get(container.image) ?? [];
      if (!list.some((entry) => entry.pod === pod.name))
        list.push({
          namespace: pod.namespace,
          pod: pod.name,
          controllerKind: pod.controllerKind || 'Pod',
          controllerName: pod.controllerName || pod.name,
        });
      byImage.set(container.image, list);
    }
  }
  return byImage;
}

/** Runs a scenario and keeps the live objects (tests use the world and the raised alerts). */
export async function simulate(options: RunOptions): Promise<RunResult> {
  const scenario: ScenarioRef =
    typeof options.scenario === 'string'
      ? { id: options.scenario, storyline: options.scenario }
      : options.scenario;
  const definition = findStoryline(scenario.storyline);
  if (!definition) throw new Error(`Unknown storyline "${scenario.storyline}" (scenario "${scenario.id}")`);
  if (!Number.isInteger(options.seed) || options.seed < 0)
    throw new Error(`Seed must be a non-negative integer, got ${options.seed}`);
  if (!Number.isInteger(options.days) || options.days < 1 || options.days > 30)
    throw new Error(`Days must be an integer from 1 to 30, got ${options.days}`);
  const collection = resolveCollection(scenario.collection);
  const startMs = Date.parse(options.start ?? DEFAULT_VIRTUAL_START);
  if (Number.isNaN(startMs)) throw new Error(`Invalid virtual start "${options.start}"`);
  const endMs = startMs + options.days * DAY;
  const root = new Random(`${scenario.id}:${options.seed}`);
  // Its own stream, not a fork of root: drawing indicators must not shift the numbers every other part gets.
  const storyline = definition.build(new Random(`${scenario.id}:${options.seed}:indicators`));
  const clock = new SimulatedClock(startMs);
  const writer = new RowWriter(options.sink);
  const contexts: EmitContext[] = [];
  const context = (label: string): EmitContext => {
    const created = { clock, random: root.fork(label), writer, endMs };
    contexts.push(created);
    return created;
  };

  const spec = applySetup(defaultCluster(), storyline);
  const images = new ImageRegistry(startMs);
  // The scanner asks which images run; the world it asks is created just below.
  const live: { world?: ClusterWorld } = {};
  const scanner = new VulnerabilityScanner(context('scanner'), images, startMs, () => {
    const inUse = new Set<string>();
    for (const pod of live.world?.pods.values() ?? [])
      for (const container of pod.containers) inUse.add(container.image);
    return inUse;
  });
  const imagePolicy = new ImagePolicy(new Set(['dev', 'default']), (reference) =>
    scanner
      .findingsByReference(reference, clock.now())
      .map((f) => ({ cve: f.vulnerability.cve, severity: f.vulnerability.severity })),
  );
  const admission = new AdmissionChain(Number(PSS_LATEST_VERSION.split('.')[1]), imagePolicy);
  const audit = new AuditLog(context('audit'));
  const events = new EventLog(new KubeEventsRecorder(context('events'), collection.kubeEvents));
  const world = new ClusterWorld(spec, {
    clock,
    random: root.fork('world'),
    audit,
    events,
    images,
    admission,
    startMs,
  });
  live.world = world;

  // Incidents set their alerts' status and alerts feed incidents: the emitter is created first, then linked.
  const incidentsContext = context('incidents');
  const linked: { incidents?: SentinelIncidents } = {};
  const alerts = new AlertEmitter(context('alerts'), (row, generatedMs) =>
    linked.incidents?.onAlert(row, generatedMs),
  );
  const incidents = new SentinelIncidents(incidentsContext, (id, status, atMs) =>
    alerts.updateStatus(id, status, atMs),
  );
  linked.incidents = incidents;
  const controlPlane = new ControlPlaneAnalytics(alerts);
  audit.subscribe((event, call, stageMs) => controlPlane.analyze(event, call, stageMs));
  const sensor = new RuntimeSensor(alerts);
  world.onRuntime((event) => sensor.observe(event));
  world.onImagePull((image) => scanner.onPull(image));

  world.bootstrap();
  const insights = new ContainerInsightsCollector(context('insights'), world, images);
  const interval = (options.collectionIntervalMinutes ?? 5) * MINUTE;
  clock.every(startMs + 17_000, interval, endMs, (time) => insights.collect(time));
  const logBook = new PodLogBook();
  const logs = new RecordingLogWriter(context('logs'), collection, logBook);
  const traffic = new StorefrontTraffic(context('traffic'), world, logs);
  traffic.start(startMs);
  new ComponentChatter(context('chatter'), world, logs).start(startMs);
  scanner.scheduleDaily(root.fork('scan-schedule'));
  // Consumers of the daily posture results that are created later (their random streams fork last).
  const postureListeners: ((results: PostureResult[], timeMs: number) => void)[] = [];
  new PostureAssessor(context('posture'), world, startMs, (results, timeMs) => {
    for (const listener of postureListeners) listener(results, timeMs);
  }).schedule();
  new BackgroundActivity(context('background'), world, logs, startMs, (spec) =>
    scanner.onPush(images.push(spec, 'shop/storefront:1.4.2', clock.now())),
  ).start();

  const attackRandom = root.fork('attack');
  const attackStartMs =
    endMs -
    DAY +
    storyline.attackHourUtc * HOUR +
    attackRandom.int(0, 50) * MINUTE +
    attackRandom.int(0, 59) * 1000;
  const player = new StorylinePlayer(world, storyline, { clock, traffic, logs });
  player.schedule(attackStartMs);
  // Forked last, so the system traffic's draws shift no other part's numbers.
  new SystemTraffic(context('system'), world, audit, startMs, collection.auditRate).start();

  // Forked after every older consumer, so adding them shifted no earlier stream.
  new RunningImagesAssessment(context('running-images'), scanner, startMs, () =>
    runningPods(world),
  ).scheduleDaily(root.fork('running-images-schedule'));
  const activity = new ActivityLog(context('activity-log'), startMs);
  activity.scheduleMaintenance();
  const controlPlaneLogs = new ControlPlaneLogs(context('control-plane-logs'), () => world.nodes.length);
  controlPlaneLogs.start(startMs);
  audit.subscribe((_event, call) => {
    activity.onApiCall(call);
    controlPlaneLogs.onApiCall(call);
  });
  world.onPod((pod, phase) => controlPlaneLogs.onPod(pod, phase));
  world.onPod((pod, phase) => {
    if (phase === 'gone') logBook.forget(pod);
  });
  const volumeFiles = new VolumeFiles(world);
  world.onRuntime((event) => volumeFiles.observe(event));
  const created = new Map<string, number>();
  audit.subscribe((_event, call) => {
    if (call.verb !== 'create' || call.code >= 400 || call.subresource || !call.resource) return;
    const metadata = (call.requestObject as { metadata?: { name?: unknown } } | undefined)?.metadata;
    const name = typeof metadata?.name === 'string' ? metadata.name : call.name;
    if (name) created.set(`${call.resource}/${call.namespace ?? ''}/${name}`, call.time);
  });
  const compliance = new RegulatoryCompliance(context('compliance'));
  postureListeners.push((results, timeMs) => compliance.onAssessed(results, timeMs));
  new AttackPathAnalysis(context('attack-paths'), world, scanner, startMs).scheduleDaily(
    root.fork('attack-path-schedule'),
  );

  for (let t = startMs; t < endMs; t += HOUR) {
    clock.runUntil(Math.min(t + HOUR, endMs) - 1);
    await writer.drain();
    options.onProgress?.({
      virtualNow: new Date(Math.min(t + HOUR, endMs)).toISOString(),
      fraction: (Math.min(t + HOUR, endMs) - startMs) / (endMs - startMs),
      rows: Object.values(writer.rowCounts()).reduce((a, b) => a + b, 0),
    });
  }
  await writer.drain();
  await options.sink.flush();

  const rowCounts = writer.rowCounts();
  const manifest: DatasetManifest = {
    scenario: scenario.id,
    storyline: storyline.id,
    seed: options.seed,
    days: options.days,
    datasetId: datasetIdOf(scenario.id, options.seed, options.days),
    virtualStart: new Date(startMs).toISOString(),
    virtualEnd: new Date(endMs).toISOString(),
    virtualNow: new Date(endMs).toISOString(),
    attackStart: new Date(attackStartMs).toISOString(),
    timeline: storyline.steps.flatMap((step, index) => {
      const time = player.stepTimes[index];
      // A step scheduled after the dataset's end never ran: the debrief must not show it.
      return time === undefined || time >= endMs
        ? []
        : [{ time: new Date(time).toISOString(), description: step.description }];
    }),
    rowCounts: Object.fromEntries(SIMULATED_TABLES.map((table) => [table.name, rowCounts[table.name] ?? 0])),
    tables: SIMULATED_TABLES.map((table) => ({
      name: table.name,
      rows: rowCounts[table.name] ?? 0,
      schema: table.columns.map((c) => ({ name: c.name, type: c.type })),
    })),
  };
  return {
    manifest,
    alerts: alerts.raised,
    stepTimes: player.stepTimes,
    storyline,
    world,
    snapshot: clusterSnapshot(world, endMs),
    live: {
      clock,
      writer,
      events,
      logs: logBook,
      volumes: volumeFiles,
      created,
      compromisedPods: () => player.pinnedPods,
      extendEnd: (to: number) => {
        for (const created of contexts) created.endMs = Math.max(created.endMs, to);
      },
      resumeCollection: () => {
        const first = startMs + 17_000 + Math.ceil((endMs - startMs - 17_000) / interval) * interval;
        clock.every(first, interval, Number.MAX_SAFE_INTEGER, (time) => insights.collect(time));
      },
    },
  };
}

/** Runs a scenario into a sink and returns the dataset manifest. */
export async function runScenario(options: RunOptions): Promise<DatasetManifest> {
  return (await simulate(options)).manifest;
}
