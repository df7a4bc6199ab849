import type { SizeClass } from "./attributes.ts";

/**
 * Size class (大/中/小/微) by the national statistical rule, 统计上大中小微型企业划分办法（2017）
 * (国统字〔2017〕213号), as data: per industry group, the lower bounds of employees (从业人员, X)
 * and revenue (营业收入, Y, in 万元) for large, medium and small. An enterprise is in a class when
 * it reaches every bound of that class ("须分别满足所列指标的下限，否则下划一档"); below small it is
 * micro. Groups the rule bounds by total assets (建筑业, 房地产开发经营, 租赁和商务服务业) are bounded
 * here by the indicator the registry holds (revenue, or employees for 租赁和商务服务业): the registry
 * has no total assets.
 */
export interface SizeRule {
  group: string;
  /** Industry code prefixes (GB/T 4754-2017) of the group. */
  prefixes: string[];
  /** [large, medium, small] lower bounds; null = the indicator is not used by this group. */
  employees: [number, number, number] | null;
  revenueWan: [number, number, number] | null;
}

const SIZE_RULES: readonly SizeRule[] = [
  { group: "农、林、牧、渔业", prefixes: ["A"], employees: null, revenueWan: [20000, 500, 50] },
  { group: "工业", prefixes: ["B", "C", "D"], employees: [1000, 300, 20], revenueWan: [40000, 2000, 300] },
  { group: "建筑业", prefixes: ["E"], employees: null, revenueWan: [80000, 6000, 300] },
  { group: "批发业", prefixes: ["F51"], employees: [200, 20, 5], revenueWan: [40000, 5000, 1000] },
  { group: "零售业", prefixes: ["F52"], employees: [300, 50, 10], revenueWan: [20000, 500, 100] },
  { group: "仓储业", prefixes: ["G59"], employees: [200, 100, 20], revenueWan: [30000, 1000, 100] },
  { group: "邮政业", prefixes: ["G60"], employees: [1000, 300, 20], revenueWan: [30000, 2000, 100] },
  { group: "交通运输业", prefixes: ["G"], employees: [1000, 300, 20], revenueWan: [30000, 3000, 200] },
  { group: "住宿业", prefixes: ["H61"], employees: [300, 100, 10], revenueWan: [10000, 2000, 100] },
  { group: "餐饮业", prefixes: ["H62"], employees: [300, 100, 10], revenueWan: [10000, 2000, 100] },
  {
    group: "信息传输业",
    prefixes: ["I63", "I64"],
    employees: [2000, 100, 10],
    revenueWan: [100000, 1000, 100],
  },
  {
    group: "软件和信息技术服务业",
    prefixes: ["I65"],
    employees: [300, 100, 10],
    revenueWan: [10000, 1000, 50],
  },
  { group: "房地产开发经营", prefixes: ["K7010"], employees: null, revenueWan: [200000, 1000, 100] },
  { group: "物业管理", prefixes: ["K7020"], employees: [1000, 300, 100], revenueWan: [5000, 1000, 500] },
  { group: "租赁和商务服务业", prefixes: ["L"], employees: [300, 100, 10], revenueWan: null },
  { group: "其他未列明行业", prefixes: [""], employees: [300, 100, 10], revenueWan: null },
];

/** The rule group of an industry code: the longest matching prefix wins. */
function sizeRuleFor(industryCode: string): SizeRule {
  let best: SizeRule | undefined;
  let bestLen = -1;
  for (const r of SIZE_RULES) {
    for (const p of r.prefixes) {
      if (industryCode.startsWith(p) && p.length > bestLen) {
        best = r;
        bestLen = p.length;
      }
    }
  }
  return best ?? (SIZE_RULES[SIZE_RULES.length - 1] as SizeRule);
}

/**
 * The size class, or null when an indicator the group needs is unknown (so a policy on size
 * gives "needs data", never a guess). Revenue is in 元.
 */
export function sizeClassOf(
  industryCode: string | null,
  employees: number | null,
  revenueYuan: number | null,
): SizeClass | null {
  if (!industryCode) return null;
  const rule = sizeRuleFor(industryCode);
  if (rule.employees && employees === null) return null;
  if (rule.revenueWan && revenueYuan === null) return null;
  const classes: SizeClass[] = ["large", "medium", "small"];
  for (let i = 0; i < 3; i++) {
    const okX = !rule.employees || (employees ?? 0) >= (rule.employees[i] ?? 0);
    const okY = !rule.revenueWan || (revenueYuan ?? 0) >= (rule.revenueWan[i] ?? 0) * 10000;
    if (okX && okY) return classes[i] as SizeClass;
  }
  return "micro";
}
