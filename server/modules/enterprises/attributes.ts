/**
 * The controlled list of enterprise attributes (企业属性): what the registry stores and what a
 * policy's decision table may test or use in an amount formula. Data, not code: the registry's
 * validation, the import's column mapping, the engine's columnar frame and the Chinese
 * explanations all read this one list.
 */

/** The kinds of value an attribute holds. */
export type AttrType = "number" | "date" | "enum" | "boolean" | "region" | "industry";

export interface AttrDef {
  key: string;
  type: AttrType;
  /** Chinese label, as officers and enterprises read it. */
  label: string;
  /** Unit shown after a number ("元", "%", "人"). */
  unit?: string;
  /** For enums: allowed values, with their Chinese labels. */
  values?: readonly string[];
  valueLabels?: Readonly<Record<string, string>>;
  /** Derived by the registry (e.g. size class): an import may not set it. */
  derived?: boolean;
  /** Minimum for numbers (all numbers here are non-negative). */
  min?: number;
  max?: number;
}

const SIZE_CLASSES = ["large", "medium", "small", "micro"] as const;
export type SizeClass = (typeof SIZE_CLASSES)[number];
const TAX_CREDITS = ["A", "B", "M", "C", "D"] as const;
const SPECIALIZED = ["none", "provincial", "little_giant"] as const;

/** The attributes, in a stable order (the engine's column index is the position). */
export const ATTRIBUTES: readonly AttrDef[] = [
  { key: "regionCode", type: "region", label: "注册地" },
  { key: "industryCode", type: "industry", label: "行业" },
  {
    key: "sizeClass",
    type: "enum",
    label: "企业规模",
    values: SIZE_CLASSES,
    valueLabels: { large: "大型", medium: "中型", small: "小型", micro: "微型" },
    derived: true,
  },
  { key: "foundedOn", type: "date", label: "成立日期" },
  { key: "registeredCapital", type: "number", label: "注册资本", unit: "元", min: 0 },
  { key: "employees", type: "number", label: "从业人员", unit: "人", min: 0 },
  { key: "insuredEmployees", type: "number", label: "参保职工", unit: "人", min: 0 },
  { key: "revenue", type: "number", label: "上年营业收入", unit: "元", min: 0 },
  { key: "rdSpend", type: "number", label: "上年研发投入", unit: "元", min: 0 },
  { key: "rdRatio", type: "number", label: "研发投入占比", unit: "%", min: 0, max: 100 },
  { key: "highTech", type: "boolean", label: "高新技术企业" },
  { key: "highTechCertifiedOn", type: "date", label: "高新技术企业认定日期" },
  {
    key: "specialized",
    type: "enum",
    label: "专精特新",
    values: SPECIALIZED,
    valueLabels: { none: "否", provincial: "省级专精特新中小企业", little_giant: "国家级专精特新“小巨人”" },
  },
  {
    key: "taxCredit",
    type: "enum",
    label: "纳税信用等级",
    values: TAX_CREDITS,
    valueLabels: { A: "A级", B: "B级", M: "M级", C: "C级", D: "D级" },
  },
  { key: "exporter", type: "boolean", label: "出口企业" },
  { key: "exportValue", type: "number", label: "上年出口额", unit: "元", min: 0 },
  { key: "exportInsurancePremium", type: "number", label: "出口信用保险保费", unit: "元", min: 0 },
  { key: "newHires", type: "number", label: "上年新增就业人数", unit: "人", min: 0 },
  { key: "unemploymentInsurancePaid", type: "number", label: "上年失业保险缴费", unit: "元", min: 0 },
  { key: "layoffRate", type: "number", label: "上年裁员率", unit: "%", min: 0, max: 100 },
  { key: "aboveScale", type: "boolean", label: "规模以上企业" },
  { key: "aboveScaleSince", type: "date", label: "纳入规上统计日期" },
  { key: "sixTaxesTwoFees", type: "number", label: "六税两费应纳额", unit: "元", min: 0 },
];

export const ATTR_BY_KEY: ReadonlyMap<string, AttrDef> = new Map(ATTRIBUTES.map((a) => [a.key, a]));
export const ATTR_INDEX: ReadonlyMap<string, number> = new Map(ATTRIBUTES.map((a, i) => [a.key, i]));
export const ATTR_COUNT = ATTRIBUTES.length;

/** An enterprise's attribute values as the registry stores them (JSON): null = unknown. */
export type AttrValues = Record<string, string | number | boolean | null>;

/** GB/T 4754-2017 sections (门类) A–T, by letter. */
export const INDUSTRY_SECTIONS = "ABCDEFGHIJKLMNOPQRST";
/** Chinese names of the sections (explanations). */
export const SECTION_NAMES: Readonly<Record<string, string>> = {
  A: "农、林、牧、渔业",
  B: "采矿业",
  C: "制造业",
  D: "电力、热力、燃气及水生产和供应业",
  E: "建筑业",
  F: "批发和零售业",
  G: "交通运输、仓储和邮政业",
  H: "住宿和餐饮业",
  I: "信息传输、软件和信息技术服务业",
  J: "金融业",
  K: "房地产业",
  L: "租赁和商务服务业",
  M: "科学研究和技术服务业",
  N: "水利、环境和公共设施管理业",
  O: "居民服务、修理和其他服务业",
  P: "教育",
  Q: "卫生和社会工作",
  R: "文化、体育和娱乐业",
  S: "公共管理、社会保障和社会组织",
  T: "国际组织",
};

/**
 * An industry code: a section letter, optionally followed by a 2-digit division (大类) and up to
 * two more digits (中类/小类), e.g. "C", "C39", "K7010". The division must fall in the section's
 * range of GB/T 4754-2017.
 */
const INDUSTRY_RE = /^[A-T]([0-9]{2}([0-9]{1,2})?)?$/;

/** Division ranges of each section (GB/T 4754-2017). */
const SECTION_DIVISIONS: Readonly<Record<string, [number, number]>> = {
  A: [1, 5],
  B: [6, 12],
  C: [13, 43],
  D: [44, 46],
  E: [47, 50],
  F: [51, 52],
  G: [53, 60],
  H: [61, 62],
  I: [63, 65],
  J: [66, 69],
  K: [70, 70],
  L: [71, 72],
  M: [73, 75],
  N: [76, 79],
  O: [80, 82],
  P: [83, 83],
  Q: [84, 85],
  R: [86, 90],
  S: [91, 96],
  T: [97, 97],
};

/** What is wrong with an industry code, or null. */
export function industryProblem(code: string): string | null {
  if (!INDUSTRY_RE.test(code)) {
    return `"${code}" is not a GB/T 4754 industry code (a section letter A–T and a 2-digit division, e.g. C39)`;
  }
  if (code.length === 1) return null;
  const div = Number(code.slice(1, 3));
  const range = SECTION_DIVISIONS[code.charAt(0)];
  if (!range || div < range[0] || div > range[1]) {
    return `division ${code.slice(1, 3)} is not in section ${code.charAt(0)} (GB/T 4754-2017)`;
  }
  return null;
}

/**
 * Industry codes as numbers for the engine: section index × 10000 + the digits padded to 4
 * ("C39" → 2·10000 + 3900; "K7010" → 10·10000 + 7010). A prefix "C3" covers a numeric range.
 */
export function industryToNumber(code: string): number {
  const s = INDUSTRY_SECTIONS.indexOf(code.charAt(0));
  const digits = code.slice(1).padEnd(4, "0");
  return s * 10000 + Number(digits);
}

/** The numeric half-open range [lo, hi) covered by an industry prefix ("C", "C39", "K70"). */
export function industryRange(prefix: string): [number, number] {
  const s = INDUSTRY_SECTIONS.indexOf(prefix.charAt(0));
  const digits = prefix.slice(1);
  const width = 10 ** (4 - digits.length);
  const lo = s * 10000 + (digits ? Number(digits) * width : 0);
  return [lo, lo + (digits ? width : 10000)];
}

/** The numeric half-open range [lo, hi) of a region prefix ("21" → [210000, 220000)). */
export function regionRange(prefix: string): [number, number] {
  const width = 10 ** (6 - prefix.length);
  const lo = Number(prefix) * width;
  return [lo, lo + width];
}

/** Days since 1970-01-01 (UTC) of a `yyyy-mm-dd` date, or NaN. */
export function dayNumber(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return Number.NaN;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const d = new Date(t);
  if (d.getUTCDate() !== Number(m[3]) || d.getUTCMonth() !== Number(m[2]) - 1) return Number.NaN;
  return t / 86400000;
}

/** `yyyy-mm-dd` of a day number. */
export function isoDay(day: number): string {
  return new Date(day * 86400000).toISOString().slice(0, 10);
}

/**
 * The date `years` calendar years before `iso` (a 29 February that does not exist becomes the
 * 28th, as FEEL's date arithmetic does), as a day number.
 */
export function yearsBefore(iso: string, years: number): number {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const ty = y - years;
  const last = new Date(Date.UTC(ty, m, 0)).getUTCDate();
  return Date.UTC(ty, m - 1, Math.min(d, last)) / 86400000;
}
