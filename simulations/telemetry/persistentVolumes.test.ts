import { beforeAll, describe, expect, it } from 'vitest';
import { findTableDefinition } from '../../src/tables/index';
import { defaultCluster } from '../cluster/inventory';
import { validateRow } from '../core/rowValidator';
import { MemorySink } from '../core/sink';
import { simulate } from '../scenario/runner';
import { persistentVolumeRow, quantityBytes } from './persistentVolumes';

describe('quantityBytes', () => {
  it('reads binary suffixes and plain byte counts', () => {
    expect(quantityBytes('100Gi')).toBe(107_374_182_400);
    expect(quantityBytes('512Mi')).toBe(536_870_912);
    expect(quantityBytes('2048')).toBe(2048);
  });

  it('names the quantity it cannot read', () => {
    expect(() => quantityBytes('10GB')).toThrow(/"10GB"/);
  });
});

describe('KubePVInventory from the default cluster', () => {
  const sink = new MemorySink();
  beforeAll(async () => {
    await simulate({ scenario: 'privileged-pod-escape', seed: 3, days: 1, sink });
  }, 120_000);

  it('writes one valid row per volume at every inventory collection', () => {
    const rows = sink.rows('KubePVInventory');
    const volumes = defaultCluster().persistentVolumes;
    expect(volumes.length).toBeGreaterThan(0);
    expect(rows.flatMap((row) => validateRow(findTableDefinition('KubePVInventory')!, row))).toEqual([]);
    const collections = new Set(sink.rows('KubeNodeInventory').map((row) => row.TimeGenerated));
    expect(new Set(rows.map((row) => row.TimeGenerated))).toEqual(collections);
    expect(rows.length).toBe(collections.size * volumes.length);
  });

  it('describes each volume as the pods that claim it use it: bound, on an AKS CSI class, of the claimed size', () => {
    const rows = sink.rows('KubePVInventory');
    const pods = sink.rows('KubePodInventory');
    for (const volume of defaultCluster().persistentVolumes) {
      const row = rows.find((r) => r.PVName === volume.name)!;
      expect(row).toMatchObject({
        PVCName: volume.claimName,
        PVCNamespace: volume.namespace,
        PVStatus: 'Bound',
        PVType: 'csi',
        PVTypeInfo: {},
        PVStorageClassName: expect.stringMatching(/^(managed-csi(-premium)?|azurefile-csi(-premium)?)$/),
        PVCapacityBytes: quantityBytes(volume.capacity),
      });
      expect(row.PVName).toMatch(/^pvc-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      // Shared by several pods (possibly on several nodes) only when the volume can be mounted read-write many times.
      const claimants = defaultCluster().workloads.filter(
        (w) =>
          w.namespace === volume.namespace &&
          w.template.volumes?.some((v) => v.persistentVolumeClaim?.claimName === volume.claimName),
      );
      expect(claimants.length).toBeGreaterThan(0);
      const claimingPods = pods.filter(
        (p) =>
          p.Namespace === volume.namespace &&
          claimants.some((w) => String(p.ControllerName).replace(/-[0-9a-f]+$/, '') === w.name),
      );
      expect(claimingPods.length).toBeGreaterThan(0);
      if (claimants.some((w) => (w.replicas ?? 1) > 1))
        expect(String(row.PVAccessModes)).toContain('ReadWriteMany');
    }
  });

  it('writes the access modes as the agent does, comma separated', () => {
    const row = persistentVolumeRow(
      {
        name: 'pvc-00000000-0000-4000-8000-000000000000',
        claimName: 'data',
        namespace: 'shop',
        storageClass: 'managed-csi',
        capacity: '8Gi',
        accessModes: ['ReadWriteOnce', 'ReadOnlyMany'],
        createdAt: '2026-01-12T09:00:00Z',
      },
      '2026-01-13T00:00:00.000Z',
    );
    expect(row.PVAccessModes).toBe('ReadWriteOnce, ReadOnlyMany');
    expect(row.PVCapacityBytes).toBe(8 * 2 ** 30);
  });
});
