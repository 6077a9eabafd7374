import { describe, expect, it } from 'vitest';
import { preloadOrder } from './preloadOrder';

describe('preloadOrder', () => {
  const counts = { SecurityAlert: 40, AKSAudit: 90_000, KubeEvents: 5_000, Syslog: 0 };

  it('loads the tables the query names first, in the order it names them, then the rest largest first', () => {
    expect(
      preloadOrder('KubeEvents | join (SecurityAlert) on $left.Name == $right.AlertName', counts),
    ).toEqual(['KubeEvents', 'SecurityAlert', 'AKSAudit']);
  });

  it('skips tables without rows and does not mistake a longer name for a table', () => {
    expect(preloadOrder('SecurityAlertX | take 1; Syslog', counts)).toEqual([
      'AKSAudit',
      'KubeEvents',
      'SecurityAlert',
    ]);
  });
});
