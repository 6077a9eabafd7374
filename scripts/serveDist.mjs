// Serves the production build in dist/ on 127.0.0.1 for the end-to-end tests and benchmarks.
// (`astro preview` allows one server per project, which clashes with a benchmark or a second test run.)
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

const root = resolve(process.argv[2] ?? 'dist');
const port = Number(process.env.PORT ?? process.argv[3] ?? 4329);

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
};

if (!existsSync(join(root, 'index.html'))) {
  console.error(`No build in ${root}: run \`npm run build\` first.`);
  process.exit(1);
}

/**
 * The headers the build wrote for every response (`dist/_headers`, Netlify's format; the Content-Security-Policy comes
 * from src/integrations/contentSecurityPolicy.ts). Only the `/*` block is read: the site has no other.
 */
function readSiteHeaders(text) {
  const headers = {};
  let inAllBlock = false;
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      inAllBlock = line.trim() === '/*';
      continue;
    }
    const colon = line.indexOf(':');
    if (inAllBlock && colon > 0)
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}

const headersFile = join(root, '_headers');
const siteHeaders = existsSync(headersFile) ? readSiteHeaders(readFileSync(headersFile, 'utf8')) : {};
if (!siteHeaders['content-security-policy']) {
  console.warn(`note: ${headersFile} has no Content-Security-Policy; pages are served without the header.`);
}

function resolveFile(pathname) {
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined; // a malformed escape (`/%E0%A4%A`) is no file: 404, and the server keeps running
  }
  const safe = normalize(decoded).replace(/^(\.\.[/\\])+/, '');
  const candidate = join(root, safe);
  if (!candidate.startsWith(root)) return undefined;
  for (const file of [candidate, join(candidate, 'index.html'), `${candidate}.html`]) {
    if (existsSync(file) && statSync(file).isFile()) return file;
  }
  return undefined;
}

createServer((request, response) => {
  const { pathname } = new URL(request.url ?? '/', 'http://127.0.0.1');
  const file = resolveFile(pathname);
  const status = file ? 200 : 404;
  const body = file ?? join(root, '404.html');
  response.writeHead(status, {
    ...siteHeaders,
    'content-type': TYPES[extname(body)] ?? 'application/octet-stream',
    'cache-control': 'no-cache',
  });
  createReadStream(body).pipe(response);
}).listen(port, '127.0.0.1', () => console.log(`Serving ${root} on http://127.0.0.1:${port}/`));
