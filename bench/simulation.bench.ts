// 7 days of the 3-node, ~40-pod cluster with the privileged-pod-escape storyline, generated in memory.
// Goal: at least 200k rows in at most 10 s in Node. Prints the figure; fails only on errors.
import { CountingSink } from '../simulations/core/sink';
import { simulate } from '../simulations/scenario/runner';

const sink = new CountingSink();
const started = performance.now();
const { manifest, world } = await simulate({ scenario: 'privileged-pod-escape', seed: 1, days: 7, sink });
const seconds = (performance.now() - started) / 1000;
const rows = Object.values(manifest.rowCounts).reduce((a, b) => a + b, 0);
const pods = world.pods.size;
console.log(
  `simulation: 7 days, ${world.nodes.length} nodes, ${pods} pods at the end, ${rows} rows in ${seconds.toFixed(2)} s (${Math.round(rows / seconds)} rows/s)`,
);
for (const [table, count] of Object.entries(manifest.rowCounts))
  console.log(`  ${table.padEnd(30)} ${count}`);
console.log(`goal: >= 200000 rows in <= 10 s: ${rows >= 200_000 && seconds <= 10 ? 'met' : 'NOT met'}`);
