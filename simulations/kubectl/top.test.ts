import { beforeAll, describe, expect, it } from 'vitest';
import type { LiveCluster } from '../live/liveCluster';
import { createLiveCluster } from '../live/liveCluster';

let live: LiveCluster;

beforeAll(async () => {
  live = await createLiveCluster({ scenario: 'crypto-miner-daemonset', seed: 3, days: 1 });
}, 60_000);

describe('kubectl top', () => {
  it('pod: CPU in millicores, memory in MiB, every cell tab-terminated (trailing spaces)', () => {
    const lines = live.kubectl('kubectl top pod -n shop').stdout.split('\n');
    expect(lines[0]).toMatch(/^NAME {3,}CPU\(cores\) {3}MEMORY\(bytes\) {3}$/);
    for (const line of lines.slice(1, -1)) expect(line).toMatch(/^[a-z0-9-]+ +\d+m +\d+Mi +$/);
    const containers = live.kubectl('kubectl top pod -n shop --containers').stdout.split('\n')[0];
    expect(containers).toMatch(/^POD {3,}NAME {3,}CPU\(cores\) {3}MEMORY\(bytes\) {3}$/);
  });

  it('a miner stands out at the top of --sort-by=cpu', () => {
    const lines = live.kubectl('kubectl top pod -A --sort-by=cpu').stdout.split('\n');
    expect(lines[0]).toMatch(/^NAMESPACE {3,}NAME/);
    const cpu = (line: string) => Number(/ (\d+)m /.exec(line)![1]);
    expect(cpu(lines[1]!)).toBeGreaterThan(3000);
    expect(cpu(lines.at(-2)!)).toBeLessThan(100);
  });

  it('node: CPU and memory with their share of the allocatable', () => {
    const lines = live.kubectl('kubectl top node').stdout.split('\n');
    expect(lines[0]).toBe(
      'NAME                                CPU(cores)   CPU(%)   MEMORY(bytes)   MEMORY(%)   ',
    );
    expect(lines[1]).toMatch(/^aks-nodepool1-38425911-vmss000000 {3}\d+m +\d+% +\d+Mi +\d+% +$/);
  });
});
