/**
 * Traces on stderr when PANTAU_TRACE is set (for finding where a large file's time goes): stage
 * timings (`startStageClock`) and the steps inside a stage (`stepTracer`). Nothing is printed, and
 * nothing extra is computed, when it is not set.
 */

/** Whether PANTAU_TRACE asks for traces. Guard work done only to say something in a trace with it. */
export const tracing = (): boolean => Boolean(process.env.PANTAU_TRACE);

export interface StageClock {
  /** Prints the time since the previous lap (or since the clock started). */
  lap(label: string): void;
}

/**
 * Each lap prints wall and CPU seconds: CPU counts DuckDB's threads too (they run in this process),
 * so on a busy shared machine the CPU figure shows the work done even when the wall time is
 * stretched by other processes.
 */
export function startStageClock(): StageClock {
  let wall = performance.now();
  let cpu = process.cpuUsage();
  return {
    lap(label) {
      if (!tracing()) return;
      const used = process.cpuUsage(cpu);
      process.stderr.write(`    ${label}: ${((performance.now() - wall) / 1000).toFixed(2)} s wall, ${((used.user + used.system) / 1e6).toFixed(2)} s CPU\n`);
      wall = performance.now();
      cpu = process.cpuUsage();
    },
  };
}

/** Prints one step of a stage: `  [sdc 12.3s 456 MB] arrivals: keys made` (seconds since start, resident memory). */
export type StepTracer = (message: string) => void;

export function stepTracer(scope: string): StepTracer {
  return (message) => {
    if (!tracing()) return;
    process.stderr.write(`  [${scope} ${(performance.now() / 1000).toFixed(1)}s ${Math.round(process.memoryUsage.rss() / 2 ** 20)} MB] ${message}\n`);
  };
}
