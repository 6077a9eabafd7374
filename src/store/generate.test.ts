import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { runScenario, MemorySink } from '../../simulations/index';
import { createKqlEngine } from '../kql/index';
import { createDatasetDb } from './datasetDb';
import { createDatasetStore } from './datasets';
import { generateDataset, storylineFacts } from './generate';
import { createQueryService } from './queryService';

describe('generating a scenario into IndexedDB', () => {
  it(
    'stores every simulated row and answers queries like the engine over the same rows in memory',
    { timeout: 120_000 },
    async () => {
      const store = createDatasetStore(createDatasetDb('generate-test'));
      const progress: number[] = [];
      const dataset = await generateDataset(
        store,
        { scenario: 'docker-sock-escape', seed: 11, days: 1 },
        (p) => progress.push(p.fraction),
      );
      const memory = new MemorySink();
      const manifest = await runScenario({ scenario: 'docker-sock-escape', seed: 11, days: 1, sink: memory });

      expect(dataset.id).toBe(manifest.datasetId);
      expect(dataset.status).toBe('ready');
      expect(new Date(dataset.virtualNow!).toISOString()).toBe(manifest.virtualNow);
      expect(progress.at(-1)).toBe(1);
      expect(new Date(dataset.attackStart!).toISOString()).toBe(manifest.attackStart);
      expect(dataset.timeline).toEqual(manifest.timeline);
      for (const [table, rows] of Object.entries(manifest.rowCounts)) {
        expect(dataset.tables[table]?.rowCount ?? 0, table).toBe(rows);
      }

      const inMemory = createKqlEngine();
      for (const [table, rows] of memory.tables) inMemory.loadTable(table, rows);
      const service = createQueryService({ store, engineFactory: async () => createKqlEngine() });
      const queries = [
        'AKSAudit | summarize n = count(), earliest = min(TimeGenerated), latest = max(TimeGenerated) by Verb | order by Verb asc',
        'KubePodInventory | where TimeGenerated > ago(6h) | summarize dcount(Name) by Namespace | order by Namespace asc',
        'SecurityAlert | project TimeGenerated, AlertName, ExtendedProperties, Entities | order by TimeGenerated asc',
        'ContainerLogV2 | take 50 | project LogMessage, KubernetesMetadata',
      ];
      for (const query of queries) {
        const expected = inMemory.query(query, { now: new Date(manifest.virtualNow) });
        const actual = await service.query(dataset.id, query, 1_000_000);
        if (!expected.ok || !actual.ok) throw new Error(`${query}: ${JSON.stringify([expected, actual])}`);
        expect(actual.rows, query).toEqual(expected.rows());
      }
      await store.db.delete();
    },
  );
});

describe('storylineFacts', () => {
  it('keeps the attack start and each step’s time and description', () => {
    const timeline = [{ time: '2026-03-02T10:43:22.000Z', description: 'The pod is created' }];
    expect(storylineFacts({ attackStart: '2026-03-02T10:43:22.000Z', timeline })).toEqual({
      attackStart: Date.parse('2026-03-02T10:43:22.000Z'),
      timeline,
    });
  });
});
