// inline_external_table always reads external storage (inline-external-table-operator.md): offline, a positioned error.
import { describe, expect, it } from 'vitest';
import { runError, testEngine } from '../testing/testEngine';

const engine = testEngine();

describe('inline_external_table', () => {
  it('answers KQL_NO_NETWORK at the connection strings for kind=storage', () => {
    const query = `inline_external_table(Timestamp:datetime, ProductId:string, Quantity:long)
    kind=storage
    dataformat=csv
    (
        h@"https://example.blob.core.windows.net/archive/part-00000.csv.gz"
    )
    with(includeHeaders='All')
| summarize TotalQuantity = sum(Quantity) by ProductId`;
    const error = runError(engine, query);
    expect(error.code).toBe('KQL_NO_NETWORK');
    expect(error.message).toContain('kind=storage, dataformat=csv');
    expect(error.line).toBe(4);
    expect(error.column).toBe(5);
    expect(error.hint).toMatch(/datatable/);
  });

  it('answers KQL_NO_NETWORK for kind=delta', () => {
    const query =
      'inline_external_table(Timestamp:datetime, CustomerId:string, Amount:real)\n  kind=delta\n  (h@"abfss://fs@account.dfs.core.windows.net/delta/events")\n| take 1';
    const error = runError(engine, query);
    expect(error.code).toBe('KQL_NO_NETWORK');
    expect(error.message).toContain('kind=delta');
    expect([error.line, error.column]).toEqual([3, 3]);
  });
});
