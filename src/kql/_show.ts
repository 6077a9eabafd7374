import { readFileSync } from 'node:fs';
import { createKqlEngine } from '/work/main/src/kql/engine';
import { runCase, compareOutcome } from '/work/main/src/kql/conformance';
const ids = process.argv.slice(2);
const cases = readFileSync('/work/shared/kql-conformance/corpus.jsonl', 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l));
const e = createKqlEngine({ tables: [] });
for (const c of cases.filter((c) => ids.some((id) => c.id.startsWith(id)))) {
  const o = runCase(e, c);
  console.log('=== ' + c.id + ' ' + (c.flags ?? []).join(','));
  console.log(c.query);
  console.log('EXPECTED', JSON.stringify(c.expected.columns), JSON.stringify(c.expected.rows).slice(0, 600));
  console.log(
    'ACTUAL  ',
    'error' in o
      ? JSON.stringify(o.error)
      : JSON.stringify(o.columns) + ' ' + JSON.stringify(o.rows).slice(0, 600),
  );
  console.log('REASON', compareOutcome(c, o));
}
