/** Progress lines (rows/s) on an interactive terminal; silent in CI and when output is piped. */
export interface Progress {
  step(message: string): void;
  rows(label: string, rows: number, startedAt: number): void;
}

const interactive = () => Boolean(process.stderr.isTTY) && !process.env.CI;

export function createProgress(quiet = !interactive()): Progress {
  const fmt = new Intl.NumberFormat('en-US');
  return {
    step(message) {
      if (!quiet) process.stderr.write(`${message}\n`);
    },
    rows(label, rows, startedAt) {
      if (quiet) return;
      const seconds = (performance.now() - startedAt) / 1000;
      process.stderr.write(`  ${label}: ${fmt.format(rows)} rows in ${seconds.toFixed(2)} s (${fmt.format(Math.round(rows / Math.max(seconds, 1e-6)))} rows/s)\n`);
    },
  };
}
