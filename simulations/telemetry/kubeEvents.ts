import type { CollectionSettings } from './collection';
import { iso, isoSeconds } from '../core/time';
import { CLUSTER_ID, CLUSTER_NAME, insightsBase } from './common';
import type { EmitContext } from './context';

export interface KubeEvent {
  time: number;
  namespace: string;
  objectKind: string;
  name: string;
  reason: string;
  message: string;
  type: 'Normal' | 'Warning';
  source: string;
  computer?: string;
}

/**
 * Kubernetes events as Container insights collects them: by default Warning events only (Normal ones are
 * kept when the scenario turns `collect_all_kube_events` on). The agent lists events once a minute, so a
 * row lands up to a minute after the event happened.
 */
export class KubeEventsRecorder {
  constructor(
    private readonly ctx: EmitContext,
    private readonly collect: CollectionSettings['kubeEvents'] = 'warning',
  ) {}

  record(event: KubeEvent): void {
    if (event.type === 'Normal' && this.collect === 'warning') return;
    const collectedAt = Math.floor(event.time / 60_000) * 60_000 + 60_000 + this.ctx.random.int(200, 8_000);
    if (collectedAt >= this.ctx.endMs) return;
    const seen = isoSeconds(event.time);
    this.ctx.writer.write('KubeEvents', {
      ...insightsBase('KubeEvents'),
      TimeGenerated: iso(collectedAt),
      ClusterId: CLUSTER_ID,
      ClusterName: CLUSTER_NAME,
      Computer: event.computer ?? '',
      Count: 1,
      FirstSeen: seen,
      LastSeen: seen,
      KubeEventType: event.type,
      Message: event.message,
      Name: event.name,
      Namespace: event.namespace,
      ObjectKind: event.objectKind,
      Reason: event.reason,
      SourceComponent: event.source,
    });
  }
}
