/**
 * The audit remembers each LP component's outcome between rounds. A remembered outcome must be
 * exactly what solving again gives, whatever the process audited before and whatever budget the
 * audit has: otherwise the same snapshot could publish different bytes.
 */
import { beforeEach, expect, it } from 'vitest';
import { auditFeasibleRanges, forgetSolvedComponents, type AuditProblem } from '../../scripts/anonymise/audit-feasible-ranges.ts';

/** Small deterministic PRNG for the fixtures. */
function random(seed: number): () => number {
  return () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
}

/**
 * Several independent tables of hidden cells, each published by its row and column totals:
 * one LP component per table, with cells to prove and a few that fail (small rows).
 */
function gridTables(seed: number, tables: number): AuditProblem {
  const next = random(seed);
  const truth: number[] = [];
  const equalities: Int32Array[] = [];
  const targets: Int32Array[] = [];
  for (let t = 0; t < tables; t++) {
    const [rows, cols] = [3 + Math.floor(next() * 4), 3 + Math.floor(next() * 4)];
    const first = truth.length;
    for (let i = 0; i < rows * cols; i++) truth.push(1 + Math.floor(next() * 6));
    const cell = (r: number, c: number) => first + r * cols + c;
    for (let r = 0; r < rows; r++) equalities.push(Int32Array.from({ length: cols }, (_, c) => cell(r, c)));
    for (let c = 0; c < cols; c++) equalities.push(Int32Array.from({ length: rows }, (_, r) => cell(r, c)));
    for (let i = 0; i < rows * cols; i++) targets.push(Int32Array.of(first + i));
    targets.push(Int32Array.of(cell(0, 0), cell(1, 1)));
  }
  return { truth: Float64Array.from(truth), equalities, targets, k: 5 };
}

const audit = (problem: AuditProblem, work?: number) => auditFeasibleRanges(problem, work);

beforeEach(() => forgetSolvedComponents());

it('gives the same answer, and counts the same solves, when every component is remembered', async () => {
  const problem = gridTables(7, 12);
  const fresh = await audit(problem);
  expect(fresh.lpSolves).toBeGreaterThan(0);
  expect(fresh.failing.length).toBeGreaterThan(0);
  const replayed = await audit(problem);
  expect(replayed).toEqual(fresh);
});

it('gives a problem the same answer whatever was audited before it', async () => {
  const [earlier, problem] = [gridTables(3, 12), gridTables(7, 12)];
  // `problem` shares some tables with `earlier`: the second half of its components are earlier's
  const shared: AuditProblem = {
    ...problem,
    truth: Float64Array.from([...problem.truth, ...earlier.truth]),
    equalities: [...problem.equalities, ...earlier.equalities.map((eq) => eq.map((v) => v + problem.truth.length))],
    targets: [...problem.targets, ...earlier.targets.map((t) => t.map((v) => v + problem.truth.length))],
  };
  const alone = await audit(shared);
  forgetSolvedComponents();
  await audit(earlier);
  expect(await audit(shared)).toEqual(alone);
});

it('runs out of LP budget at the same cell whether its components are remembered or not', async () => {
  const problem = gridTables(11, 12);
  const unlimited = await audit(problem);
  forgetSolvedComponents();
  // A budget too small for every component: cells left unproven count as failing. (Each component
  // with cells to prove adds 24 solves of its own to the fixed budget: a negative one cancels them.)
  const small = -340;
  const cold = await audit(problem, small);
  expect(cold.failing.some((f) => !f.proven)).toBe(true);
  expect(cold.failing.length).toBeGreaterThan(unlimited.failing.length);
  forgetSolvedComponents();
  await audit(problem);
  expect(await audit(problem, small)).toEqual(cold);
});
