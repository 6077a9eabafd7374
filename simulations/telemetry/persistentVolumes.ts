import type { PersistentVolumeSpec } from '../cluster/types';
import type { Row } from '../core/sink';
import { CLUSTER_ID, CLUSTER_NAME, insightsBase } from './common';

const BINARY_SUFFIXES: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40 };

/** A Kubernetes storage quantity (`100Gi`, `512Mi`, `2048`) in bytes. */
export function quantityBytes(quantity: string): number {
  const match = /^(\d+)(Ki|Mi|Gi|Ti)?$/.exec(quantity);
  if (!match)
    throw new Error(
      `Storage quantity "${quantity}" is not a whole number with an optional Ki/Mi/Gi/Ti suffix`,
    );
  return Number(match[1]) * (match[2] ? BINARY_SUFFIXES[match[2]]! : 1);
}

/**
 * One KubePVInventory row as the Container insights agent writes it for a bound volume. The agent names
 * PVType after the volume source key of the PV's spec; AKS's CSI storage classes all provision `csi`
 * volumes, for which it records no type details (it adds them only for the in-tree azureDisk/azureFile).
 */
export function persistentVolumeRow(volume: PersistentVolumeSpec, time: string): Row {
  return {
    ...insightsBase('KubePVInventory'),
    TimeGenerated: time,
    ClusterId: CLUSTER_ID,
    ClusterName: CLUSTER_NAME,
    PVName: volume.name,
    PVStatus: 'Bound',
    PVAccessModes: volume.accessModes.join(', '),
    PVStorageClassName: volume.storageClass,
    PVCapacityBytes: quantityBytes(volume.capacity),
    PVCreationTimeStamp: volume.createdAt,
    PVCNamespace: volume.namespace,
    PVCName: volume.claimName,
    PVType: 'csi',
    PVTypeInfo: {},
  };
}
