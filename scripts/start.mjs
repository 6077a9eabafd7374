// `npm start`: builds the site and serves the production build on 127.0.0.1 (port 4321, or PORT), with its headers.
import { spawnSync, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const astro = fileURLToPath(new URL('../node_modules/astro/bin/astro.mjs', import.meta.url));
const port = process.env.PORT ?? '4321';

const build = spawnSync(process.execPath, [astro, 'build'], { stdio: 'inherit' });
if (build.status !== 0) {
  console.error('\nThe build failed (see the messages above); nothing was started.');
  process.exit(build.status ?? 1);
}

// The site's own static server, not `astro preview`: it sends the Content-Security-Policy header the build wrote.
const serveDist = fileURLToPath(new URL('./serveDist.mjs', import.meta.url));
const server = spawn(process.execPath, [serveDist, 'dist', port], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
