// @ts-check
import { defineConfig } from 'astro/config';
import react from '@astrojs/react';
import starlight from '@astrojs/starlight';
import { serviceWorker } from './src/integrations/serviceWorker.ts';

export default defineConfig({
  output: 'static',
  site: 'http://127.0.0.1:4321',
  trailingSlash: 'ignore',
  server: { host: '127.0.0.1', port: Number(process.env.PORT ?? 4321) },
  integrations: [
    starlight({
      title: 'SC-200 Lab',
      description:
        'Study and practise the Microsoft SC-200 exam offline: lessons, knowledge checks, a KQL lab and a simulated AKS cluster.',
      disable404Route: true,
      favicon: '/icons/icon.svg',
      components: {
        Head: './src/components/Head.astro',
      },
      sidebar: [
        {
          label: 'Module 4.7 · Defender for Containers',
          items: [{ autogenerate: { directory: 'modules' } }],
        },
      ],
      customCss: ['./src/styles/site.css'],
    }),
    react(),
    serviceWorker(),
  ],
});
