import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { generateSW } from 'workbox-build';

/**
 * Generates `sw.js` after the build so that every page and asset is precached: after one online
 * visit the whole site opens offline. The worker waits instead of taking over, so a new version
 * never swaps code under a learner mid-answer; the page offers a reload (see src/pwa/).
 */
export function serviceWorker(): AstroIntegration {
  return {
    name: 'sc200-service-worker',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const distDir = fileURLToPath(dir);
        const { count, size, warnings } = await generateSW({
          globDirectory: distDir,
          globPatterns: [
            // Pagefind's search: its wasm (`*.pagefind`), index, metadata, fragments and filters, so search works offline.
            '**/*.{html,js,mjs,css,svg,png,ico,webmanifest,json,woff,woff2,txt,wasm,pagefind,pf_index,pf_meta,pf_fragment,pf_filter}',
          ],
          globIgnores: ['sw.js', 'workbox-*.js'],
          swDest: `${distDir}/sw.js`,
          skipWaiting: false,
          clientsClaim: false,
          cleanupOutdatedCaches: true,
          // Pages are folders (`/modules/x/` → `/modules/x/index.html`); the Kusto worker is ~8 MB.
          directoryIndex: 'index.html',
          ignoreURLParametersMatching: [/.*/],
          maximumFileSizeToCacheInBytes: 32 * 1024 * 1024,
          navigateFallback: '/404.html',
          sourcemap: false,
          mode: 'production',
        });
        for (const warning of warnings) logger.warn(warning);
        logger.info(`precached ${count} files (${(size / 1024 / 1024).toFixed(1)} MB)`);
      },
    },
  };
}
