import { HOUR } from '../core/time';
import type { KubeEvent } from '../telemetry/kubeEvents';

/** Whatever records Kubernetes events (Container insights' recorder, or a log in front of it). */
export interface EventRecorder {
  record(event: KubeEvent): void;
}

/**
 * The API server's own copy of recent events, which `kubectl get events` and `describe` read. It keeps every
 * event (Normal ones too, whatever Container insights collects) for the API server's `--event-ttl` (1 h), then
 * forgets them: one reason evidence disappears. Passes each event on to the telemetry recorder unchanged.
 */
export class EventLog implements EventRecorder {
  private events: KubeEvent[] = [];

  constructor(
    private readonly downstream: EventRecorder,
    private readonly ttlMs = HOUR,
  ) {}

  record(event: KubeEvent): void {
    this.events.push(event);
    // Pruned in bulk now and then: a day of crash loops and rollouts must not grow without bound.
    if (this.events.length > 4000) this.prune(event.time);
    this.downstream.record(event);
  }

  /** Events still kept at `nowMs` (not expired, not in the future), oldest first. */
  live(nowMs: number): KubeEvent[] {
    return this.events.filter((event) => event.time <= nowMs && event.time > nowMs - this.ttlMs);
  }

  private prune(nowMs: number): void {
    this.events = this.events.filter((event) => event.time > nowMs - this.ttlMs);
  }
}
