import { createRequire } from 'node:module';
import type { Plugin } from 'vite';

const require = createRequire(import.meta.url);
const bridgeRuntime = require.resolve('@kusto/language-service-next/bridge.min.js');
const kustoLanguage = require.resolve('@kusto/language-service-next/Kusto.Language.Bridge.min.js');
const scripts = new Set([bridgeRuntime, kustoLanguage]);

/**
 * Lets the query worker and Monaco's Kusto worker share one copy of Kusto.Language (a 4 MB Bridge.NET script).
 *
 * - monaco-kusto imports the Bridge.NET runtime from its legacy package; that file differs from
 *   @kusto/language-service-next's only by its signature block, so both workers resolve to the latter.
 * - The Bridge.NET scripts test for `module`, `exports`, `define` and `require`, which makes the bundler treat them as CommonJS
 *   and defer them behind a helper of its own, different in each worker build. Run as plain scripts over
 *   `globalThis` instead, they become side-effect modules that bundle to the same bytes in both workers, so the
 *   `kusto-language` chunk (see astro.config.mjs) is one file, downloaded and cached once.
 */
export function kustoScripts(): Plugin {
  return {
    name: 'sc200-kusto-scripts',
    enforce: 'pre',
    resolveId(source) {
      if (
        source === '@kusto/language-service/bridge.min' ||
        source === '@kusto/language-service/bridge.min.js'
      ) {
        return bridgeRuntime;
      }
      return null;
    },
    transform(code, id) {
      if (!scripts.has(id)) return null;
      return {
        code: `(function (module, exports, define, require) {\n${code}\n}).call(globalThis);\n`,
        map: null,
      };
    },
  };
}
