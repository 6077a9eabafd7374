import type { RuntimeEvent } from './runtime';
import type { ClusterWorld } from './world';

export interface VolumeFile {
  time: number;
  deleted: boolean;
}

/**
 * What processes wrote into persistent volume claims: unlike a container's own filesystem, a claim's files
 * outlive the pod that wrote them and show in every pod that mounts the claim (a web shell in a shared uploads
 * volume is still there after the pod is replaced).
 */
export class VolumeFiles {
  /** `namespace/claim` → path inside the volume → its last change. */
  private readonly claims = new Map<string, Map<string, VolumeFile>>();

  constructor(private readonly world: ClusterWorld) {}

  observe(event: RuntimeEvent): void {
    if (event.kind !== 'file' || event.operation === 'read' || !event.pod) return;
    const pod = this.world.pods.get(event.pod.uid);
    const container = pod?.containers.find((c) => c.spec.name === event.container) ?? pod?.containers[0];
    for (const mount of container?.spec.volumeMounts ?? []) {
      const claim = pod!.template.volumes?.find((v) => v.name === mount.name)?.persistentVolumeClaim
        ?.claimName;
      const root = mount.mountPath.replace(/\/$/, '');
      if (!claim || !event.path.startsWith(`${root}/`)) continue;
      const key = `${pod!.namespace}/${claim}`;
      const files = this.claims.get(key) ?? new Map<string, VolumeFile>();
      files.set(event.path.slice(root.length), { time: event.time, deleted: event.operation === 'delete' });
      this.claims.set(key, files);
    }
  }

  /** The files in a claim, by path inside the volume (`/lang.php`). */
  filesOf(namespace: string, claim: string): ReadonlyMap<string, VolumeFile> {
    return this.claims.get(`${namespace}/${claim}`) ?? new Map();
  }
}
