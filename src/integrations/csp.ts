/**
 * The site's Content-Security-Policy. Script runs only from the site's own files and from the inline scripts the
 * build itself wrote (Astro's island loader, Starlight's theme switch, the service worker registration), each allowed
 * by its SHA-256 hash: an author's `</script><img onerror=…>` that reached a page would be markup the browser refuses
 * to run. Styles allow 'unsafe-inline' because Monaco and ECharts write <style> elements and style attributes at run
 * time; a style cannot run script.
 *
 * Astro 7 has its own CSP (`security.csp`), but it hashes every style too, and a style-src with hashes ignores
 * 'unsafe-inline', which would block Monaco's run-time styles: the policy is therefore written here, after the build.
 */
import { createHash } from 'node:crypto';

/** An inline `<script>` the browser would run: no src, and a JavaScript type (none, module, text/javascript). */
const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const RUNNABLE_TYPES = new Set(['', 'module', 'text/javascript', 'application/javascript']);

function attribute(attributes: string, name: string): string | undefined {
  const match = new RegExp(
    `(?:^|\\s)${name}(?:\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+)))?(?=\\s|$)`,
    'i',
  ).exec(attributes);
  if (!match) return undefined;
  return match[1] ?? match[2] ?? match[3] ?? '';
}

/** The inline scripts of a page that a browser would run. */
export function inlineScripts(html: string): string[] {
  const scripts: string[] = [];
  for (const match of html.matchAll(SCRIPT)) {
    const attributes = match[1] ?? '';
    if (attribute(attributes, 'src') !== undefined) continue;
    const type = (attribute(attributes, 'type') ?? '').trim().toLowerCase();
    if (!RUNNABLE_TYPES.has(type)) continue;
    scripts.push(match[2] ?? '');
  }
  return scripts;
}

/** The CSP source of a script's text: 'sha256-<base64>'. */
export function scriptHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

export interface PolicyOptions {
  /** Hashes of the inline scripts allowed to run. */
  readonly scriptHashes: readonly string[];
  /** 'unsafe-eval' for scripts: only for the workers that load Kusto.Language (see workerPolicy). */
  readonly unsafeEval?: boolean;
  /** Directives a <meta> cannot carry (frame-ancestors) are added for a header. */
  readonly forHeader?: boolean;
}

export function contentSecurityPolicy(options: PolicyOptions): string {
  // 'wasm-unsafe-eval' lets WebAssembly compile (Pagefind's search runs in wasm) and nothing else: no JS eval.
  const script = ["'self'", "'wasm-unsafe-eval'", ...[...new Set(options.scriptHashes)].sort()];
  if (options.unsafeEval) script.push("'unsafe-eval'");
  const directives = [
    "default-src 'self'",
    `script-src ${script.join(' ')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    // Monaco's editor workers and the query worker are files of the site.
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ];
  // 'self', not 'none': a query check edits in a frame of the site's own (/check-editor/); no other site may frame it.
  if (options.forHeader) directives.push("frame-ancestors 'self'");
  return directives.join('; ');
}

/** Puts the policy's <meta> first in <head> (after the charset), before any script it must govern. */
export function withPolicyMeta(html: string, policy: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy.replace(/"/g, '&quot;')}">`;
  const charset = /<meta\s+charset=[^>]*>/i.exec(html);
  if (charset) {
    const end = charset.index + charset[0].length;
    return html.slice(0, end) + meta + html.slice(end);
  }
  const head = /<head[^>]*>/i.exec(html);
  if (!head) throw new Error('The page has no <head> to put its Content-Security-Policy in.');
  const end = head.index + head[0].length;
  return html.slice(0, end) + meta + html.slice(end);
}
