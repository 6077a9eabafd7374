import { describe, expect, it } from 'vitest';
import { createKqlEngine } from './index';
import { WARM_UP_QUERIES } from './warmUpQueries';

describe('the warm-up queries', () => {
  // One that fails stops at its first error and warms little of what it was written for.
  it.each(WARM_UP_QUERIES.map((text) => [text.split('\n').at(-1)!, text]))(
    'run without a table or an error: …%s',
    (_, text) => {
      const engine = createKqlEngine({ tables: [] });
      const outcome = engine.query(text, { now: new Date(Date.UTC(2026, 0, 2)) });
      if (!outcome.ok) throw new Error(`${outcome.code}: ${outcome.message}`);
      expect(outcome.rowCount).toBeGreaterThan(0);
    },
  );
});
