// @ts-check
import { defineConfig } from 'astro/config';
import deployHeaders from './src/build/integrations/deploy-headers.ts';
import precompress from './src/build/integrations/precompress.ts';
import publishedData from './src/build/integrations/published-data.ts';
import sitemap from './src/build/integrations/sitemap.ts';
import serviceWorker from './src/build/integrations/service-worker.ts';

export default defineConfig({
  output: 'static',
  trailingSlash: 'ignore',
  // Every stylesheet and script is a file under /_astro/: the Content-Security-Policy allows no
  // inline code (src/build/content-security-policy.ts), so Astro must not inline small ones.
  build: { format: 'directory', inlineStylesheets: 'never' },
  vite: { build: { assetsInlineLimit: 0 } },
  // The site makes no request to any other host: no toolbar, no telemetry beacons from pages.
  devToolbar: { enabled: false },
  i18n: {
    locales: ['id', 'en'],
    defaultLocale: 'id',
    routing: { prefixDefaultLocale: false },
  },
  // The service worker reads the finished dist/ (keep it after the pages); precompress() keep last: it
  // compresses every file the integrations before it write, sw.js and sitemap.xml included.
  integrations: [publishedData(), sitemap(), serviceWorker(), deployHeaders(), precompress()],
});
