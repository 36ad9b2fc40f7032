/**
 * Stage timings on stderr when PANTAU_TRACE is set (for finding where a large file's time goes).
 * Each lap prints wall and CPU seconds: CPU counts DuckDB's threads too (they run in this process),
 * so on a busy shared machine the CPU figure shows the work done even when the wall time is
 * stretched by other processes.
 */
export interface StageClock {
  /** Prints the time since the previous lap (or since the clock started). */
  lap(label: string): void;
}

export function startStageClock(): StageClock {
  let wall = performance.now();
  let cpu = process.cpuUsage();
  return {
    lap(label) {
      if (!process.env.PANTAU_TRACE) return;
      const used = process.cpuUsage(cpu);
      process.stderr.write(`    ${label}: ${((performance.now() - wall) / 1000).toFixed(2)} s wall, ${((used.user + used.system) / 1e6).toFixed(2)} s CPU\n`);
      wall = performance.now();
      cpu = process.cpuUsage();
    },
  };
}
