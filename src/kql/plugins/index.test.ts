// Plugins the lab cannot run answer a clear, positioned error instead of a result.
import { describe, expect, it } from 'vitest';
import { createKqlEngine } from '../engine';
import { runError } from '../testing/testEngine';

const engine = createKqlEngine({ tables: [] });

describe('evaluate plugins', () => {
  it('infer_storage_schema needs outside storage: KQL_NO_NETWORK at the evaluate', () => {
    const error = runError(
      engine,
      `let options = dynamic({'StorageContainers': ['https://a.blob.core.windows.net/c'], 'DataFormat': 'csv'});
evaluate infer_storage_schema(options)`,
    );
    expect(error.code).toBe('KQL_NO_NETWORK');
    expect(error.line).toBe(2);
    expect(error.column).toBe(1);
  });

  it('a plugin the offline lab cannot run says why at its position', () => {
    const error = runError(engine, 'range x from 1 to 3 step 1 | evaluate python(typeof(*), "result = df")');
    expect(error.code).toBe('KQL_UNSUPPORTED');
    expect(error.message).toContain('python plugin');
    expect(error.message).toContain("Kusto cluster's sandbox");
  });
});
