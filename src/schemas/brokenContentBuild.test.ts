import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const projectRoot = join(import.meta.dirname, '../..');
const workDir = mkdtempSync(join(tmpdir(), 'sc200-broken-build-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe('a malformed content file', () => {
  it('fails the build with a message that names the file and the field', () => {
    const astro = join(projectRoot, 'node_modules/astro/bin/astro.mjs');
    const build = spawnSync(process.execPath, [astro, 'build'], {
      cwd: projectRoot,
      encoding: 'utf8',
      env: {
        ...process.env,
        SC200_CONTENT_DIR: 'src/schemas/fixtures/broken-content',
        SC200_OUT_DIR: join(workDir, 'dist'),
        SC200_CACHE_DIR: join(workDir, 'cache'),
      },
      timeout: 120_000,
    });
    const output = `${build.stdout}\n${build.stderr}`;
    expect(build.status, output).not.toBe(0);
    expect(output).toContain('checks/choice-without-explanation.md');
    expect(output).toContain('choices.1.explanation');
  }, 150_000);
});
