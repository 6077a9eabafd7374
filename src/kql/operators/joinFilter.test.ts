// Kusto's join-innerunique documentation: a filter on the left side's columns after an innerunique join is pushed
// below the join, so it applies before the left side is deduplicated.
import { describe, expect, it } from 'vitest';
import { createKqlEngine } from '../engine';
import { run } from '../testing/testEngine';

const engine = createKqlEngine({ tables: [] });
const tables = `let t1 = datatable(key: long, value: string) [1, "val1.1", 1, "val1.2", 2, "val2.1"];
let t2 = datatable(key: long, value: string) [1, "val1.3", 1, "val1.4", 2, "val2.2"];
`;

describe('filters after an innerunique join', () => {
  it('a filter on left columns applies before the left side is deduplicated', () => {
    expect(
      run(engine, `${tables}t1 | join kind=innerunique t2 on key | where value == "val1.2"`).rows,
    ).toEqual([
      [1, 'val1.2', 1, 'val1.3'],
      [1, 'val1.2', 1, 'val1.4'],
    ]);
    // Without the filter the first left row of each key is kept.
    expect(run(engine, `${tables}t1 | join t2 on key | project value, value1`).rows).toEqual([
      ['val1.1', 'val1.3'],
      ['val1.1', 'val1.4'],
      ['val2.1', 'val2.2'],
    ]);
  });

  it('a filter that reads a right-side column, or row order, stays after the join', () => {
    expect(
      run(engine, `${tables}t1 | join t2 on key | where value1 == "val1.4" | project value`).rows,
    ).toEqual([['val1.1']]);
    expect(
      run(engine, `${tables}t1 | join t2 on key | serialize | where row_number() == 1 | project value`).rows,
    ).toEqual([['val1.1']]);
    // Other join kinds keep every left row, so the filter's place does not matter.
    expect(
      run(engine, `${tables}t1 | join kind=inner t2 on key | where value == "val1.2" | count`).rows,
    ).toEqual([[2]]);
  });
});
