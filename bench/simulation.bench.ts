// 7 days of the 3-node, ~40-pod cluster with the privileged-pod-escape storyline, generated in memory.
// Goal: at least 200k rows in at most 10 s in Node. Prints the figure with the process's CPU time and the load
// average (on a shared machine the wall time follows the load; the CPU time much less). Fails only on errors.
import { loadavg } from 'node:os';
import { CountingSink } from '../simulations/core/sink';
import { simulate } from '../simulations/scenario/runner';

const load = () =>
  loadavg()
    .map((value) => value.toFixed(1))
    .join(', ');
const loadBefore = load();
const sink = new CountingSink();
const cpuBefore = process.cpuUsage();
const started = performance.now();
const { manifest, world } = await simulate({ scenario: 'privileged-pod-escape', seed: 1, days: 7, sink });
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const rows = Object.values(manifest.rowCounts).reduce((a, b) => a + b, 0);
const pods = world.pods.size;
console.log(
  `simulation: 7 days, ${world.nodes.length} nodes, ${pods} pods at the end, ${rows} rows in ${seconds.toFixed(2)} s (${Math.round(rows / seconds)} rows/s), ${cpuSeconds.toFixed(2)} s of CPU (${Math.round(rows / cpuSeconds)} rows per CPU second); load average ${loadBefore} before, ${load()} after`,
);
for (const [table, count] of Object.entries(manifest.rowCounts))
  console.log(`  ${table.padEnd(30)} ${count}`);
console.log(`goal: >= 200000 rows in <= 10 s: ${rows >= 200_000 && seconds <= 10 ? 'met' : 'NOT met'}`);
