// The alias statement and database references, after Kusto's alias statement documentation: an alias names a
// database of a cluster; the lab holds one database, so only references to it can run.
import { describe, expect, it } from 'vitest';
import { run, runError, testEngine } from '../testing/testEngine';

const engine = testEngine();

describe('alias statement and database references', () => {
  it('database("Sentinel") reads the lab database, directly or through an alias', () => {
    expect(run(engine, 'database("Sentinel").Users | count').rows).toEqual([[4]]);
    expect(
      run(engine, 'alias database lab = database("Sentinel");\ndatabase("lab").Users | count').rows,
    ).toEqual([[4]]);
  });

  it('another cluster or database, through an alias or not, answers KQL_NO_NETWORK at the reference', () => {
    const viaAlias = runError(
      engine,
      'alias database ["Samples Alias"] = cluster("https://help.kusto.windows.net").database("Samples");\ndatabase("Samples Alias").StormEvents | count',
    );
    expect(viaAlias.code).toBe('KQL_NO_NETWORK');
    expect(viaAlias.line).toBe(2);
    expect(viaAlias.message).toContain("database 'Samples' on cluster 'https://help.kusto.windows.net'");
    expect(runError(engine, 'cluster("help").database("Samples").StormEvents | count').code).toBe(
      'KQL_NO_NETWORK',
    );
  });
});
