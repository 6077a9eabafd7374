import { describe, expect, it } from 'vitest';
import type { KubeEvent } from '../telemetry/kubeEvents';
import { aggregateEvents, eventAge } from './events';

const backOff = (time: number): KubeEvent => ({
  time,
  namespace: 'shop',
  objectKind: 'Pod',
  name: 'recommender-5f6b7c8d9-mm2zt',
  reason: 'BackOff',
  message: 'Back-off restarting failed container recommender',
  type: 'Warning',
  source: 'kubelet',
});

describe('events as the API server keeps them', () => {
  it('folds repeats into one event with a count, first and last time', () => {
    const now = 20 * 60_000;
    const events = aggregateEvents([
      backOff(6 * 60_000),
      backOff(10 * 60_000),
      backOff(now - 151_000),
      { ...backOff(0), reason: 'Scheduled', message: 'x', type: 'Normal' },
    ]);
    expect(events).toHaveLength(2);
    const folded = events.find((e) => e.reason === 'BackOff')!;
    expect([folded.count, folded.firstTime, folded.time]).toEqual([3, 6 * 60_000, now - 151_000]);
    expect(eventAge(folded, now)).toBe('2m31s (x3 over 14m)');
    expect(
      eventAge(
        events.find((e) => e.reason === 'Scheduled')!,
        now,
      ),
    ).toBe('20m');
  });
});
