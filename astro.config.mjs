// @ts-check
import { defineConfig } from 'astro/config';
import react from '@astrojs/react';
import starlight from '@astrojs/starlight';
import { serviceWorker } from './src/integrations/serviceWorker.ts';
import { kustoScripts } from './src/integrations/kustoScripts.ts';
import { scenarioQueries } from './src/integrations/scenarioQueries.ts';
import { contentSecurityPolicyIntegration } from './src/integrations/contentSecurityPolicy.ts';

// A test builds a folder of broken fixtures (SC200_CONTENT_DIR) to check the build's error messages;
// that build must not write over the real dist/ or content cache.
const fixtureBuild = process.env.SC200_CONTENT_DIR !== undefined;

export default defineConfig({
  output: 'static',
  ...(fixtureBuild ? { outDir: process.env.SC200_OUT_DIR, cacheDir: process.env.SC200_CACHE_DIR } : {}),
  site: 'http://127.0.0.1:4321',
  trailingSlash: 'ignore',
  server: { host: '127.0.0.1', port: Number(process.env.PORT ?? 4321) },
  vite: {
    // The query worker and Monaco's Kusto worker both need Kusto.Language (4 MB). As ES-module workers, each puts it
    // in a chunk of its own with identical bytes, hence one file and one download for both (src/integrations/kustoScripts.ts).
    plugins: [kustoScripts()],
    worker: {
      format: 'es',
      plugins: () => [kustoScripts()],
      rolldownOptions: {
        output: {
          codeSplitting: {
            groups: [
              {
                name: 'kusto-language',
                test: /kustoGlobal|@kusto[\\/]language-service-next[\\/](bridge|Kusto\.Language\.Bridge)\.min\.js/,
              },
            ],
          },
        },
      },
    },
    optimizeDeps: {
      include: [
        '@kusto/monaco-kusto',
        '@kusto/monaco-kusto/release/esm/kusto.worker.js',
        'monaco-editor/esm/vs/editor/edcore.main.js',
        'monaco-editor/esm/vs/editor/editor.worker.js',
        'echarts/core',
        'echarts/charts',
        'echarts/components',
        'echarts/renderers',
      ],
    },
  },
  integrations: [
    starlight({
      title: 'SC-200 Lab',
      description:
        'Study and practise the Microsoft SC-200 exam offline: lessons, knowledge checks, a KQL lab and a simulated AKS cluster.',
      disable404Route: true,
      favicon: '/icons/icon.svg',
      components: {
        Head: './src/components/Head.astro',
        MarkdownContent: './src/components/checks/MarkdownContent.astro',
      },
      sidebar: [
        {
          label: 'Module 4.7 · Defender for Containers',
          items: [{ autogenerate: { directory: 'modules' } }],
        },
        {
          label: 'Practise',
          items: [
            { label: 'Investigations', link: '/scenarios/' },
            { label: 'KQL lab', link: '/lab/' },
            { label: 'Live cluster', link: '/cluster/' },
            { label: 'Portal views', link: '/portal/' },
            { label: 'Datasets', link: '/datasets/' },
            { label: 'Review queue', link: '/review/' },
            { label: 'Practice exam', link: '/exam/' },
            { label: 'Your progress', link: '/progress/' },
          ],
        },
      ],
      customCss: ['./src/styles/site.css'],
    }),
    react(),
    scenarioQueries(process.env.SC200_CONTENT_DIR ?? './content'),
    // Before the service worker: its precache records each page's bytes, CSP <meta> included.
    contentSecurityPolicyIntegration(),
    serviceWorker(),
  ],
});
