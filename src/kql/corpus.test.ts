// Runs the shared KQL corpora (../shared: conformance cases from the Kusto docs, MIT code / CC-BY-4.0 outputs, each
// case with its source_url; real-world queries from Azure-Sentinel, azure-reference-other and msticpy) through the
// engine. Skips with a notice when ../shared is absent (a clean clone).
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TABLE_DEFINITIONS } from '../tables/index';
import { evaluateCase, parseCases } from './cli/conformanceCases';
import { createKqlEngine } from './engine';
import { fixtureRows } from './testing/fixture';
import { loadTablesDir } from './cli/ndjson';
import { fillPlaceholders, type RealworldQuery } from './cli/realworldQueries';
import knownBroken from './cli/realworld-broken.json' with { type: 'json' };

const shared = join(import.meta.dirname, '../../../shared');
const corpusPath = join(shared, 'kql-conformance/corpus.jsonl');
const smokePath = join(shared, 'kql-conformance/smoke.jsonl');
const realworldPath = join(shared, 'kql-realworld/queries.jsonl');
const haveShared = existsSync(corpusPath);
if (!haveShared) console.log('skipped: KQL corpora (../shared/kql-conformance not found)');

/** Measured with `npm run -s kql:conformance -- ../shared/kql-conformance/corpus.jsonl`; raise it as the engine grows. */
const CONFORMANCE_FLOOR = 480;
/** Queries that need tables the project does not define (Perf, IdentityInfo, DeviceInfo, CoreAzureBackup) or `evaluate basket`. */
const REALWORLD_FAILURES_CEILING = 7;

describe.runIf(haveShared)('KQL corpora', () => {
  const engine = createKqlEngine({ tables: [] });

  it('conformance corpus: passes at least the measured number of cases', { timeout: 240_000 }, () => {
    const cases = parseCases(readFileSync(corpusPath, 'utf8'));
    const results = cases.map((testCase) => evaluateCase(engine, testCase));
    const passed = results.filter((result) => result.passed).length;
    expect(passed).toBeGreaterThanOrEqual(CONFORMANCE_FLOOR);
  });

  it(
    'smoke corpus: every query returns a result or a positioned error, quickly',
    { timeout: 240_000 },
    () => {
      for (const testCase of parseCases(readFileSync(smokePath, 'utf8'))) {
        const started = Date.now();
        const outcome = engine.query(testCase.query, { timeoutMs: 5_000 });
        expect(Date.now() - started, testCase.id).toBeLessThan(20_000);
        if (!outcome.ok) {
          expect(outcome.code, testCase.id).not.toBe('KQL_INTERNAL');
          expect(outcome.line, testCase.id).toBeGreaterThanOrEqual(1);
          expect(outcome.column, testCase.id).toBeGreaterThanOrEqual(1);
        }
      }
    },
  );

  const fixtureDir = mkdtempSync(join(tmpdir(), 'kql-fixture-'));
  afterAll(() => rmSync(fixtureDir, { recursive: true, force: true }));

  it('real-world queries run on a generated fixture without engine errors', { timeout: 240_000 }, () => {
    const now = new Date('2026-01-01T00:00:00Z');
    for (const table of TABLE_DEFINITIONS) {
      const lines = fixtureRows(table, 100, now).map((row) => JSON.stringify(row));
      writeFileSync(join(fixtureDir, `${table.name}.ndjson`), lines.join('\n'));
    }
    const withData = createKqlEngine();
    loadTablesDir(withData, fixtureDir);
    const queries = readFileSync(realworldPath, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as RealworldQuery);
    const failures: string[] = [];
    for (const query of queries) {
      const outcome = withData.query(fillPlaceholders(query.query, now), { now });
      if (outcome.ok) continue;
      expect(outcome.code, query.id).not.toBe('KQL_INTERNAL');
      if ((knownBroken as Record<string, string>)[query.id]) continue;
      failures.push(`${query.id}: ${outcome.code} ${outcome.message}`);
    }
    expect(failures.length, failures.join('\n')).toBeLessThanOrEqual(REALWORLD_FAILURES_CEILING);
  });
});
