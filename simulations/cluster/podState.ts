import type { Actor } from 'xstate';
import type { podMachine } from '../machines/podMachine';
import type { AuditUser } from './identities';
import type { RuntimeState } from './runtime';
import type { ContainerSpec, JsonObject, NodeSpec, PodTemplate, WorkloadSpec } from './types';

/** Whoever sends a request to the API server: identity, source address and client. */
export interface Requester {
  user: AuditUser;
  sourceIp: string;
  userAgent: string;
}

export interface ContainerState {
  spec: ContainerSpec;
  image: string;
  imageDigest: string;
  containerId: string;
  createdAt?: number;
  startedAt?: number;
  finishedAt?: number;
  restarts: number;
  status: 'waiting' | 'running' | 'terminated';
  reason: string;
}

export type PodPhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Terminating';

export interface PodState {
  uid: string;
  name: string;
  namespace: string;
  node: NodeSpec;
  ip: string;
  template: PodTemplate;
  workload?: WorkloadSpec;
  controllerKind: string;
  controllerName: string;
  createdAt: number;
  startedAt?: number;
  phase: PodPhase;
  degraded: boolean;
  containers: ContainerState[];
  object: JsonObject;
  privileged: boolean;
  credentialId: string;
  /** Runtime state of the live pod; undefined once it is gone (nothing left to inspect but telemetry). */
  runtime: RuntimeState | undefined;
  actor: Actor<typeof podMachine>;
  pendingCrashes: number;
  nextPid: number;
}

export interface CreatePodResult {
  pod?: PodState;
  denied?: string;
}
