// The hostile-input suite (issue 16): what an attacker or a careless user can feed the lab, run on demand
// (`npm run bench -- hostile`), never in `npm test`. Prints, per kind of input, how many answered with a result, with a
// positioned error or a clear refusal, how many crashed (an exception out of the engine, KQL_INTERNAL, or an error
// that is not the store's own) and how many hung (past twice the time limit); and each query bomb's outcome, time and
// peak memory, each bomb in a process of its own. QUERIES=2000 npm run bench -- hostile for a quicker run.
import 'fake-indexeddb/auto';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseShareLinkHash, shareLinkHash } from '../src/components/lab/share/shareLink';
import { seededRandom } from '../src/shared/random';
import { testEngine } from '../src/kql/testing/testEngine';
import { createDatasetDb } from '../src/store/datasetDb';
import { createDatasetStore } from '../src/store/datasets';
import { createLearnerDb } from '../src/store/learnerDb';
import { createLearnerStore } from '../src/store/learner';
import { importNdjson } from '../src/store/ndjson';
import { StoreError } from '../src/store/storeError';
import { BOMBS } from './hostileBomb';

const QUERIES = Number(process.env['QUERIES'] ?? 10_000);
const TIMEOUT_MS = 2_000;
const random = seededRandom(16);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

interface Tally {
  results: number;
  positionedErrors: number;
  crashes: number;
  hangs: number;
  examples: string[];
}
const tally = (): Tally => ({ results: 0, positionedErrors: 0, crashes: 0, hangs: 0, examples: [] });
function report(label: string, counts: Tally, refusals = 'positioned errors'): void {
  console.log(
    `${label}: ${counts.results} results, ${counts.positionedErrors} ${refusals}, ${counts.crashes} crashes, ${counts.hangs} hangs`,
  );
  for (const example of counts.examples.slice(0, 5)) console.log(`  e.g. ${example}`);
}

// ---------- 1. seeded query mutations ----------
const SEEDS = [
  'Events | where Bytes > 100 | summarize count() by User',
  'Events | extend d = bin(TimeGenerated, 1h) | top 2 by d',
  'Events | project User, Props.ip | join kind=leftouter (Users) on User',
  'print x = dynamic([1, 2, 3]) | mv-expand x | summarize sum(toint(x))',
  'Events | where Action matches regex "(a+)+$" or Action contains "file" | order by Bytes asc',
  'let t = Users | where Dept != ""; t | union Events | count',
  'range i from 1 to 20 step 2 | extend s = strcat("a", i) | parse kind=regex s with "a" n:long',
  'Events | extend e = extract_all(@"(\\w+)", Action) | mv-expand e | summarize count() by tostring(e)',
  'Events | make-series count() on TimeGenerated from datetime(2024-01-01) to datetime(2024-01-02) step 1h',
  'print j = parse_json("[[[1]]]") | extend k = j[0][0] | project tostring(k)',
];
const PIECES = [
  ' | ',
  'where',
  'join',
  'mv-expand',
  '(',
  ')',
  '"',
  '[',
  ']',
  ';',
  'let',
  'range(1, 100000)',
  'matches regex "(x+x+)+y"',
  'dynamic(',
  '$left',
  '1e308',
  '-',
  '*',
  'parse_json("[[[[',
  'make-series',
  'scan',
  '.',
  'toscalar(',
  'materialize(',
  '999999999999',
];

function mutate(seed: string): string {
  let text = seed;
  for (let edits = random() < 0.7 ? 1 : 2; edits > 0; edits--) {
    const at = Math.floor(random() * (text.length + 1));
    const cut = Math.floor(random() * 4);
    text = text.slice(0, at) + (random() < 0.8 ? pick(PIECES) : '') + text.slice(at + cut);
  }
  return text;
}

const engine = testEngine();
engine.warm();
const queries = tally();
const started = performance.now();
for (let i = 0; i < QUERIES; i++) {
  const text = mutate(pick(SEEDS));
  const at = performance.now();
  try {
    const outcome = engine.query(text, { timeoutMs: TIMEOUT_MS });
    if (performance.now() - at > 2 * TIMEOUT_MS + 5_000) {
      queries.hangs++;
      queries.examples.push(`hang: ${JSON.stringify(text)}`);
    }
    if (outcome.ok) {
      outcome.page(0, 50); // the rows a view would show must format too
      queries.results++;
    } else if (outcome.code === 'KQL_INTERNAL' || outcome.line < 1 || outcome.start < 0) {
      queries.crashes++;
      queries.examples.push(`${outcome.code}: ${outcome.message.slice(0, 80)} in ${JSON.stringify(text)}`);
    } else queries.positionedErrors++;
  } catch (error) {
    queries.crashes++;
    queries.examples.push(`threw ${(error as Error).message.slice(0, 80)} in ${JSON.stringify(text)}`);
  }
}
report(
  `${QUERIES.toLocaleString('en-US')} mutated queries (${Math.round((performance.now() - started) / 1000)} s)`,
  queries,
);

// ---------- 2. the bombs, each in its own process ----------
console.log('query bombs (each in a fresh Node process; memory is the process RSS, baseline after warm-up):');
const bombScript = fileURLToPath(new URL('./hostileBomb.ts', import.meta.url));
for (const name of Object.keys(BOMBS)) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', bombScript, name], {
    encoding: 'utf8',
    timeout: 300_000,
  });
  const line = run.stdout.trim().split('\n').pop() ?? '';
  try {
    const bomb = JSON.parse(line) as Record<string, string | number>;
    console.log(
      `  ${name}: ${bomb['outcome']} in ${bomb['elapsedMs']} ms, RSS ${bomb['baselineRssMb']} MB before, ${bomb['peakRssMb']} MB peak${bomb['message'] ? ` — ${bomb['message']}` : ''}`,
    );
  } catch {
    console.log(`  ${name}: CRASH (exit ${run.status}, signal ${run.signal}) ${run.stderr.slice(-300)}`);
  }
}

// ---------- 3. share links ----------
const links = tally();
const valid = shareLinkHash({
  query: 'SecurityAlert | take 10',
  scenarioId: 'privileged-pod',
  seed: 42,
  days: 3,
});
const ALPHABET = 'AZaz09+-$ %&=#?/\\<>"\'\u0000\u2028é😀qseedscenariodays';
for (let i = 0; i < 1000; i++) {
  let fragment: string;
  if (i % 2 === 0)
    fragment = Array.from({ length: Math.floor(random() * 120) }, () => pick([...ALPHABET])).join('');
  else {
    const chars = [...valid];
    for (let k = 0; k < 1 + Math.floor(random() * 5); k++)
      chars[Math.floor(random() * chars.length)] = pick([...ALPHABET]);
    fragment = chars.join('');
  }
  try {
    const parsed = parseShareLinkHash(fragment);
    if (parsed.ok === false) links.positionedErrors++;
    else links.results++;
  } catch (error) {
    links.crashes++;
    links.examples.push(`${(error as Error).message} on ${JSON.stringify(fragment)}`);
  }
}
report(
  '1,000 random share links (results: a shared query, or no share link at all)',
  links,
  'damaged-link notices',
);

// ---------- 4. malformed NDJSON files ----------
const datasets = createDatasetStore(createDatasetDb('hostile-bench'));
const goodRow = {
  TimeGenerated: '2026-03-01T10:00:00Z',
  AlertName: 'Privileged container detected',
  AlertSeverity: 'High',
  ConfidenceScore: 0.9,
  ExtendedProperties: '{"Namespace":"prod"}',
};
const CORRUPTIONS: ((line: string) => string)[] = [
  (line) => line.slice(0, Math.floor(random() * line.length)),
  (line) => line.replace('0.9', '"abc"'),
  (line) => line.replace('"2026-03-01T10:00:00Z"', '"not a date"'),
  () => '[1,2,3]',
  () => 'null',
  () => `{"ExtendedProperties":${'['.repeat(3000)}${']'.repeat(3000)}}`,
  (line) => line + line,
  () => '\u0000\u0001garbage',
  (line) => line.replace('{', '{"__proto__":{"polluted":1},'),
];
const ndjson = tally();
for (let i = 0; i < 200; i++) {
  const lines = Array.from({ length: 20 }, () => JSON.stringify(goodRow));
  const at = Math.floor(random() * lines.length);
  lines[at] = pick(CORRUPTIONS)(lines[at]!);
  try {
    await importNdjson(datasets, {
      scenario: 'hostile',
      seed: i,
      files: [{ table: 'SecurityAlert', file: new Blob([lines.join('\n')]) }],
    });
    ndjson.results++;
  } catch (error) {
    if (error instanceof StoreError && /line \d+|cells? of/.test(error.message)) ndjson.positionedErrors++;
    else {
      ndjson.crashes++;
      ndjson.examples.push((error as Error).message.slice(0, 120));
    }
  }
}
if (({} as Record<string, unknown>)['polluted'] !== undefined)
  console.log('  PROTOTYPE POLLUTED by an import');
report('200 malformed NDJSON files', ndjson, 'refusals naming file and line or column');

// ---------- 5. malformed progress files ----------
const learner = createLearnerStore(createLearnerDb('hostile-bench-learner'));
await learner.setSetting('exam-history', []);
await learner.recordAnswer({ checkId: 'c1', answer: 1, correct: true, answeredAt: 1 });
const export_ = await learner.exportLearnerData();
const progress = tally();
const VALUES: unknown[] = [null, -1, 'x', [], {}, [{}], 1e308, '__proto__', { constructor: 1 }, true];
for (let i = 0; i < 200; i++) {
  const file = JSON.parse(JSON.stringify(export_)) as Record<string, unknown>;
  const keys = Object.keys(file);
  const key = pick(keys);
  if (random() < 0.3) delete file[key];
  else if (random() < 0.5) file[key] = pick(VALUES);
  else file['settings'] = [{ key: pick(['exam-history', 'lab.tabs', 'lab.dataset']), value: pick(VALUES) }];
  try {
    await learner.importLearnerData(file);
    progress.results++;
  } catch (error) {
    if (error instanceof StoreError && error.kind === 'invalid-input') progress.positionedErrors++;
    else {
      progress.crashes++;
      progress.examples.push((error as Error).message.slice(0, 120));
    }
  }
}
const after = await learner.readSetting('exam-history', []);
report('200 malformed progress files', progress, 'refusals naming the field');
console.log(`  after them: exam history ${after.problem ? `unreadable (${after.problem})` : 'readable'}`);
process.exit(0);
