// @ts-check
import { defineConfig } from 'astro/config';
import publishedData from './src/build/integrations/published-data.ts';
import sitemap from './src/build/integrations/sitemap.ts';

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
  integrations: [publishedData(), sitemap()],
});
