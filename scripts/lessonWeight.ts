// The JavaScript a lesson page can load before a lab is opened: what the page loads at once (pageWeight.ts, static
// imports) plus every chunk reachable through dynamic import() from it (the learner store, loaded after render),
// except the lab's own chunks (editor, KQL engine, workers). Sizes are gzip level 9.
//   npx tsx scripts/lessonWeight.ts [dist]
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { measureSite } from './pageWeight';

/** Lesson pages must stay at or under this (issue 7). */
export const LESSON_JS_BUDGET_GZIP = 50 * 1024;

/**
 * Chunks that only a lab loads (opening a lab is allowed to cost more), and Starlight's search UI, which loads
 * when the learner opens the search dialog and is the same on every page of the site. Starting a "write a query"
 * check opens the lab's editor and query worker in the lesson (startedQueryCheck, queryRunner).
 */
const LAB_CHUNK = /monaco|kusto|editor|worker|\/lab|queryRunner|startedQueryCheck|storeBackend|queryClient/i;
const SEARCH_CHUNK = /pagefind|ui-core/i;
/** The export file schema (zod): learner.ts imports it only when a learner imports a progress file. */
const IMPORT_FILE_CHUNK = /learnerExport\./;
/**
 * The settings' schemas (zod): learner.ts loads them only to read a setting checked by meaning (exam history, the
 * lab's dataset and tabs), which the exam, progress and lab read and a lesson page does not.
 */
const SETTINGS_CHECK_CHUNK = /\/settings\.[\w-]+\.js$/;

const ANY_IMPORT =
  /(?:import|export)\s*(?:[\w*${}\s,]+from\s*)?["'`]([^"'`]+\.m?js)["'`]|import\(\s*["'`]([^"'`]+\.m?js)["'`]\s*\)/g;
/** Vite's preload list for dynamic imports names chunks from the site root: "_astro/learner.abc.js". */
const PRELOAD_DEPENDENCY = /["'`](_astro\/[^"'`]+\.m?js)["'`]/g;

export interface LessonWeight {
  page: string;
  initialGzip: number;
  beforeLabGzip: number;
  lazyFiles: string[];
}

export function measureLessonPages(dist: string): LessonWeight[] {
  // Absolute paths throughout, so a chunk reached two ways is counted once.
  const distDir = resolve(dist);
  return measureSite(distDir)
    .filter((weight) => weight.page.startsWith('/modules/'))
    .map((weight) => {
      const seen = new Set(weight.files.map((file) => join(distDir, file)));
      const queue = [...seen];
      const lazy: string[] = [];
      while (queue.length > 0) {
        const file = queue.shift()!;
        const code = readFileSync(file, 'utf8');
        const urls = [
          ...[...code.matchAll(ANY_IMPORT)].map((match) => match[1] ?? match[2]!),
          ...[...code.matchAll(PRELOAD_DEPENDENCY)].map((match) => `/${match[1]}`),
        ];
        for (const url of urls) {
          // Computed URLs (Starlight's search loads Pagefind this way when the search dialog opens) are not followed.
          if (/^(?:https?:)?\/\//.test(url) || url.includes('${')) continue;
          const path = url.startsWith('/') ? join(distDir, url) : resolve(dirname(file), url);
          if (
            seen.has(path) ||
            LAB_CHUNK.test(relative(distDir, path)) ||
            SEARCH_CHUNK.test(relative(distDir, path)) ||
            IMPORT_FILE_CHUNK.test(relative(distDir, path)) ||
            SETTINGS_CHECK_CHUNK.test(relative(distDir, path)) ||
            !existsSync(path)
          )
            continue;
          seen.add(path);
          queue.push(path);
          lazy.push(path);
        }
      }
      const lazyGzip = lazy.reduce((sum, file) => sum + gzipSync(readFileSync(file), { level: 9 }).length, 0);
      return {
        page: weight.page,
        initialGzip: weight.gzipBytes,
        beforeLabGzip: weight.gzipBytes + lazyGzip,
        lazyFiles: lazy.map((file) => relative(distDir, file)),
      };
    });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const distDir = resolve(process.argv[2] ?? 'dist');
  const kb = (bytes: number) => (bytes / 1024).toFixed(1);
  let over = false;
  for (const weight of measureLessonPages(distDir)) {
    const fits = weight.beforeLabGzip <= LESSON_JS_BUDGET_GZIP;
    over ||= !fits;
    console.log(
      `${weight.page.padEnd(48)} initial ${kb(weight.initialGzip).padStart(6)} KB · before a lab ${kb(
        weight.beforeLabGzip,
      ).padStart(6)} KB gzip ${fits ? 'ok' : `OVER the ${kb(LESSON_JS_BUDGET_GZIP)} KB budget`}`,
    );
    for (const file of weight.lazyFiles) console.log(`    lazily: ${file}`);
  }
  process.exitCode = over ? 1 : 0;
}
