// @ts-check
import { defineConfig } from 'astro/config';
import publishedData from './src/build/integrations/published-data.ts';
import sitemap from './src/build/integrations/sitemap.ts';
import serviceWorker from './src/build/integrations/service-worker.ts';

export default defineConfig({
  output: 'static',
  trailingSlash: 'ignore',
  build: { format: 'directory' },
  // The site makes no request to any other host: no toolbar, no telemetry beacons from pages.
  devToolbar: { enabled: false },
  i18n: {
    locales: ['id', 'en'],
    defaultLocale: 'id',
    routing: { prefixDefaultLocale: false },
  },
  // The service worker reads the finished dist/: keep it after the pages, before any integration that
  // compresses dist/ (so sw.js is compressed too).
  integrations: [publishedData(), sitemap(), serviceWorker()],
});
