// Measures the JavaScript each built page loads before any interaction: the module scripts it names, the modules of
// its Astro islands, what they import statically (followed transitively), and inline scripts. Dynamic import() is not followed: a lazily
// loaded editor is not part of a page's weight until it is opened. Sizes are gzip level 9.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface PageWeight {
  page: string;
  files: string[];
  rawBytes: number;
  gzipBytes: number;
}

const STATIC_IMPORT = /(?:^|[;\s}])(?:import|export)\s*(?:[\w*${}\s,]+from\s*)?["']([^"']+\.m?js)["']/g;
const SCRIPT_SRC = /<script\b[^>]*\bsrc="([^"]+)"[^>]*>/g;
const MODULE_PRELOAD = /<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"[^>]*>/g;
/** Astro islands import their component and framework renderer when they hydrate. */
const ISLAND_MODULES = /<astro-island\b[^>]*>/g;
const INLINE_SCRIPT =
  /<script\b(?![^>]*\bsrc=)(?![^>]*type="application\/(?:ld\+)?json")[^>]*>([\s\S]*?)<\/script>/g;

function htmlPages(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return htmlPages(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

function gzipSize(text: string | Buffer): number {
  return gzipSync(text, { level: 9 }).length;
}

export function measurePage(distDir: string, htmlFile: string): PageWeight {
  const html = readFileSync(htmlFile, 'utf8');
  const seen = new Set<string>();
  const queue: string[] = [];
  const enqueue = (url: string, fromFile: string) => {
    if (/^(?:https?:)?\/\//.test(url)) return;
    const path = url.startsWith('/') ? join(distDir, url) : resolve(dirname(fromFile), url);
    if (!seen.has(path)) {
      seen.add(path);
      queue.push(path);
    }
  };
  for (const match of html.matchAll(SCRIPT_SRC)) enqueue(match[1]!, htmlFile);
  for (const match of html.matchAll(MODULE_PRELOAD)) enqueue(match[1]!, htmlFile);
  for (const island of html.matchAll(ISLAND_MODULES)) {
    for (const attribute of island[0].matchAll(/\b(?:component-url|renderer-url)="([^"]+)"/g)) {
      enqueue(attribute[1]!, htmlFile);
    }
  }
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const match of html.matchAll(INLINE_SCRIPT)) {
    const body = match[1]!;
    if (!body.trim()) continue;
    rawBytes += Buffer.byteLength(body);
    gzipBytes += gzipSize(body);
    for (const imported of body.matchAll(STATIC_IMPORT)) enqueue(imported[1]!, htmlFile);
  }
  while (queue.length > 0) {
    const file = queue.shift()!;
    const code = readFileSync(file);
    rawBytes += code.length;
    gzipBytes += gzipSize(code);
    for (const imported of code.toString('utf8').matchAll(STATIC_IMPORT)) enqueue(imported[1]!, file);
  }
  return {
    page: '/' + relative(distDir, htmlFile).replace(/index\.html$/, ''),
    files: [...seen].map((file) => relative(distDir, file)),
    rawBytes,
    gzipBytes,
  };
}

export function measureSite(dist: string): PageWeight[] {
  // Absolute paths throughout, so a chunk reached two ways is counted once.
  const distDir = resolve(dist);
  return htmlPages(distDir)
    .map((file) => measurePage(distDir, file))
    .sort((a, b) => a.page.localeCompare(b.page));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const distDir = resolve(process.argv[2] ?? 'dist');
  const kb = (bytes: number) => (bytes / 1024).toFixed(1).padStart(8);
  console.log('page'.padEnd(48) + 'JS raw KB'.padStart(10) + 'JS gzip KB'.padStart(12));
  for (const weight of measureSite(distDir)) {
    console.log(
      weight.page.padEnd(48) + kb(weight.rawBytes).padStart(10) + kb(weight.gzipBytes).padStart(12),
    );
  }
}
