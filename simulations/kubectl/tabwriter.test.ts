import { describe, expect, it } from 'vitest';
import { humanDuration } from './duration';
import { GET_TABS, TOP_TABS, tabulate } from './tabwriter';

describe('tabwriter as kubectl configures it', () => {
  it('pads every column but the last to its widest cell plus 3, at least 6', () => {
    const text = tabulate(
      [
        'NAME\tREADY\tSTATUS\tRESTARTS\tAGE',
        'redis-0\t1/1\tRunning\t0\t12d',
        'recommender-5f6b7c8d9-mm2zt\t0/1\tCrashLoopBackOff\t7 (2m31s ago)\t15m',
      ],
      GET_TABS,
    );
    expect(text).toBe(
      [
        'NAME                          READY   STATUS             RESTARTS        AGE',
        'redis-0                       1/1     Running            0               12d',
        'recommender-5f6b7c8d9-mm2zt   0/1     CrashLoopBackOff   7 (2m31s ago)   15m',
      ].join('\n'),
    );
  });

  it('pads the last cell too in top (every cell tab-terminated)', () => {
    expect(tabulate(['NAME\tCPU(cores)\tMEMORY(bytes)', 'redis-0\t4m\t9Mi'], TOP_TABS)).toBe(
      ['NAME      CPU(cores)   MEMORY(bytes)   ', 'redis-0   4m           9Mi             '].join('\n'),
    );
  });

  it('aligns a column only within a run of lines that have it', () => {
    expect(tabulate(['a\tb', 'no tabs here', 'longer\tc'], { minWidth: 0, padding: 2 })).toBe(
      ['a  b', 'no tabs here', 'longer  c'].join('\n'),
    );
  });
});

describe('HumanDuration', () => {
  it.each([
    [-5_000, '<invalid>'],
    [45_000, '45s'],
    [119_000, '119s'],
    [151_000, '2m31s'],
    [300_000, '5m'],
    [179 * 60_000, '179m'],
    [3 * 3600_000, '3h'],
    [(4 * 60 + 12) * 60_000, '4h12m'],
    [47 * 3600_000, '47h'],
    [(3 * 24 + 4) * 3600_000, '3d4h'],
    [2 * 24 * 3600_000, '2d'],
    [41 * 24 * 3600_000, '41d'],
    [(3 * 365 + 120) * 24 * 3600_000, '3y120d'],
  ])('%i ms → %s', (ms, text) => {
    expect(humanDuration(ms)).toBe(text);
  });
});
