import { defineConfig } from 'vitest/config';

// Two projects: the pipeline tests need nothing built; the site tests run against dist/, which
// their global setup builds (sample data → Parquet → astro build) when it is missing or stale.
const shared = {
  // Pipeline runs and browser tests take seconds, not milliseconds.
  testTimeout: 120_000,
  hookTimeout: 600_000,
  pool: 'forks' as const,
};

export default defineConfig({
  test: {
    projects: [
      { test: { ...shared, name: 'pipeline', include: ['tests/**/*.test.ts'], exclude: ['tests/site/**'] } },
      { test: { ...shared, name: 'site', include: ['tests/site/**/*.test.ts'], globalSetup: ['tests/site/global-setup.ts'] } },
    ],
  },
});
