/**
 * Serves one bench harness to Chromium: bundles `entry` (a browser module that puts its bench function on
 * globalThis) into a temporary folder with a page that loads it, and serves that folder on a free local port.
 */
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

export interface HarnessServer {
  /** The page that loads the harness. */
  readonly url: string;
  /** Stops the server and removes the bundle. */
  close(): void;
}

export async function serveHarness(entry: string, folderPrefix: string): Promise<HarnessServer> {
  const folder = mkdtempSync(join(tmpdir(), folderPrefix));
  await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    outfile: join(folder, 'harness.js'),
    logLevel: 'error',
    // Bridge.NET reads files with require('fs') only under Node; the browser never reaches it.
    external: ['fs'],
  });
  writeFileSync(
    join(folder, 'index.html'),
    '<!doctype html><meta charset="utf-8"><script type="module" src="harness.js"></script>',
  );
  const server = createServer((request, response) => {
    const file = request.url === '/harness.js' ? 'harness.js' : 'index.html';
    response.setHeader('content-type', file.endsWith('.js') ? 'text/javascript' : 'text/html');
    response.end(readFileSync(join(folder, file)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    close() {
      server.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
