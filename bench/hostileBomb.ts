// One query bomb in a process of its own, so that its peak memory is its own: `node --import tsx bench/hostileBomb.ts
// <name>`. Prints one JSON line: the outcome (code or rows), the time, and the resident memory before and at peak.
// Run by bench/hostile.bench.ts; not a test.
import { createKqlEngine } from '../src/kql/index';

export const BOMBS: Record<string, string> = {
  'cartesian join 100k x 100k':
    'range x from 1 to 100000 step 1 | extend k=1 | join kind=inner (range y from 1 to 100000 step 1 | extend k=1) on k | count',
  'mv-expand 20k x 20k': 'range x from 1 to 20000 step 1 | mv-expand y = range(1, 20000) | count',
  'extend range() 20k x 20k then mv-expand':
    'range x from 1 to 20000 step 1 | extend a = range(1, 20000) | mv-expand a | count',
  'regex (a+)+$ on 40 a':
    'print s="aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!" | where s matches regex "(a+)+$"',
  'regex (a+)+$ on 20k a': `print s="${'a'.repeat(20_000)}!" | where s matches regex "(a+)+$"`,
  'range 10^12 rows': 'range x from 1 to 1000000000000 step 1 | count',
  'make-series 10^12 bins':
    'range x from 1 to 10 step 1 | make-series count() on x from 0 to 1000000000000 step 1',
  'parse_json 10,000 levels': `print j = parse_json("${'['.repeat(10_000)}${']'.repeat(10_000)}")`,
  '3,000 chained lets':
    Array.from({ length: 3000 }, (_, i) => `let v${i} = ${i === 0 ? '1' : `v${i - 1} + 1`};`).join('\n') +
    '\nprint v2999',
  'parentheses 2,000 deep': `print x = ${'('.repeat(2000)}1${')'.repeat(2000)}`,
};

const name = process.argv[2];
if (name !== undefined) {
  const query = BOMBS[name];
  if (!query) throw new Error(`no bomb named ${name}`);
  const engine = createKqlEngine();
  engine.warm();
  const baseline = process.memoryUsage().rss;
  const started = performance.now();
  const outcome = engine.query(query, { timeoutMs: 30_000 });
  const elapsedMs = performance.now() - started;
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  console.log(
    JSON.stringify({
      name,
      outcome: outcome.ok
        ? `${outcome.rowCount} rows`
        : `${outcome.code} at ${outcome.line}:${outcome.column}`,
      message: outcome.ok ? '' : outcome.message.slice(0, 120),
      elapsedMs: Math.round(elapsedMs),
      baselineRssMb: Math.round(baseline / 1024 / 1024),
      peakRssMb: Math.round(peakRssMb),
    }),
  );
}
