import { defineConfig } from 'vitest/config';

// Two projects. Tests named *.site.test.ts need the sample publication and the built site (dist/):
// the 'site' project's global setup makes both (sample data → Parquet → astro build) when they are
// missing or stale. Every other test needs nothing built and runs in the 'pipeline' project.
const shared = {
  // Pipeline runs and browser tests take seconds, not milliseconds.
  testTimeout: 120_000,
  hookTimeout: 600_000,
  pool: 'forks' as const,
};

const SITE_TESTS = ['tests/**/*.site.test.ts'];

export default defineConfig({
  test: {
    // Two test files at a time: a clean-clone run here took as long as its files added up (one at a
    // time), and much of a test's time is spent waiting on Chromium or a DuckDB child.
    maxWorkers: 2,
    projects: [
      { test: { ...shared, name: 'pipeline', include: ['tests/**/*.test.ts'], exclude: SITE_TESTS } },
      { test: { ...shared, name: 'site', include: SITE_TESTS, globalSetup: ['tests/site/global-setup.ts'] } },
    ],
  },
});
