import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { measureSite } from './pageWeight';

describe('page weight', () => {
  it('follows static imports but not dynamic ones', () => {
    const dist = mkdtempSync(join(tmpdir(), 'weight-'));
    mkdirSync(join(dist, '_astro'));
    mkdirSync(join(dist, 'lab'));
    writeFileSync(join(dist, '_astro/shared.js'), 'export const shared = 1;');
    writeFileSync(join(dist, '_astro/editor.js'), 'export const editor = "x".repeat(1000);');
    writeFileSync(
      join(dist, '_astro/page.js'),
      'import{shared as s}from"./shared.js";import("./editor.js");',
    );
    writeFileSync(join(dist, 'index.html'), '<script type="module" src="/_astro/page.js"></script>');
    writeFileSync(join(dist, 'lab/index.html'), '<script type="module">import "/_astro/editor.js";</script>');

    const [home, lab] = measureSite(dist);
    expect(home!.page).toBe('/');
    expect(home!.files.sort()).toEqual(['_astro/page.js', '_astro/shared.js']);
    expect(lab!.page).toBe('/lab/');
    expect(lab!.files).toEqual(['_astro/editor.js']);
    expect(lab!.gzipBytes).toBeGreaterThan(0);
  });
});
