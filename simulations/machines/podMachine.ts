import { emit, setup } from 'xstate';

/** What a pod goes through between its creation and its removal, as the kubelet reports it. */
export type PodLifecycleEvent =
  | { type: 'scheduled' }
  | { type: 'started'; restart: boolean }
  | { type: 'crashed' }
  | { type: 'completed' }
  | { type: 'killing' }
  | { type: 'terminated' };

export interface PodMachineInput {
  /** Delay from creation to the scheduler's binding. */
  scheduleMs: number;
  /** Delay from binding to the containers running (image pull, container create). */
  startMs: number;
  /** How long a crashed container waits before the kubelet restarts it (CrashLoopBackOff). */
  backOffMs: number;
  /** terminationGracePeriodSeconds, in ms. */
  graceMs: number;
  /** For job pods: how long the container runs before it exits 0; absent for long-running pods. */
  runToCompletionMs?: number;
  /** Pods that were already running when the simulation starts skip straight to Running. */
  alreadyRunning?: boolean;
}

/**
 * One pod's lifecycle: Pending → ContainerCreating → Running (↔ CrashLoopBackOff) → Terminating →
 * gone, or Running → Succeeded for job pods. Timing comes from the input (seeded by the caller); the
 * machine itself is pure and reports each transition with `emit`, which the cluster world turns into
 * status, Kubernetes events and audit records.
 */
export const podMachine = setup({
  types: {
    context: {} as PodMachineInput & { restarts: number },
    input: {} as PodMachineInput,
    events: {} as { type: 'CRASH' } | { type: 'DELETE' },
    emitted: {} as PodLifecycleEvent,
  },
  delays: {
    scheduleDelay: ({ context }) => context.scheduleMs,
    startDelay: ({ context }) => context.startMs,
    backOffDelay: ({ context }) => context.backOffMs * Math.min(2 ** context.restarts, 16),
    graceDelay: ({ context }) => context.graceMs,
    runDelay: ({ context }) => context.runToCompletionMs ?? 0,
  },
  guards: {
    runsToCompletion: ({ context }) => context.runToCompletionMs !== undefined,
    alreadyRunning: ({ context }) => context.alreadyRunning === true,
  },
  actions: {
    reportScheduled: emit({ type: 'scheduled' } as const),
    reportStarted: emit(({ context }) => ({ type: 'started', restart: context.restarts > 0 }) as const),
    reportCrashed: emit({ type: 'crashed' } as const),
    reportCompleted: emit({ type: 'completed' } as const),
    reportKilling: emit({ type: 'killing' } as const),
    reportTerminated: emit({ type: 'terminated' } as const),
    countRestart: ({ context }) => {
      context.restarts += 1;
    },
  },
}).createMachine({
  id: 'pod',
  context: ({ input }) => ({ ...input, restarts: 0 }),
  initial: 'boot',
  on: { DELETE: '.terminating' },
  states: {
    boot: {
      always: [{ guard: 'alreadyRunning', target: 'running' }, { target: 'pending' }],
    },
    pending: {
      tags: ['pending'],
      after: { scheduleDelay: 'containerCreating' },
    },
    containerCreating: {
      tags: ['pending'],
      entry: 'reportScheduled',
      after: { startDelay: 'running' },
    },
    running: {
      tags: ['running'],
      entry: 'reportStarted',
      on: { CRASH: 'crashLoopBackOff' },
      initial: 'checking',
      states: {
        checking: {
          always: [{ guard: 'runsToCompletion', target: 'working' }, { target: 'serving' }],
        },
        serving: {},
        working: { after: { runDelay: '#pod.succeeded' } },
      },
    },
    crashLoopBackOff: {
      tags: ['running', 'degraded'],
      entry: ['reportCrashed', 'countRestart'],
      after: { backOffDelay: 'running' },
    },
    succeeded: {
      tags: ['done'],
      entry: 'reportCompleted',
      on: { DELETE: 'gone' },
    },
    terminating: {
      tags: ['terminating'],
      entry: 'reportKilling',
      on: { DELETE: {} },
      after: { graceDelay: 'gone' },
    },
    gone: {
      type: 'final',
      entry: 'reportTerminated',
    },
  },
});
