import type { AstroIntegration } from 'astro';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const require = createRequire(import.meta.url);

/**
 * Fails the build when a scenario's reference query (or a wrong-answer query) does not parse or bind against the
 * table schemas, naming the file and the objective. The check runs in its own process (`scenario:check --static`)
 * because Kusto.Language is a Bridge.NET script that the config loader cannot bundle.
 */
export function scenarioQueries(contentRoot: string): AstroIntegration {
  return {
    name: 'sc200-scenario-queries',
    hooks: {
      'astro:build:start': ({ logger }) => {
        if (!existsSync(join(contentRoot, 'scenarios'))) return;
        const tsx = resolve(require.resolve('tsx/package.json'), '../dist/cli.mjs');
        const check = spawnSync(
          process.execPath,
          [
            tsx,
            resolve(import.meta.dirname, '../../scripts/scenarioCheck.ts'),
            '--static',
            '--content',
            contentRoot,
          ],
          { encoding: 'utf8' },
        );
        if (check.status !== 0)
          throw new Error(
            `Scenario queries do not parse or bind against the table schemas:\n${check.stderr.trim()}`,
          );
        logger.info(check.stdout.trim());
      },
    },
  };
}
