/**
 * 免申即享 matching: P policies (generated variations of the 31 sample policies: per city, with
 * thresholds and amounts scaled) × N synthetic enterprises (columnar, in memory), full match by
 * the compiled engine (with its city/industry index) beside a HAND-WRITTEN JS baseline of the
 * same rules (one function per sample kind, parameterised by the variation, bucketed by city),
 * in the same run. Both must produce the same eligible / needs-data counts, total and checksum.
 *
 *   npm run bench -- policies [--json] [--enterprises 1000000] [--policies 900] [--rounds 2]
 *
 * The best round of each side is reported. Then one enterprise (encode its attributes + match
 * against every policy through the index), averaged over 2,000 random enterprises.
 */

import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import {
  ATTR_INDEX,
  dayNumber,
  industryRange,
  yearsBefore,
} from "../server/modules/enterprises/attributes.ts";
import { syntheticEnterprise } from "../server/modules/enterprises/synthetic.ts";
import type { DecisionTable } from "../server/modules/policies/decision-table.ts";
import {
  type CompiledPolicy,
  compilePolicy,
  INDUSTRY_COL,
  matchFrame,
  newFrame,
  newOut,
  type Out,
  PolicySet,
  REGION_COL,
  setRow,
} from "../server/modules/policies/engine.ts";
import { roundHalfUp as R } from "../server/modules/policies/formula.ts";
import { SAMPLE_EVAL_DATE, SAMPLE_POLICIES } from "../server/modules/policies/samples.ts";
import { checkTable } from "../server/modules/policies/validate-table.ts";
import { mulberry32 } from "../server/platform/seeded-random.ts";
import type { BenchResult } from "./run.ts";

const CITIES = [
  "2101",
  "2102",
  "2103",
  "2104",
  "2105",
  "2106",
  "2107",
  "2108",
  "2109",
  "2110",
  "2111",
  "2112",
  "2113",
  "2114",
];
const F = [1, 0.8, 1.25, 0.9, 1.1];
const G = [1, 0.5, 0.8, 1.2, 1.5];

interface Variant {
  id: string;
  sample: number;
  city: string | null;
  f: number;
  g: number;
  table: DecisionTable;
}

/** Thresholds scaled the same way on both sides. */
const scale = (n: number, f: number) => Math.round(n * f * 100) / 100;

/** Variation `k` of the samples: sample k mod 31; after the first round, moved to a city, scaled. */
export function variants(count: number): Variant[] {
  const out: Variant[] = [];
  for (let k = 0; k < count; k++) {
    const sample = k % SAMPLE_POLICIES.length;
    const round = Math.floor(k / SAMPLE_POLICIES.length);
    const base = SAMPLE_POLICIES[sample]!.table;
    const f = round === 0 ? 1 : F[round % F.length]!;
    const g = round === 0 ? 1 : G[(round * 3) % G.length]!;
    const regionCol = base.inputs.findIndex((i) => i.attribute === "regionCode");
    const city =
      round === 0
        ? regionCol >= 0
          ? (base.rules[0]!.when[regionCol] as string)
          : null
        : CITIES[(round - 1) % CITIES.length]!;
    const numberCols = new Set(
      base.inputs.map((inp, c) =>
        ["regionCode", "industryCode", "sizeClass", "specialized", "taxCredit"].includes(inp.attribute) ||
        /On$|Since$/.test(inp.attribute) ||
        ["highTech", "exporter", "aboveScale"].includes(inp.attribute)
          ? -1
          : c,
      ),
    );
    const inputs = regionCol < 0 && round > 0 ? [{ attribute: "regionCode" }, ...base.inputs] : base.inputs;
    const rules = base.rules.map((r) => {
      const when = r.when.map((cell, c) =>
        c === regionCol && city
          ? city
          : numberCols.has(c)
            ? cell.replace(/\d+(\.\d+)?/g, (m) => String(scale(Number(m), f)))
            : cell,
      );
      return {
        ...r,
        when: regionCol < 0 && round > 0 ? [city as string, ...when] : when,
        amount: g === 1 ? r.amount : `(${r.amount}) * ${g}`,
      };
    });
    out.push({ id: `v${k}`, sample, city, f, g, table: { ...base, inputs, rules, tests: [] } });
  }
  return out;
}

// ---- the hand-written baseline ----

const col = (k: string) => ATTR_INDEX.get(k) as number;
const C = {
  region: col("regionCode"),
  industry: col("industryCode"),
  size: col("sizeClass"),
  founded: col("foundedOn"),
  capital: col("registeredCapital"),
  employees: col("employees"),
  insured: col("insuredEmployees"),
  revenue: col("revenue"),
  rdSpend: col("rdSpend"),
  rdRatio: col("rdRatio"),
  highTech: col("highTech"),
  htOn: col("highTechCertifiedOn"),
  spec: col("specialized"),
  tax: col("taxCredit"),
  exporter: col("exporter"),
  exportValue: col("exportValue"),
  premium: col("exportInsurancePremium"),
  newHires: col("newHires"),
  uip: col("unemploymentInsurancePaid"),
  layoff: col("layoffRate"),
  above: col("aboveScale"),
  aboveSince: col("aboveScaleSince"),
  sixTwo: col("sixTaxesTwoFees"),
};
/** tri-state: 1 holds, 0 fails, 2 unknown */
const T = (v: number, ok: boolean): number => (Number.isNaN(v) ? 2 : ok ? 1 : 0);
/** Tri-state AND of up to five conditions (fixed arity: no allocation per call). */
function and(a: number, b = 1, c = 1, d = 1, e = 1): number {
  if (a === 0 || b === 0 || c === 0 || d === 0 || e === 0) return 0;
  return a === 2 || b === 2 || c === 2 || d === 2 || e === 2 ? 2 : 1;
}
const inR = (v: number, r: [number, number]) => v >= r[0] && v < r[1];
const IND = (...ps: string[]) => ps.map(industryRange);
const inAny = (v: number, rs: [number, number][]) => rs.some((r) => v >= r[0] && v < r[1]);

type Fn = (c: Float64Array[], i: number, o: Out) => void;
function grant(o: Out, s: number, amount: number, g: number) {
  if (s !== 1) {
    o.s = s === 2 ? 2 : 0;
    return;
  }
  if (Number.isNaN(amount)) {
    o.s = 2;
    return;
  }
  o.s = 1;
  o.a = R(amount * g, 2);
}
/** UNIQUE over rules: states and amounts (evaluated lazily). */
function unique(o: Out, states: number[], amounts: (() => number)[], g: number) {
  const hit = states.indexOf(1);
  if (hit >= 0) return grant(o, 1, (amounts[hit] as () => number)(), g);
  o.s = states.includes(2) ? 2 : 0;
}

/** One hand-written function per sample kind, by the sample's position in SAMPLE_POLICIES. */
function baselineFactory(v: Variant, evalIso: string): Fn {
  const { f, g } = v;
  const t = (n: number) => scale(n, f);
  const today = dayNumber(evalIso);
  const within = (years: number) => {
    const lo = yearsBefore(evalIso, years);
    return (d: number) => d >= lo && d <= today;
  };
  const w1 = within(1);
  const w2 = within(2);
  const w3 = within(3);
  const rg: [number, number] | null = v.city ? [Number(v.city) * 100, Number(v.city) * 100 + 100] : null;
  const region = (c: Float64Array[], i: number) => (rg ? T(c[C.region]![i]!, inR(c[C.region]![i]!, rg)) : 1);
  const BCD = IND("B", "C", "D");
  const GILM = IND("G", "I", "L", "M");
  const CIM = IND("C", "I", "M");
  const indC = IND("C");
  const I65 = IND("I65");
  const secR = IND("R");
  const secA = IND("A");
  const secH = IND("H");
  const G54 = IND("G54");
  const secE = IND("E");
  const I6465 = IND("I64", "I65");
  const G5589 = IND("G55", "G58", "G59");
  const fns: Fn[] = [
    // 0 high-tech R&D bonus
    (c, i, o) => {
      const s = and(
        region(c, i),
        T(c[C.highTech]![i]!, c[C.highTech]![i] === 1),
        T(c[C.rdRatio]![i]!, c[C.rdRatio]![i]! >= t(5)),
        T(c[C.tax]![i]!, c[C.tax]![i]! <= 2),
      );
      grant(o, s, s === 1 ? Math.min(c[C.rdSpend]![i]! * 0.1, 500000) : 0, g);
    },
    // 1, 2 first high-tech certification (Shenyang 300k, Dalian 200k)
    (c, i, o) =>
      grant(
        o,
        and(
          region(c, i),
          T(c[C.highTech]![i]!, c[C.highTech]![i] === 1),
          T(c[C.htOn]![i]!, w1(c[C.htOn]![i]!)),
        ),
        300000,
        g,
      ),
    (c, i, o) =>
      grant(
        o,
        and(
          region(c, i),
          T(c[C.highTech]![i]!, c[C.highTech]![i] === 1),
          T(c[C.htOn]![i]!, w1(c[C.htOn]![i]!)),
        ),
        200000,
        g,
      ),
    // 3 job stabilisation refund
    (c, i, o) => {
      const r0 = region(c, i);
      const size = c[C.size]![i]!;
      const lay = c[C.layoff]![i]!;
      const ins = c[C.insured]![i]!;
      const uip = c[C.uip]![i]!;
      unique(
        o,
        [
          and(r0, T(size, size === 0), T(lay, lay <= t(5.5))),
          and(r0, T(size, size >= 1 && size <= 3), T(lay, lay <= t(5.5))),
          and(
            r0,
            T(size, size >= 1 && size <= 3),
            T(lay, lay > t(5.5) && lay <= t(20)),
            T(ins, ins <= t(30)),
          ),
        ],
        [() => uip * 0.3, () => uip * 0.6, () => uip * 0.6],
        g,
      );
    },
    // 4 six taxes two fees halving
    (c, i, o) => {
      const size = c[C.size]![i]!;
      grant(o, and(region(c, i), T(size, size === 2 || size === 3)), R(c[C.sixTwo]![i]! * 0.5, 2), g);
    },
    // 5 first above-scale industry
    (c, i, o) =>
      grant(
        o,
        and(
          region(c, i),
          T(c[C.industry]![i]!, inAny(c[C.industry]![i]!, BCD)),
          T(c[C.above]![i]!, c[C.above]![i] === 1),
          T(c[C.aboveSince]![i]!, w1(c[C.aboveSince]![i]!)),
        ),
        100000,
        g,
      ),
    // 6 first above-scale services
    (c, i, o) =>
      grant(
        o,
        and(
          region(c, i),
          T(c[C.industry]![i]!, inAny(c[C.industry]![i]!, GILM)),
          T(c[C.above]![i]!, c[C.above]![i] === 1),
          T(c[C.aboveSince]![i]!, w1(c[C.aboveSince]![i]!)),
        ),
        50000,
        g,
      ),
    // 7 specialised (专精特新) award
    (c, i, o) => {
      const r0 = region(c, i);
      const sp = c[C.spec]![i]!;
      unique(o, [and(r0, T(sp, sp === 2)), and(r0, T(sp, sp === 1))], [() => 1000000, () => 300000], g);
    },
    // 8 new-hire subsidy
    (c, i, o) => {
      const size = c[C.size]![i]!;
      const nh = c[C.newHires]![i]!;
      grant(
        o,
        and(region(c, i), T(size, size === 2 || size === 3), T(nh, nh >= t(1))),
        Math.min(nh * 1000, 50000),
        g,
      );
    },
    // 9 export credit insurance
    (c, i, o) => {
      const p = c[C.premium]![i]!;
      grant(
        o,
        and(region(c, i), T(c[C.exporter]![i]!, c[C.exporter]![i] === 1), T(p, p > t(0))),
        Math.min(p * 0.5, 2000000),
        g,
      );
    },
    // 10 export growth (Dalian)
    (c, i, o) => {
      const ev = c[C.exportValue]![i]!;
      grant(o, and(region(c, i), T(ev, ev >= t(10000000))), Math.min(ev * 0.001, 300000), g);
    },
    // 11 R&D post-subsidy (Shenyang)
    (c, i, o) => {
      const rd = c[C.rdSpend]![i]!;
      grant(o, and(region(c, i), T(rd, rd >= t(1000000))), Math.min(rd * 0.05, 1000000), g);
    },
    // 12 tech SME R&D
    (c, i, o) => {
      const size = c[C.size]![i]!;
      const ind = c[C.industry]![i]!;
      const rr = c[C.rdRatio]![i]!;
      const s = and(
        region(c, i),
        T(size, size >= 1 && size <= 3),
        T(ind, inAny(ind, CIM)),
        T(rr, rr >= t(3)),
      );
      grant(o, s, s === 1 ? Math.min(c[C.rdSpend]![i]! * 0.05, 200000) : 0, g);
    },
    // 13 start-up subsidy (Anshan)
    (c, i, o) =>
      grant(
        o,
        and(
          region(c, i),
          T(c[C.founded]![i]!, w3(c[C.founded]![i]!)),
          T(c[C.size]![i]!, c[C.size]![i] === 3),
        ),
        10000,
        g,
      ),
    // 14 specialised (Shenyang)
    (c, i, o) =>
      grant(o, and(region(c, i), T(c[C.spec]![i]!, c[C.spec]![i] === 1 || c[C.spec]![i] === 2)), 200000, g),
    // 15 high-tech R&D (Dalian)
    (c, i, o) => {
      const rr = c[C.rdRatio]![i]!;
      const s = and(region(c, i), T(c[C.highTech]![i]!, c[C.highTech]![i] === 1), T(rr, rr >= t(4)));
      grant(o, s, s === 1 ? Math.min(c[C.rdSpend]![i]! * 0.08, 300000) : 0, g);
    },
    // 16 industrial growth (Shenyang), three tiers
    (c, i, o) => {
      const r0 = region(c, i);
      const ind = c[C.industry]![i]!;
      const ab = c[C.above]![i]!;
      const rev = c[C.revenue]![i]!;
      const common = and(r0, T(ind, inAny(ind, indC)), T(ab, ab === 1));
      unique(
        o,
        [
          and(common, T(rev, rev >= t(20000000) && rev < t(100000000))),
          and(common, T(rev, rev >= t(100000000) && rev < t(500000000))),
          and(common, T(rev, rev >= t(500000000))),
        ],
        [() => 50000, () => 100000, () => 200000],
        g,
      );
    },
    // 17 micro social insurance
    (c, i, o) => {
      const ins = c[C.insured]![i]!;
      grant(
        o,
        and(region(c, i), T(c[C.size]![i]!, c[C.size]![i] === 3), T(ins, ins >= t(1) && ins <= t(10))),
        ins * 1200,
        g,
      );
    },
    // 18 software growth
    (c, i, o) => {
      const rev = c[C.revenue]![i]!;
      const rr = c[C.rdRatio]![i]!;
      grant(
        o,
        and(
          region(c, i),
          T(c[C.industry]![i]!, inAny(c[C.industry]![i]!, I65)),
          T(rev, rev >= t(10000000)),
          T(rr, rr >= t(6)),
        ),
        Math.min(rev * 0.005, 500000),
        g,
      );
    },
    // 19 culture
    (c, i, o) =>
      grant(
        o,
        and(
          region(c, i),
          T(c[C.industry]![i]!, inAny(c[C.industry]![i]!, secR)),
          T(c[C.revenue]![i]!, c[C.revenue]![i]! >= t(5000000)),
        ),
        50000,
        g,
      ),
    // 20 agriculture leading enterprise
    (c, i, o) =>
      grant(
        o,
        and(
          region(c, i),
          T(c[C.industry]![i]!, inAny(c[C.industry]![i]!, secA)),
          T(c[C.revenue]![i]!, c[C.revenue]![i]! >= t(50000000)),
        ),
        100000,
        g,
      ),
    // 21 catering relief
    (c, i, o) => {
      const size = c[C.size]![i]!;
      grant(
        o,
        and(
          region(c, i),
          T(c[C.industry]![i]!, inAny(c[C.industry]![i]!, secH)),
          T(size, size === 2 || size === 3),
        ),
        Math.min(c[C.employees]![i]! * 500, 50000),
        g,
      );
    },
    // 22 road transport
    (c, i, o) => {
      const ins = c[C.insured]![i]!;
      grant(
        o,
        and(region(c, i), T(c[C.industry]![i]!, inAny(c[C.industry]![i]!, G54)), T(ins, ins >= t(10))),
        Math.min(ins * 300, 100000),
        g,
      );
    },
    // 23 construction above scale
    (c, i, o) =>
      grant(
        o,
        and(
          region(c, i),
          T(c[C.industry]![i]!, inAny(c[C.industry]![i]!, secE)),
          T(c[C.above]![i]!, c[C.above]![i] === 1),
          T(c[C.aboveSince]![i]!, w1(c[C.aboveSince]![i]!)),
        ),
        50000,
        g,
      ),
    // 24 new exporter
    (c, i, o) =>
      grant(
        o,
        and(
          region(c, i),
          T(c[C.exporter]![i]!, c[C.exporter]![i] === 1),
          T(c[C.founded]![i]!, w2(c[C.founded]![i]!)),
        ),
        30000,
        g,
      ),
    // 25 innovation voucher (COLLECT, C/D tax credit excluded)
    (c, i, o) => {
      const r0 = region(c, i);
      const tax = c[C.tax]![i]!;
      const s1 = and(r0, T(c[C.highTech]![i]!, c[C.highTech]![i] === 1));
      const s2 = and(r0, T(c[C.spec]![i]!, c[C.spec]![i] === 1 || c[C.spec]![i] === 2));
      const s3 = and(r0, T(tax, tax === 3 || tax === 4));
      const n = (s1 === 1 ? 1 : 0) + (s2 === 1 ? 1 : 0);
      if (s3 === 1) o.s = 0;
      else if (s1 === 2 || s2 === 2 || (s3 === 2 && n > 0)) o.s = 2;
      else if (n === 0) o.s = 0;
      else {
        const x = 50000 * g;
        o.s = 1;
        o.a = R(n === 2 ? x + x : x, 2);
      }
    },
    // 26 job expansion (FIRST: D credit excluded)
    (c, i, o) => {
      const r0 = region(c, i);
      const tax = c[C.tax]![i]!;
      const nh = c[C.newHires]![i]!;
      const s1 = and(r0, T(tax, tax === 4));
      const s2 = and(r0, T(nh, nh >= t(1)));
      if (s1 === 1) o.s = 0;
      else if (s2 === 1) {
        if (s1 === 2) o.s = 2;
        else grant(o, 1, Math.min(nh * 1500, 150000), g);
      } else o.s = s2 === 2 ? 2 : 0;
    },
    // 27 digital economy (Shenyang)
    (c, i, o) => {
      const rev = c[C.revenue]![i]!;
      grant(
        o,
        and(region(c, i), T(c[C.industry]![i]!, inAny(c[C.industry]![i]!, I6465)), T(rev, rev >= t(5000000))),
        Math.min(rev * 0.01, 300000),
        g,
      );
    },
    // 28 port logistics (Yingkou)
    (c, i, o) => {
      const rev = c[C.revenue]![i]!;
      grant(
        o,
        and(region(c, i), T(c[C.industry]![i]!, inAny(c[C.industry]![i]!, G5589)), T(rev, rev >= t(3000000))),
        Math.min(rev * 0.005, 200000),
        g,
      );
    },
    // 29 large R&D centre
    (c, i, o) => {
      const size = c[C.size]![i]!;
      const rd = c[C.rdSpend]![i]!;
      const tax = c[C.tax]![i]!;
      grant(
        o,
        and(
          region(c, i),
          T(size, size === 0 || size === 1),
          T(rd, rd >= t(10000000)),
          T(tax, tax !== 3 && tax !== 4),
        ),
        Math.min(rd * 0.02, 1000000),
        g,
      );
    },
    // 30 capital attraction (Dalian), two tiers
    (c, i, o) => {
      const r0 = region(c, i);
      const fd = c[C.founded]![i]!;
      const cap = c[C.capital]![i]!;
      const common = and(r0, T(fd, w1(fd)));
      unique(
        o,
        [
          and(common, T(cap, cap >= t(10000000) && cap < t(50000000))),
          and(common, T(cap, cap >= t(50000000))),
        ],
        [() => 100000, () => Math.min(cap * 0.005, 1000000)],
        g,
      );
    },
  ];
  return fns[v.sample] as Fn;
}

interface Tally {
  eligible: number;
  needsData: number;
  errors: number;
  cents: number;
  checksum: number;
}
const tally = (): Tally => ({ eligible: 0, needsData: 0, errors: 0, cents: 0, checksum: 0 });
function count(t: Tally, row: number, p: number, s: number, a: number) {
  if (s === 1) {
    t.eligible++;
    t.cents += Math.round(a * 100);
  } else if (s === 2) t.needsData++;
  else t.errors++;
  t.checksum = (t.checksum + ((row * 7919 + p * 104729 + s) % 1000000007)) % 1000000007;
}

function arg(args: string[], name: string, def: number): number {
  const i = args.indexOf(`--${name}`);
  const v = i >= 0 ? Number(args[i + 1]) : def;
  if (!Number.isFinite(v) || v <= 0) throw new Error(`--${name} must be a positive number`);
  return v;
}

export async function run(args: string[]): Promise<BenchResult> {
  const N = arg(args, "enterprises", 1_000_000);
  const P = arg(args, "policies", 900);
  const rounds = arg(args, "rounds", 2);
  const evalIso = SAMPLE_EVAL_DATE;
  const log = (m: string) => process.stderr.write(`${m}\n`);

  // regions from the committed seed (county level), as the demo's registry uses
  const regionsJson = JSON.parse(
    readFileSync(new URL("../server/modules/directory/seed/liaoning-regions.json", import.meta.url), "utf8"),
  ) as { code: string; level: number }[];
  const regions = regionsJson.filter((r) => r.level === 3).map((r) => r.code);

  let t0 = performance.now();
  const frame = newFrame(N);
  const rnd = mulberry32(42);
  for (let i = 0; i < N; i++) {
    setRow(frame, i, syntheticEnterprise(i + 1, rnd, regions, evalIso).attrs);
    if (i % 200_000 === 0 && i) log(`  generated ${i} enterprises`);
  }
  const genSeconds = (performance.now() - t0) / 1000;
  log(`generated ${N} synthetic enterprises in ${genSeconds.toFixed(1)} s`);

  t0 = performance.now();
  const vs = variants(P);
  const compiled: CompiledPolicy[] = vs.map((v) => {
    const { checked, problems } = checkTable(v.table);
    if (!checked) throw new Error(`${v.id}: ${problems[0]?.field} ${problems[0]?.message}`);
    return compilePolicy(v.id, 1, checked);
  });
  const set = new PolicySet(compiled, evalIso);
  const compileMs = performance.now() - t0;
  const pIndex = new Map(compiled.map((p, k) => [p, k]));
  const toVariant = Int32Array.from(set.policies.map((p) => pIndex.get(p)!));

  // baseline: hand-written functions, bucketed by city by hand
  const base = vs.map((v) => baselineFactory(v, evalIso));
  const byCity = new Map<string, number[]>();
  const anywhere: number[] = [];
  vs.forEach((v, k) => {
    if (!v.city) anywhere.push(k);
    else byCity.set(v.city, [...(byCity.get(v.city) ?? []), k]);
  });
  const cityLists = new Map(CITIES.map((c) => [c, [...anywhere, ...(byCity.get(c) ?? [])]]));

  const runEngine = (): [number, Tally] => {
    const tl = tally();
    const s = performance.now();
    matchFrame(set, frame, 0, N, (row, k, st, amount) => count(tl, row, toVariant[k]!, st, amount));
    return [(performance.now() - s) / 1000, tl];
  };
  const runBaseline = (): [number, Tally] => {
    const tl = tally();
    const o = newOut();
    const regionCol = frame.cols[REGION_COL]!;
    const s = performance.now();
    for (let i = 0; i < N; i++) {
      const list = cityLists.get(String(Math.floor(regionCol[i]! / 100))) ?? anywhere;
      for (let k = 0; k < list.length; k++) {
        const p = list[k]!;
        o.s = 0;
        base[p]!(frame.cols, i, o);
        if (o.s !== 0) count(tl, i, p, o.s, o.a);
      }
    }
    return [(performance.now() - s) / 1000, tl];
  };

  let best = { engine: Infinity, baseline: Infinity };
  const first = { engine: 0, baseline: 0 };
  let te = tally();
  let tb = tally();
  for (let r = 0; r < rounds; r++) {
    const [b, tb1] = runBaseline();
    log(`  round ${r + 1}: baseline ${b.toFixed(2)} s`);
    const [e, te1] = runEngine();
    log(`  round ${r + 1}: engine   ${e.toFixed(2)} s`);
    if (r === 0) Object.assign(first, { engine: e, baseline: b });
    best = { engine: Math.min(best.engine, e), baseline: Math.min(best.baseline, b) };
    te = te1;
    tb = tb1;
  }
  const agree = JSON.stringify(te) === JSON.stringify(tb);
  if (!agree) log(`DISAGREEMENT engine ${JSON.stringify(te)} baseline ${JSON.stringify(tb)}`);

  // one enterprise: encode its attributes and match it against every policy
  const one = newFrame(1);
  const rnd2 = mulberry32(7);
  const samples = Array.from(
    { length: 2000 },
    (_, k) => syntheticEnterprise(N + k + 1, rnd2, regions, evalIso).attrs,
  );
  let hits = 0;
  t0 = performance.now();
  for (const attrs of samples) {
    setRow(one, 0, attrs);
    matchFrame(set, one, 0, 1, () => hits++);
  }
  const singleEnterpriseMs = (performance.now() - t0) / samples.length;
  const candidates =
    Array.from(
      { length: 1000 },
      (_, k) => set.candidates(frame.cols[REGION_COL]![k]!, frame.cols[INDUSTRY_COL]![k]!).length,
    ).reduce((a, b) => a + b, 0) / 1000;

  const peakMemoryMB = Math.round(process.resourceUsage().maxRSS / 1024);
  const json = {
    policies: P,
    enterprises: N,
    fullMatchSeconds: Number(best.engine.toFixed(3)),
    baselineSeconds: Number(best.baseline.toFixed(3)),
    ratio: Number((best.engine / best.baseline).toFixed(2)),
    /** the first round: every compiled policy still warming up in the JIT */
    firstRoundSeconds: Number(first.engine.toFixed(3)),
    firstRoundBaselineSeconds: Number(first.baseline.toFixed(3)),
    singleEnterpriseMs: Number(singleEnterpriseMs.toFixed(4)),
    peakMemoryMB,
    compileMs: Math.round(compileMs),
    candidatesPerEnterprise: Number(candidates.toFixed(1)),
    eligible: te.eligible,
    needsData: te.needsData,
    errors: te.errors,
    totalAmountYuan: te.cents / 100,
    agree,
    goals: {
      fullMatchUnder30s: best.engine <= 30,
      within2xBaseline: best.engine <= 2 * best.baseline,
      singleUnder5ms: singleEnterpriseMs <= 5,
    },
  };
  return {
    table: [
      {
        what: "engine (compiled + index)",
        seconds: best.engine,
        perEnterpriseUs: (best.engine / N) * 1e6,
        eligible: te.eligible,
        needsData: te.needsData,
      },
      {
        what: "baseline (hand-written JS)",
        seconds: best.baseline,
        perEnterpriseUs: (best.baseline / N) * 1e6,
        eligible: tb.eligible,
        needsData: tb.needsData,
      },
      { what: "ratio engine / baseline", seconds: best.engine / best.baseline },
      { what: "first round (cold JIT): engine", seconds: first.engine },
      { what: "first round (cold JIT): baseline", seconds: first.baseline },
      {
        what: "one enterprise re-matched (ms)",
        seconds: singleEnterpriseMs / 1000,
        perEnterpriseUs: singleEnterpriseMs * 1000,
      },
      { what: `peak RSS ${peakMemoryMB} MB; compile ${Math.round(compileMs)} ms; agree ${agree}` },
    ],
    json,
  };
}
