/**
 * The audit of secondary suppression: for every withheld cell, how far an attacker who holds
 * everything published can narrow its value. The attacker's knowledge is a linear program:
 *
 *   variables   x_d ≥ 1      one per withheld detail cell (a published row is never zero when
 *                            withheld: zeros are shown, so a withheld cell is at least 1)
 *   equalities  Σ_{d∈t} x_d = Σ_{d∈t} x*_d     one per published total t that contains withheld
 *                            detail cells (the published detail cells are subtracted out)
 *   inequalities lo ≤ Σ a_d x_d ≤ hi            rules the cells obey across measures (findings
 *                            ≤ foreigners checked in the same cell), when given
 *
 * and every withheld cell, detail or total, is a linear function f_c(x) = Σ_{d∈c} x_d. A cell is
 * protected when max f_c − min f_c ≥ k over that polytope (the LP relaxation, as τ-Argus audits).
 *
 * The variables split into connected components (linked by shared equalities), each its own
 * small LP; a cell's range is the sum of its parts' ranges. Within a component the audit collects
 * feasible points: the true table x* and the optimum of every LP solved. Any feasible point lies
 * in the polytope, so the spread of f_c over the points found is a proven lower bound on its
 * range, and LPs are solved only for cells whose spread is still under k: max f_c, then min f_c,
 * each optimum widening every other cell's spread too. A cell still under k after its own exact
 * solves fails, and the equalities binding its maximum (non-zero duals) say which published
 * totals pin it.
 */
import { createHash } from 'node:crypto';
import loadHighs from 'highs';
import { stepTracer } from '../lib/trace.ts';

const trace = stepTracer('audit');

type Highs = Awaited<ReturnType<typeof loadHighs>>;
let highsPromise: Promise<Highs> | null = null;
const solver = (): Promise<Highs> => (highsPromise ??= loadHighs());

export interface AuditProblem {
  /** True value x*_d of each withheld detail cell (variable d). */
  truth: Float64Array;
  /** Published totals: the variables they sum (each list non-empty, no repeats). */
  equalities: Int32Array[];
  /** Withheld cells to audit: the variables they sum (may be empty: then fully determined). */
  targets: Int32Array[];
  /** Required width of each target's feasible range. */
  k: number;
  /** Linear rules the attacker knows the variables obey: lower ≤ Σ coefficients × vars ≤ upper. */
  inequalities?: Inequality[];
}

export interface Inequality { vars: Int32Array; coefficients: Float64Array; lower: number; upper: number }

export interface AuditFailure {
  /** Index into `targets`. */
  target: number;
  /** Indices into `equalities` binding the target's maximum (empty when it has no variable). */
  binding: number[];
  /** True when the range is known to be under k; false when the LP budget ran out before it was proven either way. */
  proven: boolean;
}

export interface AuditResult {
  failing: AuditFailure[];
  /** Proven lower bound on each target's range width (exact for failing targets; Infinity when unbounded). */
  width: Float64Array;
  lpSolves: number;
}

/** Tolerance for the solver's floating point: ranges are integers in exact arithmetic. */
const EPS = 1e-6;

class OutOfTime extends Error {}

/** Components with more uncertain cells than this are first pushed in batches. */
const BATCH_MIN = 20;
let batchParts: number[] = [];
/** Deterministic weights: same table, same pattern. */
function mulberry32(seed: number): () => number {
  return () => { seed = (seed + 0x6d2b79f5) | 0; let t = Math.imul(seed ^ (seed >>> 15), 1 | seed); t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t; return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
}
let batchRandom = mulberry32(20241);

interface Part { target: number; vars: Int32Array /* local indices */ }

/**
 * What the first pass learnt about one component: each part's range found, whether it was solved
 * exactly or is unbounded, the rows (by position in the component) binding its maximum, and the
 * LP work and solves it took.
 */
interface ComponentOutcome { lo: Float64Array; hi: Float64Array; exact: Uint8Array; unbounded: Uint8Array; binding: number[][]; work: number; lpSolves: number }

/**
 * First-pass outcomes by component content. Secondary suppression audits again after every
 * round, and a round changes a few components: the others are the same LPs with the same
 * answers. The first pass over a component is a function of its content alone (its batch weights
 * are seeded per component), so a remembered outcome is exactly what solving again would give;
 * its work and solves are still counted, so the budget and the counts in the manifest do not
 * depend on what this process audited before.
 */
const solvedComponents = new Map<string, ComponentOutcome>();
const SOLVED_COMPONENTS_MAX = 20_000;

/** Forgets every remembered component (for tests that compare a fresh audit with a replayed one). */
export function forgetSolvedComponents(): void {
  solvedComponents.clear();
}

/**
 * LP work each component with cells to prove may use, in solves of its own size, on top of the
 * fixed budget: many components (20 M arrival rows give a dozen of ~800 variables) each get the
 * few batches they need, instead of sharing one budget that left most of their cells unproven.
 */
const SOLVES_PER_COMPONENT = 24;

async function auditByLinearPrograms(problem: AuditProblem, fixedWork: number): Promise<AuditResult> {
  let work = 0;
  const { truth, equalities, targets, k } = problem;
  const n = truth.length;
  // The LP's rows: the published totals (equalities, the first rows), then the inequalities.
  const inequalities = problem.inequalities ?? [];
  const rows: Int32Array[] = [...equalities, ...inequalities.map((i) => i.vars)];
  const coefficientsOf = (r: number): Float64Array | null => (r < equalities.length ? null : inequalities[r - equalities.length]!.coefficients);
  const equalityRhs = equalities.map((eq) => eq.reduce((acc, v) => acc + truth[v]!, 0));
  const rowLo = Float64Array.from([...equalityRhs, ...inequalities.map((i) => i.lower)]);
  const rowHi = Float64Array.from([...equalityRhs, ...inequalities.map((i) => i.upper)]);
  // Union-find over variables sharing a row.
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => { while (parent[i] !== i) { parent[i] = parent[parent[i]!]!; i = parent[i]!; } return i; };
  // A variable in no row at all is free above; one in an inequality only is left to the LP.
  const constrained = new Uint8Array(n);
  for (const row of rows) for (let i = 0; i < row.length; i++) { constrained[row[i]!] = 1; if (i > 0) { const a = find(row[0]!), b = find(row[i]!); if (a !== b) parent[a] = b; } }
  const compOf = new Int32Array(n);
  const local = new Int32Array(n);
  const compVars: number[][] = [];
  const rootIndex = new Map<number, number>();
  for (let v = 0; v < n; v++) {
    const r = find(v);
    let c = rootIndex.get(r);
    if (c === undefined) { c = compVars.length; rootIndex.set(r, c); compVars.push([]); }
    compOf[v] = c; local[v] = compVars[c]!.length; compVars[c]!.push(v);
  }
  const compEqs: number[][] = compVars.map(() => []);
  rows.forEach((row, i) => compEqs[compOf[row[0]!]!]!.push(i));

  const width = new Float64Array(targets.length);
  const unbounded = new Uint8Array(targets.length);
  const parts: Part[][] = compVars.map(() => []);
  const partsOfTarget: { comp: number; index: number }[][] = targets.map(() => []);
  targets.forEach((vars, t) => {
    const byComp = new Map<number, number[]>();
    for (const v of vars) {
      // A variable in no published total is free: the cell is unbounded above.
      if (!constrained[v]) { unbounded[t] = 1; continue; }
      const c = compOf[v]!;
      (byComp.get(c) ?? byComp.set(c, []).get(c)!).push(local[v]!);
    }
    if (unbounded[t]) return;
    for (const [c, vs] of byComp) { partsOfTarget[t]!.push({ comp: c, index: parts[c]!.length }); parts[c]!.push({ target: t, vars: Int32Array.from(vs) }); }
  });

  const solveCost = (c: number) => (compVars[c]!.length * compVars[c]!.length) / 1000 + 1;
  const maxWork = fixedWork + SOLVES_PER_COMPONENT * parts.reduce((total, p, c) => total + (p.length > 0 ? solveCost(c) : 0), 0);

  const highs = await solver();
  let lpSolves = 0;
  const partLo: Float64Array[] = parts.map((p) => new Float64Array(p.length));
  const partHi: Float64Array[] = parts.map((p) => new Float64Array(p.length));
  const partExact: Uint8Array[] = parts.map((p) => new Uint8Array(p.length));
  const partUnbounded: Uint8Array[] = parts.map((p) => new Uint8Array(p.length));
  const bindingOf = new Map<number, number[]>();
  const sum = (x: Float64Array, vars: Int32Array) => { let s = 0; for (let i = 0; i < vars.length; i++) s += x[vars[i]!]!; return s; };
  const targetWidth = (t: number) => {
    if (unbounded[t]) return Infinity;
    let w = 0;
    for (const { comp, index } of partsOfTarget[t]!) w += partUnbounded[comp]![index] ? Infinity : partHi[comp]![index]! - partLo[comp]![index]!;
    return w;
  };

  /** Runs `use` with component c's LP (rows: its published totals), then frees it. */
  const withModel = (c: number, use: (extreme: (p: number, sense: 'maximize' | 'minimize') => boolean) => void) => {
    const vars = compVars[c]!;
    const ps = parts[c]!;
    const lo = partLo[c]!, hi = partHi[c]!;
    const eqs = compEqs[c]!;
    const starts = new Int32Array(eqs.length + 1);
    for (let r = 0; r < eqs.length; r++) starts[r + 1] = starts[r]! + rows[eqs[r]!]!.length;
    const indices = new Int32Array(starts[eqs.length]!);
    const values = new Float64Array(indices.length).fill(1);
    for (let r = 0; r < eqs.length; r++) {
      const row = rows[eqs[r]!]!;
      const coefficients = coefficientsOf(eqs[r]!);
      for (let i = 0; i < row.length; i++) { indices[starts[r]! + i] = local[row[i]!]!; if (coefficients) values[starts[r]! + i] = coefficients[i]!; }
    }
    const bound = (x: number) => (x === Infinity ? highs.infinity : x === -Infinity ? -highs.infinity : x);
    const rowLower = Float64Array.from(eqs, (e) => bound(rowLo[e]!));
    const rowUpper = Float64Array.from(eqs, (e) => bound(rowHi[e]!));
    const model = highs.createModel({
      numCols: vars.length, numRows: eqs.length,
      colCost: new Float64Array(vars.length), colLower: new Float64Array(vars.length).fill(1), colUpper: new Float64Array(vars.length).fill(highs.infinity),
      rowLower, rowUpper,
      matrix: { format: 'csr', numRows: eqs.length, numCols: vars.length, starts, indices, values },
    });
    try {
      model.options.set({ output_flag: false });
      let costed: Int32Array | null = null;
      const widenAll = (x: Float64Array) => { for (let q = 0; q < ps.length; q++) { const v = sum(x, ps[q]!.vars); if (v < lo[q]!) lo[q] = v; if (v > hi[q]!) hi[q] = v; } };
      /** Pushes many cells at once: objective Σ w_p f_p over the given parts, random weights. */
      const batch = (selected: number[], sense: 'maximize' | 'minimize', random: () => number) => {
        if (work >= maxWork) throw new OutOfTime();
        work += solveCost(c);
        const cost = new Float64Array(vars.length);
        for (const p of selected) { const w = 0.5 + random(); for (const v of ps[p]!.vars) cost[v] = cost[v]! + w; }
        model.changeColsCost({ kind: 'range', from: 0, to: vars.length - 1 }, cost);
        costed = Int32Array.from({ length: vars.length }, (_, i) => i);
        model.changeObjectiveSense(highs.constants.objectiveSense[sense]);
        model.run();
        lpSolves += 1;
        if (model.getModelStatus() === highs.constants.modelStatus.optimal) widenAll(model.getSolution().colValue);
      };
      use((p, sense) => {
        if (p < 0) {
          // batch mode: p = −1 maximise, −2 minimise the parts listed in batchParts
          batch(batchParts, sense, batchRandom);
          return true;
        }
        if (work >= maxWork) throw new OutOfTime();
        work += solveCost(c);
        const pv = ps[p]!.vars;
        if (costed) model.changeColsCost({ kind: 'set', indices: costed }, new Float64Array(costed.length));
        model.changeColsCost({ kind: 'set', indices: pv }, new Float64Array(pv.length).fill(1));
        costed = pv;
        model.changeObjectiveSense(highs.constants.objectiveSense[sense]);
        model.run();
        lpSolves += 1;
        const status = model.getModelStatus();
        if (status === highs.constants.modelStatus.unbounded || status === highs.constants.modelStatus.unboundedOrInfeasible) return false;
        if (status !== highs.constants.modelStatus.optimal) throw new Error(`disclosure audit: LP solver ended with model status ${status}`);
        const solution = model.getSolution();
        // every optimum is a feasible point: it widens every part of this component
        widenAll(solution.colValue);
        if (sense === 'maximize') {
          const binding = bindingOf.get(ps[p]!.target) ?? [];
          // published totals only: a rule between measures is not a cell that can be withheld
          solution.rowDual.forEach((d, r) => { if (Math.abs(d) > EPS && eqs[r]! < equalities.length) binding.push(eqs[r]!); });
          bindingOf.set(ps[p]!.target, binding);
        }
        return true;
      });
    } finally {
      model.dispose();
    }
  };
  const exactPart = (c: number, p: number, extreme: (p: number, sense: 'maximize' | 'minimize') => boolean) => {
    if (partExact[c]![p]) return;
    if (extreme(p, 'maximize')) extreme(p, 'minimize');
    else partUnbounded[c]![p] = 1;
    partExact[c]![p] = 1;
  };

  try {
  /** A component's content: everything its first pass reads. */
  const contentOf = (c: number): string => {
    const hash = createHash('sha256');
    hash.update(`k ${k}\nvars ${compVars[c]!.map((v) => truth[v]).join(',')}\n`);
    for (const e of compEqs[c]!) hash.update(`row ${Array.from(rows[e]!, (v) => local[v]).join(',')} ${coefficientsOf(e)?.join(',') ?? ''} ${rowLo[e]} ${rowHi[e]}\n`);
    for (const part of parts[c]!) hash.update(`part ${part.vars.join(',')} ${partsOfTarget[part.target]!.length === 1}\n`);
    return hash.digest('hex');
  };

  // Pass 1, per component: the true table is the first point; cells lying in this component
  // alone are certified from the points, or solved exactly.
  for (let c = 0; c < compVars.length; c++) {
    const ps = parts[c]!;
    if (ps.length === 0) continue;
    for (let p = 0; p < ps.length; p++) partLo[c]![p] = partHi[c]![p] = sum(truth, Int32Array.from(ps[p]!.vars, (l) => compVars[c]![l]!));
    const needed = ps.some((part) => partsOfTarget[part.target]!.length === 1 && targetWidth(part.target) < k - EPS);
    if (!needed) continue;
    const content = contentOf(c);
    const known = solvedComponents.get(content);
    // A remembered outcome is used only where the budget would have let it finish.
    if (known && work + known.work <= maxWork) {
      partLo[c]!.set(known.lo); partHi[c]!.set(known.hi); partExact[c]!.set(known.exact); partUnbounded[c]!.set(known.unbounded);
      known.binding.forEach((positions, p) => { if (positions.length > 0) bindingOf.set(ps[p]!.target, [...(bindingOf.get(ps[p]!.target) ?? []), ...positions.map((r) => compEqs[c]![r]!)]); });
      work += known.work;
      lpSolves += known.lpSolves;
      continue;
    }
    const [workBefore, solvesBefore] = [work, lpSolves];
    const bindingBefore = ps.map((part) => bindingOf.get(part.target)?.length ?? 0);
    batchRandom = mulberry32(20241);
    withModel(c, (extreme) => {
      // Large components: first push all uncertain cells up, then down, together (random weights),
      // while that keeps certifying cells; then one cell at a time.
      const vars = compVars[c]!;
      const uncertain = () => ps.flatMap((part, p) => (partsOfTarget[part.target]!.length === 1 && targetWidth(part.target) < k - EPS ? [p] : []));
      let open = uncertain();
      for (let round = 0; open.length > BATCH_MIN && round < 50; round++) {
        batchParts = open;
        extreme(-1, 'maximize');
        extreme(-2, 'minimize');
        const next = uncertain();
        trace(`component ${c} (${vars.length} vars, ${ps.length} cells): batch ${round}, ${next.length} uncertain`);
        if (next.length > open.length * 0.9) { open = next; break; }
        open = next;
      }
      for (let p = 0; p < ps.length; p++) {
        const t = ps[p]!.target;
        if (partsOfTarget[t]!.length !== 1 || targetWidth(t) >= k - EPS) continue;
        if (!extreme(p, 'maximize')) { partUnbounded[c]![p] = 1; partExact[c]![p] = 1; continue; }
        if (targetWidth(t) >= k - EPS) continue;
        extreme(p, 'minimize');
        partExact[c]![p] = 1;
      }
    });
    if (solvedComponents.size >= SOLVED_COMPONENTS_MAX) solvedComponents.clear();
    const position = new Map(compEqs[c]!.map((e, r) => [e, r]));
    solvedComponents.set(content, {
      lo: partLo[c]!.slice(), hi: partHi[c]!.slice(), exact: partExact[c]!.slice(), unbounded: partUnbounded[c]!.slice(),
      binding: ps.map((part, p) => (bindingOf.get(part.target) ?? []).slice(bindingBefore[p]).map((e) => position.get(e)!)),
      work: work - workBefore, lpSolves: lpSolves - solvesBefore,
    });
  }
  // Pass 2: cells spanning several components whose summed spread is still under k get every
  // part solved exactly (a sum of independent parts ranges over the sum of their ranges).
  const todo = new Map<number, number[]>();
  for (let t = 0; t < targets.length; t++) {
    if (partsOfTarget[t]!.length <= 1 || targetWidth(t) >= k - EPS) continue;
    for (const { comp, index } of partsOfTarget[t]!) (todo.get(comp) ?? todo.set(comp, []).get(comp)!).push(index);
  }
  for (const [c, ps] of todo) withModel(c, (extreme) => { for (const p of ps) exactPart(c, p, extreme); });
  } catch (error) {
    // Out of LP solves: every cell not proven yet counts as failing (more cells get withheld).
    if (!(error instanceof OutOfTime)) throw error;
  }

  const failing: AuditFailure[] = [];
  for (let t = 0; t < targets.length; t++) {
    width[t] = targetWidth(t);
    const exact = partsOfTarget[t]!.every(({ comp, index }) => partExact[comp]![index]);
    if (width[t]! < k - EPS) failing.push({ target: t, binding: bindingOf.get(t) ?? [], proven: exact });
  }
  return { failing, width, lpSolves };
}


/**
 * LP work per audit (Σ over solves of (component variables)² / 1000, roughly proportional to solver
 * time) before the cells not proven yet count as failing and get more cells withheld beside them.
 * A count, not a time, so the same snapshot always gives the same pattern.
 */
export const LP_WORK = Number(process.env.PANTAU_SDC_LP_WORK ?? 30_000);

/**
 * The audit: cheap proofs first, LPs for the rest.
 * - cells with the same hidden detail rows are one question (a month total over one hidden row is
 *   that row);
 * - a cell containing a hidden row in no published total is unbounded;
 * - hidden rows lying in exactly the same published totals can trade any amount between them
 *   without changing a published figure: a cell holding some but not all of such a group ranges
 *   over at least the group's sum minus its size (each row stays ≥ 1);
 * - a published total containing all of a cell's hidden rows whose hidden rows sum to less than
 *   k + their number caps the cell's range below k: it fails, bound by that total, with no LP.
 */
export async function auditFeasibleRanges(problem: AuditProblem, maxWork = LP_WORK): Promise<AuditResult> {
  const { truth, equalities, targets, k } = problem;
  const n = truth.length;
  const width = new Float64Array(targets.length);
  const failing: AuditFailure[] = [];
  // one question per distinct set of hidden rows
  const uniqueIndex = new Map<string, number>();
  const unique: Int32Array[] = [];
  const asked = targets.map((vars) => {
    const key = vars.join(',');
    let u = uniqueIndex.get(key);
    if (u === undefined) { u = unique.length; uniqueIndex.set(key, u); unique.push(vars); }
    return u;
  });
  const equalitiesOf: number[][] = Array.from({ length: n }, () => []);
  equalities.forEach((eq, e) => { for (const v of eq) equalitiesOf[v]!.push(e); });
  // Rows trade value freely only within the same equalities and the same inequality terms.
  const inequalityTerms: string[][] = Array.from({ length: n }, () => []);
  (problem.inequalities ?? []).forEach((ineq, i) => ineq.vars.forEach((v, j) => inequalityTerms[v]!.push(`${i}:${ineq.coefficients[j]}`)));
  const signature = equalitiesOf.map((es, v) => `${es.join(',')}|${inequalityTerms[v]!.join(',')}`);
  const groupOf = new Map<string, number>();
  const group = new Int32Array(n);
  const groupSlack: number[] = [];
  const groupSize: number[] = [];
  for (let v = 0; v < n; v++) {
    let g = groupOf.get(signature[v]!);
    if (g === undefined) { g = groupSlack.length; groupOf.set(signature[v]!, g); groupSlack.push(0); groupSize.push(0); }
    group[v] = g; groupSlack[g] = groupSlack[g]! + truth[v]! - 1; groupSize[g] = groupSize[g]! + 1;
  }
  const rhs = equalities.map((eq) => eq.reduce((acc, v) => acc + truth[v]!, 0));
  const uniqueWidth = new Float64Array(unique.length);
  const uniqueBinding: number[][] = unique.map(() => []);
  const uniqueProven = new Uint8Array(unique.length).fill(1);
  const open: number[] = [];
  unique.forEach((vars, u) => {
    if (vars.length === 0) { uniqueWidth[u] = 0; return; }
    if (vars.some((v) => equalitiesOf[v]!.length === 0 && inequalityTerms[v]!.length === 0)) { uniqueWidth[u] = Infinity; return; }
    // an inequality can bound a cell left free by the totals: the LP decides
    if (vars.some((v) => equalitiesOf[v]!.length === 0)) { open.push(u); return; }
    const inTarget = new Map<number, number>();
    for (const v of vars) inTarget.set(group[v]!, (inTarget.get(group[v]!) ?? 0) + 1);
    let best = 0;
    for (const [g, c] of inTarget) if (c < groupSize[g]!) best = Math.max(best, groupSlack[g]!);
    if (best >= k - EPS) { uniqueWidth[u] = best; return; }
    const inVars = new Set(vars);
    const tight = equalitiesOf[vars[0]!]!.filter((e) => rhs[e]! - equalities[e]!.length < k - EPS && vars.every((v) => equalitiesOf[v]!.includes(e)));
    if (tight.length > 0 && inVars.size > 0) { uniqueWidth[u] = Math.min(...tight.map((e) => rhs[e]! - equalities[e]!.length)); uniqueBinding[u] = tight; return; }
    open.push(u);
  });
  let lpSolves = 0;
  if (open.length > 0) {
    const lp = await auditByLinearPrograms({ ...problem, targets: open.map((u) => unique[u]!) }, maxWork);
    lpSolves = lp.lpSolves;
    open.forEach((u, i) => { uniqueWidth[u] = lp.width[i]!; });
    for (const f of lp.failing) { uniqueBinding[open[f.target]!] = f.binding; uniqueProven[open[f.target]!] = f.proven ? 1 : 0; }
  }
  targets.forEach((_, t) => {
    width[t] = uniqueWidth[asked[t]!]!;
    if (width[t]! < k - EPS) failing.push({ target: t, binding: uniqueBinding[asked[t]!]!, proven: uniqueProven[asked[t]!] === 1 });
  });
  return { failing, width, lpSolves };
}
