import { computeUsccCheckChar } from "../../../common/uscc.ts";
import { PROVINCE } from "../../config/province.ts";
import { type AttrValues, dayNumber, isoDay } from "./attributes.ts";
import { sizeClassOf } from "./size-class.ts";

/**
 * A generator of a SYNTHETIC enterprise registry (合成企业库) of any size, for the demo and the
 * benchmark: every name ends in "（合成）", rows are flagged `synthetic`, USCCs are well-formed
 * with correct check characters and the enterprise's own region code in positions 3–8.
 * Distributions are plausible, not statistics: mostly micro and small firms, some data missing.
 */

const INDUSTRIES: [string[], number][] = [
  [
    ["C13", "C14", "C17", "C26", "C27", "C29", "C30", "C31", "C33", "C34", "C35", "C36", "C38", "C39", "C40"],
    30,
  ],
  [["F51"], 10],
  [["F52"], 10],
  [["I64", "I65"], 8],
  [["G54", "G55", "G58", "G59"], 8],
  [["H61", "H62"], 7],
  [["E47", "E48", "E49"], 5],
  [["K70"], 3],
  [["L71", "L72"], 6],
  [["M73", "M74", "M75"], 5],
  [["A01", "A03"], 4],
  [["R86", "R88"], 2],
  [["O80", "O81"], 2],
];
const INDUSTRY_TOTAL = INDUSTRIES.reduce((s, [, w]) => s + w, 0);

const WORDS = [
  "恒信",
  "华泰",
  "鑫源",
  "辽海",
  "盛京",
  "北方",
  "东盛",
  "瑞丰",
  "宏达",
  "新锐",
  "天成",
  "金桥",
  "远航",
  "博睿",
  "启明",
  "同创",
];
const TRADE: Record<string, string> = {
  A: "农业发展",
  C: "制造",
  E: "建设工程",
  F: "商贸",
  G: "物流",
  H: "餐饮管理",
  I: "信息技术",
  K: "置业",
  L: "商务咨询",
  M: "科技",
  O: "居民服务",
  R: "文化传媒",
};

const ORG_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/** A valid USCC for the n-th synthetic enterprise in a region (unique per n). */
export function syntheticUscc(n: number, region: string, rnd: () => number): string {
  const body = String(n).padStart(8, "0").slice(-8);
  const orgCheck = ORG_ALPHABET.charAt(Math.floor(rnd() * 10));
  const first17 = `91${region.padEnd(6, "0").slice(0, 6)}${body}${orgCheck}`;
  return first17 + computeUsccCheckChar(first17);
}

function normal(rnd: () => number): number {
  const u = Math.max(rnd(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd());
}

/** One synthetic enterprise. `regions` are county-level GB/T 2260 codes; `evalDate` anchors dates. */
export function syntheticEnterprise(
  n: number,
  rnd: () => number,
  regions: readonly string[],
  evalDate: string,
  cityNames?: ReadonlyMap<string, string>,
): { uscc: string; name: string; attrs: AttrValues } {
  const region = regions[Math.floor(rnd() * regions.length)] as string;
  let pick = rnd() * INDUSTRY_TOTAL;
  let codes = INDUSTRIES[0]![0];
  for (const [c, w] of INDUSTRIES) {
    pick -= w;
    if (pick < 0) {
      codes = c;
      break;
    }
  }
  const industry = codes[Math.floor(rnd() * codes.length)] as string;
  const section = industry.charAt(0);
  const today = dayNumber(evalDate);
  const employees = Math.max(1, Math.round(Math.exp(2.3 + 1.3 * normal(rnd))));
  const revenue = Math.round(employees * Math.exp(Math.log(300_000) + 0.8 * normal(rnd)));
  const insured = Math.round(employees * (0.6 + 0.4 * rnd()));
  const innovative = section === "C" || section === "I" || section === "M";
  const rdSpend = innovative
    ? rnd() < 0.6
      ? Math.round(revenue * 0.12 * rnd())
      : 0
    : rnd() < 0.1
      ? Math.round(revenue * 0.03 * rnd())
      : 0;
  const rdRatio = revenue > 0 ? Math.round((rdSpend / revenue) * 10000) / 100 : 0;
  const highTech = innovative && rdRatio >= 3 && rnd() < 0.35;
  const exporter = (section === "C" || industry === "F51") && rnd() < 0.2;
  const exportValue = exporter ? Math.round(revenue * (0.1 + 0.5 * rnd())) : 0;
  const aboveScale = revenue >= 20_000_000;
  const s = rnd();
  const specialized = s < 0.005 ? "little_giant" : s < 0.035 ? "provincial" : "none";
  const t = rnd();
  const taxCredit = t < 0.2 ? "A" : t < 0.7 ? "B" : t < 0.85 ? "M" : t < 0.95 ? "C" : "D";
  const maybe = <T>(v: T): T | null => (rnd() < 0.03 ? null : v);
  const attrs: AttrValues = {
    regionCode: region,
    industryCode: industry,
    sizeClass: null,
    foundedOn: isoDay(today - Math.floor(rnd() * 25 * 365)),
    registeredCapital: Math.round(Math.exp(Math.log(1_000_000) + 1.2 * normal(rnd)) / 10000) * 10000,
    employees,
    insuredEmployees: insured,
    revenue,
    rdSpend: maybe(rdSpend),
    rdRatio: maybe(rdRatio),
    highTech,
    highTechCertifiedOn: highTech ? isoDay(today - Math.floor(rnd() * 3 * 365)) : null,
    specialized,
    taxCredit: maybe(taxCredit),
    exporter,
    exportValue,
    exportInsurancePremium: exporter && rnd() < 0.6 ? Math.round(exportValue * 0.003) : 0,
    newHires: Math.round(employees * 0.2 * rnd()),
    unemploymentInsurancePaid: Math.round(insured * (200 + 400 * rnd())),
    layoffRate: maybe(rnd() < 0.6 ? 0 : Math.round(rnd() * 1200) / 100),
    aboveScale,
    aboveScaleSince: aboveScale ? isoDay(today - Math.floor(rnd() * 10 * 365)) : null,
    sixTaxesTwoFees: Math.round(revenue * 0.002 * 100) / 100,
  };
  attrs.sizeClass = sizeClassOf(industry, employees, revenue);
  const city = cityNames?.get(region.slice(0, 4))?.replace(/市$/, "") ?? PROVINCE.shortName;
  const word = WORDS[Math.floor(rnd() * WORDS.length)];
  const name = `${city}${word}${TRADE[section] ?? "实业"}有限公司${n}（合成）`;
  return { uscc: syntheticUscc(n, region, rnd), name, attrs };
}
