// Authored content cannot run script (issue 16, item 5/6): a site built from lessons and checks that carry
// `</script><script>…</script>` and `<img onerror>` in every author-written field (lessons, checks, a case) has a policy on every page that lets
// none of it run: script only from files and from the hashes of the site's own inline scripts, no inline handlers.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inlineScripts, scriptHash } from './csp';

const projectRoot = join(import.meta.dirname, '../..');
const workDir = mkdtempSync(join(tmpdir(), 'sc200-hostile-build-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

const PAYLOAD = `</script><script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">`;
/** YAML-safe: the payload as a double-quoted scalar. */
const yaml = (text: string) => JSON.stringify(text);

function writeFixtures(root: string): void {
  const file = (path: string, text: string) => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  const field = (name: string, text: string, indent = '') =>
    `${indent}${name}: ${yaml(`${text} ${PAYLOAD}`)}`;
  file(
    'scenarios/hostile-case.md',
    [
      '---',
      'id: hostile-case',
      field('title', 'Case'),
      field('summary', 'Summary'),
      'difficulty: beginner',
      'minutes: 5',
      field('objective', 'Objective'),
      'lessons: [modules/hostile]',
      'seed: 7',
      'storyline: privileged-pod-escape',
      'days: 1',
      'openingAlert: K8S_PrivilegedContainer',
      'objectives:',
      '  - id: payload',
      field('question', 'Question', '    '),
      `    query: ${yaml(`print s = '${PAYLOAD}'`)}`,
      field('answerFormat', 'Format', '    '),
      '    wrongAnswers:',
      field('answer', 'Wrong', '      - '),
      field('explanation', 'Why', '        '),
      '    hints:',
      field('text', 'Hint', '      - '),
      '        cost: 10',
      '    step: preserve-evidence',
      field('debrief', 'Debrief', '    '),
      'prevention:',
      '  - control: pod-security',
      field('text', 'Prevention', '    '),
      'missedDetections:',
      field('alert', 'Alert', '  - '),
      field('why', 'Why', '    '),
      '---',
      '',
      `Brief ${PAYLOAD}`,
      '',
    ].join('\n'),
  );
  file(
    'modules/hostile.md',
    [
      '---',
      `title: ${yaml(`Lesson ${PAYLOAD}`)}`,
      `description: ${yaml(`About ${PAYLOAD}`)}`,
      "module: '4.7'",
      `objective: ${yaml(`Objective ${PAYLOAD}`)}`,
      'order: 1',
      'minutes: 5',
      '---',
      '',
      `Body text ${PAYLOAD}`,
      '',
      '```kql',
      `print s = "${PAYLOAD.replace(/"/g, "'")}"`,
      '```',
      '',
    ].join('\n'),
  );
  const common = (id: string, order: number) =>
    [
      `id: ${id}`,
      "module: '4.7'",
      'lesson: modules/hostile',
      `objective: ${yaml(`Objective ${PAYLOAD}`)}`,
      `order: ${order}`,
    ].join('\n');
  const check = (id: string, order: number, fields: string) =>
    file(`checks/${id}.md`, `---\n${common(id, order)}\n${fields}\n---\n\nQuestion ${PAYLOAD}\n`);
  const choice = (correct: boolean) =>
    `  - text: ${yaml(`Choice ${correct} ${PAYLOAD}`)}\n    isCorrect: ${correct}\n    explanation: ${yaml(`Why ${PAYLOAD}`)}`;
  check('hostile-single', 1, `type: single\nchoices:\n${choice(true)}\n${choice(false)}`);
  check('hostile-multiple', 2, `type: multiple\nchoices:\n${choice(true)}\n${choice(false)}`);
  const item = (n: number) =>
    `  - text: ${yaml(`Step ${n} ${PAYLOAD}`)}\n    explanation: ${yaml(`Why ${PAYLOAD}`)}`;
  check('hostile-ordering', 3, `type: ordering\nitems:\n${item(1)}\n${item(2)}`);
  const pair = (n: number) =>
    `  - left: ${yaml(`Left ${n} ${PAYLOAD}`)}\n    right: ${yaml(`Right ${n} ${PAYLOAD}`)}\n    explanation: ${yaml(`Why ${PAYLOAD}`)}`;
  check('hostile-matching', 4, `type: matching\npairs:\n${pair(1)}\n${pair(2)}`);
  check(
    'hostile-query',
    5,
    [
      'type: query',
      'dataset:',
      '  scenario: hostile-case',
      '  seed: 7',
      `starterQuery: ${yaml(`print s = '${PAYLOAD}'`)}`,
      `referenceQuery: ${yaml(`print s = '${PAYLOAD}'`)}`,
      `explanation: ${yaml(`Why ${PAYLOAD}`)}`,
    ].join('\n'),
  );
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return htmlFiles(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

function policyOf(html: string): string {
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
  return (meta?.[1] ?? '').replace(/&quot;/g, '"');
}

describe('a site built from hostile content', () => {
  it('lets none of the authored script run on any page', () => {
    const content = join(workDir, 'content');
    writeFixtures(content);
    const out = join(workDir, 'dist');
    const astro = join(projectRoot, 'node_modules/astro/bin/astro.mjs');
    const build = spawnSync(process.execPath, [astro, 'build'], {
      cwd: projectRoot,
      encoding: 'utf8',
      env: {
        ...process.env,
        SC200_CONTENT_DIR: content,
        SC200_OUT_DIR: out,
        SC200_CACHE_DIR: join(workDir, 'cache'),
      },
      timeout: 600_000,
    });
    expect(build.status, `${build.stdout}\n${build.stderr}`).toBe(0);
    const pages = htmlFiles(out);
    const withPayload = pages.filter((page) => readFileSync(page, 'utf8').includes('__pwned'));
    // The lesson, and the pages that show checks (review, exam) at least.
    expect(withPayload.length).toBeGreaterThan(0);
    for (const page of pages) {
      const html = readFileSync(page, 'utf8');
      const policy = policyOf(html);
      const scriptSrc = policy.split(';').find((d) => d.trim().startsWith('script-src')) ?? '';
      expect(policy, page).toContain("default-src 'self'");
      // No inline handler (onerror=…) and no javascript: URL can run without these.
      expect(scriptSrc, page).not.toMatch(/unsafe-inline|unsafe-hashes|(?<!wasm-)unsafe-eval|\*/);
      for (const script of inlineScripts(html)) {
        if (script.includes('__pwned')) expect(scriptSrc, page).not.toContain(scriptHash(script));
        else
          expect(scriptSrc, `${page}: a script of the site without its hash`).toContain(scriptHash(script));
      }
    }
  }, 660_000);
});
