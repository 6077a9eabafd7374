import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { evaluatePodSecurity, failureText, parsePolicyVersion } from './pss';

const fixturesDir = join(import.meta.dirname, '../../../shared/pss-fixtures');
const haveFixtures = existsSync(join(fixturesDir, 'index.jsonl'));
if (!haveFixtures) console.log('skipped: PSS fixtures (../shared/pss-fixtures not found)');

interface FixtureEntry {
  path: string;
  level: 'baseline' | 'restricted';
  version: string;
  expect: 'pass' | 'fail';
  expect_error_substring?: string;
  reported_by_check?: string;
}

describe('Pod Security Standards evaluator', () => {
  it.runIf(haveFixtures)(
    'agrees with every upstream fixture (level, version, outcome, reporting check, message)',
    () => {
      const entries = readFileSync(join(fixturesDir, 'index.jsonl'), 'utf8')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as FixtureEntry);
      const mismatches: string[] = [];
      for (const entry of entries) {
        const pod = parse(readFileSync(join(fixturesDir, entry.path.replace(/^pss-fixtures\//, '')), 'utf8'));
        const result = evaluatePodSecurity(pod, entry.level, parsePolicyVersion(entry.version, 37));
        if (entry.expect === 'pass') {
          if (!result.allowed)
            mismatches.push(`${entry.path}: expected pass, got ${failureText(result.failures)}`);
          continue;
        }
        const ids = result.failures.map((f) => f.checkId);
        // A fixture tweaks one control, but some tweaks need another field set too (hostProcess needs hostNetwork).
        if (!ids.includes(entry.reported_by_check ?? '')) {
          mismatches.push(
            `${entry.path}: expected ${entry.reported_by_check} to fail, got [${ids.join(', ')}]`,
          );
        } else if (!failureText(result.failures).includes(entry.expect_error_substring ?? '')) {
          mismatches.push(
            `${entry.path}: message "${failureText(result.failures)}" lacks "${entry.expect_error_substring}"`,
          );
        }
      }
      expect(entries.length).toBe(4537);
      expect(mismatches.slice(0, 20)).toEqual([]);
    },
  );

  it('words denials as the admission plugin does', () => {
    const pod = {
      metadata: { name: 'sys-diag' },
      spec: {
        hostPID: true,
        containers: [{ name: 'sys-diag', image: 'ubuntu:22.04', securityContext: { privileged: true } }],
        volumes: [{ name: 'hostroot', hostPath: { path: '/' } }],
      },
    };
    const result = evaluatePodSecurity(pod, 'baseline', 30);
    expect(failureText(result.failures)).toBe(
      'host namespaces (hostPID=true), hostPath volumes (volume "hostroot"), privileged (container "sys-diag" must not set securityContext.privileged=true)',
    );
    expect(evaluatePodSecurity(pod, 'privileged', 30).allowed).toBe(true);
  });

  it('treats a malformed or missing version as latest', () => {
    expect(parsePolicyVersion('latest', 30)).toBe(30);
    expect(parsePolicyVersion('v1.x', 30)).toBe(30);
    expect(parsePolicyVersion('v1.22', 30)).toBe(22);
  });
});
