import { describe, expect, it } from 'vitest';
import { remainingTables } from './preloadOrder';

describe('remainingTables', () => {
  const counts = { SecurityAlert: 40, AKSAudit: 90_000, KubeEvents: 5_000, Syslog: 0 };

  it('loads the tables the query did not read, largest first', () => {
    expect(remainingTables(counts, ['KubeEvents'])).toEqual(['AKSAudit', 'SecurityAlert']);
  });

  it('skips tables without rows', () => {
    expect(remainingTables(counts, [])).toEqual(['AKSAudit', 'KubeEvents', 'SecurityAlert']);
  });
});
