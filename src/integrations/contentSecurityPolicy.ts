import type { AstroIntegration } from 'astro';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentSecurityPolicy, inlineScripts, scriptHash, withPolicyMeta } from './csp';

/**
 * Pages the site writes with no authored content in them: the inline scripts allowed to run anywhere are theirs
 * (Astro's island loader, Starlight's theme, sidebar and search scripts, the service worker registration). A script
 * found only on a lesson or check page came from content, not from the build, and gets no hash: it cannot run. A new
 * component with an inline script of its own must appear on one of these pages (or the page be added here).
 */
const REFERENCE_PAGES = ['404.html', 'lab/index.html', 'datasets/index.html', 'progress/index.html'];

/** Where the servers (scripts/serveDist.mjs) and static hosts that read Netlify-style `_headers` find the policy. */
export const HEADERS_FILE = '_headers';

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return htmlFiles(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

/**
 * After the build: hashes the build's own inline scripts, writes the policy into each page as a <meta> (for static hosts)
 * and into `_headers` (for `npm start`, the test server and hosts that read it). Must come before the service worker
 * integration, whose precache records each page's final bytes.
 */
export function contentSecurityPolicyIntegration(): AstroIntegration {
  return {
    name: 'sc200-content-security-policy',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const distDir = fileURLToPath(dir);
        const pages = htmlFiles(distDir);
        const hashes = new Set<string>();
        for (const page of REFERENCE_PAGES.map((path) => join(distDir, path)).filter((path) =>
          existsSync(path),
        )) {
          for (const script of inlineScripts(readFileSync(page, 'utf8'))) hashes.add(scriptHash(script));
        }
        for (const page of pages) {
          for (const script of inlineScripts(readFileSync(page, 'utf8'))) {
            if (hashes.has(scriptHash(script))) continue;
            logger.warn(
              `${relative(distDir, page)} has an inline script the site's own pages do not have; it is not allowed to run: ${JSON.stringify(script.slice(0, 80))}`,
            );
          }
        }
        // One policy for the whole site: the same few build-written inline scripts recur on every page.
        const policy = contentSecurityPolicy({ scriptHashes: [...hashes] });
        for (const page of pages) writeFileSync(page, withPolicyMeta(readFileSync(page, 'utf8'), policy));
        const header = contentSecurityPolicy({ scriptHashes: [...hashes], forHeader: true });
        writeFileSync(
          join(distDir, HEADERS_FILE),
          `/*\n  Content-Security-Policy: ${header}\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: no-referrer\n`,
        );
        logger.info(
          `Content-Security-Policy: ${hashes.size} inline script hashes, ${pages.length} pages (${relative(process.cwd(), distDir)})`,
        );
      },
    },
  };
}
