import 'fake-indexeddb/auto';
import { createDatasetDb } from '../src/store/datasetDb';
import { createDatasetStore } from '../src/store/datasets';
import { generateDataset } from '../src/store/generate';
import { createQueryService } from '../src/store/queryService';
import { TYPICAL_QUERIES } from './labQueries';

const store = createDatasetStore(createDatasetDb('lab-profile'));
const t0 = performance.now();
const dataset = await generateDataset(store, { scenario: 'privileged-pod-escape', seed: 7, days: 3 });
console.log('generated', Math.round(performance.now() - t0), 'ms');
const service = createQueryService({ store });
for (const q of TYPICAL_QUERIES) {
  const out = await service.query(dataset.id, q, 50_000);
  if (!out.ok) throw new Error(q + ' ' + JSON.stringify(out));
}
const repeats = Number(process.env.REPEATS ?? 20);
for (const q of TYPICAL_QUERIES) {
  const totals: number[] = [];
  const engines: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const s = performance.now();
    const out = await service.query(dataset.id, q, 50_000);
    totals.push(performance.now() - s);
    if (out.ok) engines.push(out.elapsedMs);
  }
  totals.sort((a, b) => a - b);
  engines.sort((a, b) => a - b);
  console.log(`${totals[totals.length >> 1]!.toFixed(1)} (${engines[engines.length >> 1]!.toFixed(1)}) max ${totals[totals.length - 1]!.toFixed(1)}  ${q.slice(0, 80)}`);
}
const only = process.env.ONLY;
if (only) {
  const q = TYPICAL_QUERIES[Number(only)]!;
  const s = performance.now();
  for (let i = 0; i < 200; i++) await service.query(dataset.id, q, 50_000);
  console.log('200 runs', Math.round(performance.now() - s), 'ms');
}
const counts = Object.entries(dataset.tables).map(([t, i]) => `${t} ${i.rowCount}`).join(', ');
console.log(counts);
