import type { PodState } from '../cluster/podState';
import { age } from './duration';

/** Where the pod's lifecycle machine is: before the scheduler bound it, or waiting for its containers. */
function machineState(pod: PodState): string {
  const value = pod.actor.getSnapshot().value;
  return typeof value === 'string' ? value : Object.keys(value)[0]!;
}

/** The STATUS column: the phase, or the most telling container reason (kubectl's printPod). */
export function podStatus(pod: PodState): string {
  if (pod.phase === 'Terminating') return 'Terminating';
  if (pod.phase === 'Succeeded') return 'Completed';
  if (pod.phase === 'Pending') return machineState(pod) === 'pending' ? 'Pending' : 'ContainerCreating';
  if (pod.degraded) return 'CrashLoopBackOff';
  return pod.phase;
}

export function readyContainers(pod: PodState): number {
  if (pod.phase === 'Terminating' || pod.phase === 'Succeeded') return 0;
  return pod.containers.filter((c) => c.status === 'running').length;
}

export function podReady(pod: PodState): string {
  return `${readyContainers(pod)}/${pod.containers.length}`;
}

export function restartCount(pod: PodState): number {
  return pod.containers.reduce((sum, c) => sum + c.restarts, 0);
}

/** RESTARTS: `N`, or `N (<age> ago)` since the last container termination. */
export function podRestarts(pod: PodState, nowMs: number): string {
  const count = restartCount(pod);
  if (count === 0) return '0';
  const last = Math.max(...pod.containers.map((c) => c.finishedAt ?? 0));
  return last > 0 ? `${count} (${age(last, nowMs)} ago)` : String(count);
}

export function isPodScheduled(pod: PodState): boolean {
  return !(pod.phase === 'Pending' && machineState(pod) === 'pending');
}

/** The labels selector matches (`-l app=web,tier!=db,env`, the equality and existence forms). */
export function matchesSelector(labels: Record<string, string>, selector: string | undefined): boolean {
  if (!selector) return true;
  return selector
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .every((term) => {
      const notEqual = term.match(/^([^!=]+)!=(.*)$/);
      if (notEqual) return labels[notEqual[1]!.trim()] !== notEqual[2]!.trim();
      const equal = term.match(/^([^!=]+)==?(.*)$/);
      if (equal) return labels[equal[1]!.trim()] === equal[2]!.trim();
      if (term.startsWith('!')) return !(term.slice(1) in labels);
      return term in labels;
    });
}

/** Whether a selector is well formed (kubectl refuses others before sending anything). */
export function selectorError(selector: string): string | undefined {
  for (const term of selector.split(',')) {
    if (!/^\s*!?[A-Za-z0-9._/-]+\s*((==?|!=)\s*[A-Za-z0-9._-]*)?\s*$/.test(term))
      return `error: unable to parse requirement: found '${term.trim()}', expected: identifier`;
  }
  return undefined;
}
