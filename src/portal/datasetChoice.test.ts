import { describe, expect, it } from 'vitest';
import { chooseDataset, datasetLabel, virtualActionTime, type DatasetOption } from './datasetChoice';

const stored: DatasetOption[] = [
  {
    id: 'exposed-dashboard:11:2',
    scenario: 'exposed-dashboard',
    seed: 11,
    days: 2,
    ready: true,
    updatedAt: 10,
  },
  {
    id: 'exposed-dashboard:4:2',
    scenario: 'exposed-dashboard',
    seed: 4,
    days: 2,
    ready: true,
    updatedAt: 30,
  },
  {
    id: 'privileged-pod-escape:7:3',
    scenario: 'privileged-pod-escape',
    seed: 7,
    days: 3,
    ready: true,
    updatedAt: 20,
  },
  {
    id: 'crypto-miner-daemonset:1:1',
    scenario: 'crypto-miner-daemonset',
    seed: 1,
    days: 1,
    ready: false,
    updatedAt: 40,
  },
];

describe('the portal’s dataset', () => {
  it('is the one the address names, else the newest of the named scenario, else the newest ready one', () => {
    expect(chooseDataset(stored, { dataset: 'exposed-dashboard:11:2' })?.id).toBe('exposed-dashboard:11:2');
    expect(chooseDataset(stored, { scenario: 'exposed-dashboard' })?.id).toBe('exposed-dashboard:4:2');
    expect(chooseDataset(stored, { dataset: 'gone:1:1', scenario: 'privileged-pod-escape' })?.id).toBe(
      'privileged-pod-escape:7:3',
    );
    // A dataset still being generated is never chosen.
    expect(chooseDataset(stored, {})?.id).toBe('exposed-dashboard:4:2');
    expect(chooseDataset(stored, { dataset: 'crypto-miner-daemonset:1:1' })?.id).toBe(
      'exposed-dashboard:4:2',
    );
    expect(chooseDataset([], { scenario: 'exposed-dashboard' })).toBeUndefined();
    // A case's scenario without a stored dataset is not answered with another scenario's data.
    expect(chooseDataset(stored, { scenario: 'docker-sock-escape' })).toBeUndefined();
    expect(chooseDataset(stored, { dataset: 'gone:1:1' })?.id).toBe('exposed-dashboard:4:2');
  });

  it('is labelled by scenario, seed and days', () => {
    expect(datasetLabel(stored[0]!)).toBe('exposed-dashboard · seed 11 · 2 d');
  });

  it('stamps actions on the dataset’s clock', () => {
    expect(virtualActionTime(1_000_000, 5_000, 65_000)).toBe(1_060_000);
    expect(virtualActionTime(1_000_000, 5_000, 4_000)).toBe(1_000_000);
  });
});
