import type { KubeEvent } from '../telemetry/kubeEvents';
import { age } from './duration';

/** One Event object as the API server keeps it: repeats of the same event folded into a count. */
export interface AggregatedEvent extends KubeEvent {
  firstTime: number;
  count: number;
}

/** Folds repeats (same object, reason, message and source) the way the event recorder's correlator does. */
export function aggregateEvents(events: readonly KubeEvent[]): AggregatedEvent[] {
  const byKey = new Map<string, AggregatedEvent>();
  for (const event of events) {
    const key = [
      event.namespace,
      event.objectKind,
      event.name,
      event.type,
      event.reason,
      event.message,
      event.source,
    ].join('\u0000');
    const existing = byKey.get(key);
    if (existing) {
      existing.count += 1;
      existing.time = Math.max(existing.time, event.time);
      existing.firstTime = Math.min(existing.firstTime, event.time);
    } else byKey.set(key, { ...event, firstTime: event.time, count: 1 });
  }
  return [...byKey.values()];
}

/** describe's Age cell: `5m12s`, or `2m31s (x7 over 14m)` for a repeated event. */
export function eventAge(event: AggregatedEvent, nowMs: number): string {
  return event.count > 1
    ? `${age(event.time, nowMs)} (x${event.count} over ${age(event.firstTime, nowMs)})`
    : age(event.time, nowMs);
}
