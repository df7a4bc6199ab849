/**
 * Composes realistic demo appeals (诉求) for a Liaoning 12345 hotline: who wrote, when, by which
 * channel, about what, where, and how far the demo seeder should walk each one through the life
 * cycle. Pure and deterministic: the same options (seed included) give the same appeals.
 *
 * The text comes from the templates in `templates.ts`, matched to the category tree by level-1
 * and level-2 NAMES, so any tree that uses the taxonomy's names works; a tree with none of them
 * still gets generic appeals.
 */
import type {
  AppealKind,
  Channel,
  ReplyOutcome,
  Satisfaction,
  Urgency,
} from "../../../common/appeal-state.ts";
import { computeUsccCheckChar, USCC_ALPHABET } from "../../../common/uscc.ts";
import { CHINA_OFFSET_MS } from "../../platform/china-time.ts";
import { createRandom, type Random } from "../../platform/seeded-random.ts";
import type { CategoryNode } from "../directory/directory-cache.ts";
import { cityShortName, companyName, SlotFiller } from "./slots.ts";
import {
  type AppealTemplate,
  FALLBACK_TEMPLATES,
  GENERIC_TEMPLATES,
  type Place,
  type ReplyVariant,
  type Season,
  SPECIFIC_TEMPLATES,
} from "./templates.ts";
import { GIVEN_NAME_CHARS, LIAONING_CITIES, MOBILE_PREFIXES, SURNAMES } from "./vocabulary.ts";

/** One node of the three-level category tree ("01" / "0101" / "010101"): the catalog's own type. */
export type { CategoryNode };

/** One administrative division: province "21", city "2101", district "210102". */
export interface Region {
  code: string;
  name: string;
  parentCode: string | null;
  level: 1 | 2 | 3;
}

/** How far the demo seeder walks an appeal through its life cycle. */
export const FATES = [
  "received",
  "answered_directly",
  "dispatched",
  "returned",
  "signed",
  "extension_requested",
  "replied",
  "reopened",
  "closed",
  "closed_unsatisfied_then_closed",
  "merged",
] as const;

/**
 * - `received`: recorded, not yet dispatched.
 * - `answered_directly`: a consult the agent answered on the spot (closed).
 * - `dispatched`: sent to a department, not signed.
 * - `returned`: dispatched, then returned by the department (back in the agent pool).
 * - `signed`: signed for, being handled.
 * - `extension_requested`: signed, with an extension request pending.
 * - `replied`: the department replied; no callback yet.
 * - `reopened`: replied, the callback was unsatisfied, back with the department.
 * - `closed`: replied and closed by a satisfied (or basically satisfied) callback.
 * - `closed_unsatisfied_then_closed`: unsatisfied callback, reopened, replied again, then closed.
 * - `merged`: a near-duplicate merged into the appeal at `duplicateOfIndex`.
 */
export type Fate = (typeof FATES)[number];

/** One composed demo appeal; `replyText` … `callbackResolved` are used as far as `fate` goes. */
export interface DemoAppeal {
  receivedAt: Date;
  kind: AppealKind;
  channel: Channel;
  urgency: Urgency;
  title: string;
  body: string;
  /** Normalized phone (digits only); `anonymous` asks that the department not see who wrote. */
  citizen: { name: string; phone: string; anonymous: boolean };
  enterprise: { uscc: string; name: string } | null;
  businessEnvironment: boolean;
  location: { regionCode: string; address: string; lat: number | null; lng: number | null };
  /** A leaf of the category tree. */
  categoryCode: string;
  fate: Fate;
  replyText: string;
  replyOutcome: ReplyOutcome;
  /** The last callback's answer (for `reopened`: unsatisfied; for closed fates: never unsatisfied). */
  satisfaction: Satisfaction;
  callbackResolved: boolean;
  /** For `merged`: index (in the returned array, always smaller) of the appeal it duplicates. */
  duplicateOfIndex: number | null;
}

/** Options of {@link composeDemoAppeals}. */
export interface ComposeDemoAppealsOptions {
  /** How many appeals (≥ 0). */
  count: number;
  /** Any number; the same seed gives the same appeals. */
  seed: number;
  /** The end of the window; no appeal is later. */
  now: Date;
  /** Spread over the last `days` days (> 0) before `now`. */
  days: number;
  categories: CategoryNode[];
  /** Must contain districts (level 3); their cities (level 2) give city names. */
  regions: Region[];
}

const DAY_MS = 86_400_000;

/** Share of appeals written by enterprises. */
const ENTERPRISE_SHARE = 0.08;
/** Share of appeals that are near-duplicates of an earlier one. */
const DUPLICATE_SHARE = 0.02;
/** Share of consults the agent answers on the spot. */
const DIRECT_ANSWER_SHARE = 0.3;

const CITIZEN_KINDS: ReadonlyArray<readonly [AppealKind, number]> = [
  ["consult", 32],
  ["complaint", 30],
  ["help", 16],
  ["report", 9],
  ["suggestion", 8],
  ["praise", 5],
];
const ENTERPRISE_KINDS: ReadonlyArray<readonly [AppealKind, number]> = [
  ["consult", 38],
  ["help", 25],
  ["complaint", 22],
  ["suggestion", 6],
  ["report", 5],
  ["praise", 4],
];
const CITIZEN_CHANNELS: ReadonlyArray<readonly [Channel, number]> = [
  ["phone", 60],
  ["app", 12],
  ["wechat", 13],
  ["web", 7],
  ["sms", 3],
  ["email", 1],
  ["open311", 2],
  ["transfer", 2],
];
const ENTERPRISE_CHANNELS: ReadonlyArray<readonly [Channel, number]> = [
  ["phone", 45],
  ["web", 22],
  ["app", 14],
  ["wechat", 10],
  ["email", 5],
  ["transfer", 4],
];
/** Probability that an appeal of a channel carries map coordinates. */
const GEO_SHARE: Readonly<Record<Channel, number>> = {
  phone: 0.15,
  web: 0.35,
  app: 0.75,
  wechat: 0.6,
  sms: 0.05,
  email: 0.05,
  open311: 0.9,
  transfer: 0.1,
};

/** Calls by hour of day (China time): office hours heavy, nights light. */
const HOUR_WEIGHTS = [
  0.3, 0.2, 0.15, 0.1, 0.1, 0.2, 0.6, 1.5, 4, 6, 6.5, 5.5, 3.5, 4.5, 5.5, 5.5, 5, 4, 3, 2.8, 2.5, 2, 1.2, 0.6,
];
/** Calls by day of week, Sunday first. */
const WEEKDAY_WEIGHTS = [0.65, 1.2, 1.1, 1.05, 1, 1, 0.7];

/** Fates by age in days: [up to this age, weights in FATES order without answered_directly / merged]. */
const FATE_BY_AGE: ReadonlyArray<readonly [number, Readonly<Partial<Record<Fate, number>>>]> = [
  [
    1,
    { received: 30, dispatched: 30, returned: 6, signed: 18, replied: 8, closed: 6, extension_requested: 1 },
  ],
  [
    3,
    {
      received: 8,
      dispatched: 20,
      returned: 6,
      signed: 28,
      extension_requested: 3,
      replied: 18,
      reopened: 1,
      closed: 15,
      closed_unsatisfied_then_closed: 1,
    },
  ],
  [
    7,
    {
      received: 3,
      dispatched: 8,
      returned: 4,
      signed: 22,
      extension_requested: 6,
      replied: 22,
      reopened: 4,
      closed: 28,
      closed_unsatisfied_then_closed: 3,
    },
  ],
  [
    20,
    {
      received: 1,
      dispatched: 3,
      returned: 2,
      signed: 8,
      extension_requested: 5,
      replied: 12,
      reopened: 4,
      closed: 58,
      closed_unsatisfied_then_closed: 7,
    },
  ],
  [
    Number.POSITIVE_INFINITY,
    {
      received: 0.3,
      dispatched: 0.7,
      returned: 0.5,
      signed: 1.5,
      extension_requested: 1,
      replied: 2,
      reopened: 1,
      closed: 85,
      closed_unsatisfied_then_closed: 8,
    },
  ],
];

/** Fates that leave an appeal open (not closed, not merged). */
const OPEN_FATES: ReadonlySet<Fate> = new Set<Fate>([
  "received",
  "dispatched",
  "returned",
  "signed",
  "extension_requested",
  "replied",
  "reopened",
]);

/** Replies used when a department cannot solve a complaint, help request or report. */
const UNRESOLVABLE_REPLIES: readonly ReplyVariant[] = [
  {
    outcome: "unresolvable",
    text: "经{district}相关部门核实，您反映的问题涉及历史遗留原因，目前暂不具备解决条件，相关部门已做好记录，待条件成熟后统筹解决。已向来电人解释说明。",
  },
  {
    outcome: "unresolvable",
    text: "经核实，该事项属于民事纠纷，不属于行政机关管辖范围，建议来电人通过协商、人民调解或司法途径解决。已告知来电人。",
  },
];

/** Address patterns by what the address points at. */
const ADDRESS_PATTERNS: Readonly<Record<Place, string>> = {
  home: "{city}{district}{street}{compound}",
  road: "{city}{district}{road}",
  school: "{city}{district}{school}",
  hospital: "{city}{district}{hospital}",
  shop: "{city}{district}{road}",
  village: "{city}{district}{town}{village}",
  park: "{city}{district}{park}",
  company: "{city}{district}{road}{houseNo}",
};

/** Seasonal multiplier of a template's weight in a month (1–12). */
function seasonFactor(season: Season | undefined, month: number): number {
  const inMonths = (months: readonly number[], hit: number, miss: number) =>
    months.includes(month) ? hit : miss;
  switch (season) {
    case undefined:
      return 1;
    case "heating":
      return inMonths([11, 12, 1, 2, 3], 4, month === 10 || month === 4 ? 0.4 : 0.03);
    case "heatingPrep":
      return inMonths([9, 10, 11], 3, inMonths([12, 1, 2, 3], 0.8, 0.15));
    case "summer":
      return inMonths([6, 7, 8], 2.5, inMonths([5, 9], 1.2, 0.35));
    case "winter":
      return inMonths([12, 1, 2], 2.5, inMonths([11, 3], 1, 0.5));
    case "enrollment":
      return inMonths([5, 6, 7, 8], 3, 0.4);
    case "burning":
      return inMonths([3, 4, 10, 11], 3, 0.3);
    case "tourism":
      return inMonths([5, 6, 7, 8, 9, 10], 2, 0.4);
    case "insurance":
      return inMonths([9, 10, 11, 12], 2.5, 0.6);
  }
}

interface District {
  region: Region;
  cityCode: string;
  cityName: string;
  weight: number;
}

interface TemplateOption {
  template: AppealTemplate;
  /** Leaves to draw the category from (preferred level-3 names when they exist). */
  leaves: CategoryNode[];
  l1Name: string;
  l2Name: string;
  weight: number;
}

/** An appeal before indexes are known. */
interface Draft {
  appeal: Omit<DemoAppeal, "duplicateOfIndex">;
  option: TemplateOption;
  district: District;
  slots: ReadonlyMap<string, string>;
  titleIndex: number;
  bodyIndex: number;
  duplicateOf: Draft | null;
  seq: number;
}

function leavesOf(node: CategoryNode): CategoryNode[] {
  return node.children.length === 0 ? [node] : node.children.flatMap(leavesOf);
}

/** Matches the templates to the tree. */
function buildOptions(categories: readonly CategoryNode[]): TemplateOption[] {
  const options: TemplateOption[] = [];
  const byName = new Map(categories.map((n) => [n.name, n]));
  const covered = new Map<string, Set<string>>();
  for (const template of SPECIFIC_TEMPLATES) {
    const l1 = byName.get(template.l1);
    const l2 = l1?.children.find((c) => c.name === template.l2);
    if (!l1 || !l2) continue;
    const all = leavesOf(l2);
    const preferred = template.l3 ? all.filter((leaf) => template.l3?.includes(leaf.name)) : [];
    options.push({
      template,
      leaves: preferred.length > 0 ? preferred : all,
      l1Name: l1.name,
      l2Name: l2.name,
      weight: template.weight ?? 1,
    });
    const names = covered.get(l1.name) ?? new Set<string>();
    names.add(l2.name);
    covered.set(l1.name, names);
  }
  for (const template of GENERIC_TEMPLATES) {
    const l1 = byName.get(template.l1);
    if (!l1) continue;
    const l2s = l1.children.length > 0 ? l1.children : [l1];
    for (const l2 of l2s) {
      if (covered.get(l1.name)?.has(l2.name)) continue;
      options.push({ template, leaves: leavesOf(l2), l1Name: l1.name, l2Name: l2.name, weight: 0.35 });
    }
  }
  if (options.length === 0) {
    for (const l1 of categories) {
      const l2s = l1.children.length > 0 ? l1.children : [l1];
      for (const l2 of l2s) {
        for (const template of FALLBACK_TEMPLATES) {
          options.push({ template, leaves: leavesOf(l2), l1Name: l1.name, l2Name: l2.name, weight: 1 });
        }
      }
    }
  }
  return options;
}

/** Districts with their cities and a weight (big cities and urban districts more). */
function buildDistricts(regions: readonly Region[]): District[] {
  const byCode = new Map(regions.map((r) => [r.code, r]));
  const cityOf = (r: Region): Region | undefined => {
    let p = r.parentCode ? byCode.get(r.parentCode) : undefined;
    while (p && p.level > 2) p = p.parentCode ? byCode.get(p.parentCode) : undefined;
    return p && p.level === 2 ? p : undefined;
  };
  const raw = regions
    .filter((r) => r.level === 3)
    .map((region) => {
      const city = cityOf(region);
      const cityCode = city?.code ?? region.code.slice(0, 4);
      return {
        region,
        cityCode,
        cityName: city?.name ?? "",
        factor: region.name.endsWith("区") ? 1.5 : 1,
      };
    });
  const factorSum = new Map<string, number>();
  for (const d of raw) factorSum.set(d.cityCode, (factorSum.get(d.cityCode) ?? 0) + d.factor);
  return raw.map((d) => ({
    region: d.region,
    cityCode: d.cityCode,
    cityName: d.cityName,
    weight: ((LIAONING_CITIES[d.cityCode]?.weight ?? 2) * d.factor) / (factorSum.get(d.cityCode) ?? 1),
  }));
}

/** Draws a time in [now − days, now], following the weekday and hour-of-day profile (China time). */
function timeSampler(rng: Random, now: Date, days: number): () => Date {
  const end = now.getTime();
  const start = end - days * DAY_MS;
  const localEnd = end + CHINA_OFFSET_MS;
  const todayMidnight = localEnd - (((localEnd % DAY_MS) + DAY_MS) % DAY_MS);
  const dayCount = Math.ceil(days) + 1;
  const midnights = Array.from({ length: dayCount }, (_, i) => todayMidnight - i * DAY_MS);
  const dayWeights = midnights.map((m) => WEEKDAY_WEIGHTS[new Date(m).getUTCDay()] ?? 1);
  return () => {
    for (let attempt = 0; attempt < 40; attempt++) {
      const midnight = midnights[rng.weightedIndex(dayWeights)] ?? todayMidnight;
      const hour = rng.weightedIndex(HOUR_WEIGHTS);
      const t = midnight + hour * 3600_000 + rng.int(0, 3599) * 1000 - CHINA_OFFSET_MS;
      if (t >= start && t <= end) return new Date(t);
    }
    return new Date(start + Math.floor(rng.next() * (end - start)));
  };
}

function pickFrom<T>(rng: Random, table: ReadonlyArray<readonly [T, number]>): T {
  return rng.weighted(table, ([, w]) => w)[0];
}

function personName(rng: Random, polite: boolean): string {
  const surname = SURNAMES[rng.weightedIndex(SURNAMES.map((_, i) => 1 / (1 + i * 0.12)))] ?? "王";
  if (polite) return `${surname}${rng.chance(0.5) ? "先生" : "女士"}`;
  const given = rng.chance(0.6)
    ? `${rng.pick(GIVEN_NAME_CHARS)}${rng.pick(GIVEN_NAME_CHARS)}`
    : rng.pick(GIVEN_NAME_CHARS);
  return `${surname}${given}`;
}

function digits(rng: Random, n: number): string {
  let s = "";
  for (let i = 0; i < n; i++) s += String(rng.int(0, 9));
  return s;
}

/** A normalized phone: mostly a mobile, sometimes a landline of the city. */
function phoneNumber(rng: Random, cityCode: string, landlineShare: number): string {
  const areaCode = LIAONING_CITIES[cityCode]?.areaCode;
  if (areaCode && rng.chance(landlineShare)) {
    const localLength = areaCode.length === 3 || areaCode === "0411" ? 8 : 7;
    return `${areaCode}${rng.int(2, 8)}${digits(rng, localLength - 1)}`;
  }
  return `${rng.pick(MOBILE_PREFIXES)}${digits(rng, 8)}`;
}

/** GB 11714 check character of an 8-character organisation code body. */
function orgCodeCheckChar(body: string): string {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = body.charAt(i);
    const v = /\d/.test(ch) ? Number(ch) : ch.charCodeAt(0) - 55;
    sum += v * (weights[i] ?? 0);
  }
  const c = 11 - (sum % 11);
  return c === 10 ? "X" : c === 11 ? "0" : String(c);
}

/** A valid USCC of an enterprise (91…) registered in the district. */
function enterpriseUscc(rng: Random, districtCode: string): string {
  const region = districtCode.replace(/\D/g, "0").padEnd(6, "0").slice(0, 6);
  const body = rng.chance(0.55)
    ? `MA${Array.from({ length: 6 }, () => rng.pick([...USCC_ALPHABET])).join("")}`
    : digits(rng, 8);
  const first17 = `91${region}${body}${orgCodeCheckChar(body)}`;
  return first17 + computeUsccCheckChar(first17);
}

function pickFate(rng: Random, ageDays: number, kind: AppealKind, urgency: Urgency): Fate {
  if (kind === "consult" && rng.chance(DIRECT_ANSWER_SHARE)) return "answered_directly";
  const age = urgency === "urgent" ? ageDays * 2.5 : ageDays;
  const row = FATE_BY_AGE.find(([limit]) => age <= limit) ?? FATE_BY_AGE[FATE_BY_AGE.length - 1];
  const table = Object.entries(row?.[1] ?? { closed: 1 }) as Array<[Fate, number]>;
  return pickFrom(rng, table);
}

function pickReply(rng: Random, template: AppealTemplate): ReplyVariant {
  const mayFail = template.kind === "complaint" || template.kind === "help" || template.kind === "report";
  const hasOwnUnresolvable = template.replies.some((v) => v.outcome === "unresolvable");
  if (mayFail && !hasOwnUnresolvable && rng.chance(0.05)) return rng.pick(UNRESOLVABLE_REPLIES);
  const preference: Record<ReplyOutcome, number> = { resolved: 0.62, explained: 0.3, unresolvable: 0.08 };
  return rng.weighted(template.replies, (v) => preference[v.outcome]);
}

function callbackOf(
  rng: Random,
  fate: Fate,
  outcome: ReplyOutcome,
): { satisfaction: Satisfaction; callbackResolved: boolean } {
  const resolvedShare = outcome === "resolved" ? 0.93 : outcome === "explained" ? 0.6 : 0.1;
  const happy = (satisfiedShare: number): Satisfaction =>
    rng.chance(satisfiedShare) ? "satisfied" : "basically";
  const satisfiedShare = outcome === "resolved" ? 0.8 : outcome === "explained" ? 0.6 : 0.35;
  switch (fate) {
    case "reopened":
      return { satisfaction: "unsatisfied", callbackResolved: rng.chance(0.05) };
    case "closed_unsatisfied_then_closed":
      return { satisfaction: happy(0.35), callbackResolved: rng.chance(0.7) };
    case "closed":
    case "merged":
      return { satisfaction: happy(satisfiedShare), callbackResolved: rng.chance(resolvedShare) };
    case "answered_directly":
      return { satisfaction: happy(0.85), callbackResolved: true };
    default: {
      const satisfaction = rng.chance(0.1) ? "unsatisfied" : happy(satisfiedShare);
      return {
        satisfaction,
        callbackResolved: satisfaction === "unsatisfied" ? false : rng.chance(resolvedShare),
      };
    }
  }
}

function topicOf(option: TemplateOption, leaf: CategoryNode): string {
  if (leaf.name !== "其他") return leaf.name;
  if (option.l2Name !== "其他") return option.l2Name;
  return option.l1Name;
}

function roundCoord(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/**
 * Composes `count` demo appeals spread over the last `days` days before `now`, sorted by
 * `receivedAt` (ascending). About 2 % are near-duplicates (fate `merged`) of an earlier appeal in
 * the same district whose own fate leaves it open (when there is one). Throws a RangeError on
 * bad options or when there is no district or category.
 */
export function composeDemoAppeals(opts: ComposeDemoAppealsOptions): DemoAppeal[] {
  const { count, seed, now, days } = opts;
  if (!Number.isInteger(count) || count < 0) throw new RangeError("count must be a whole number ≥ 0");
  if (!(days > 0) || !Number.isFinite(days)) throw new RangeError("days must be a positive number");
  if (Number.isNaN(now.getTime())) throw new RangeError("now must be a valid date");
  if (count === 0) return [];

  const districts = buildDistricts(opts.regions);
  if (districts.length === 0) throw new RangeError("regions contain no district (level 3)");
  const options = buildOptions(opts.categories);
  if (options.length === 0) throw new RangeError("the category tree is empty");

  const rng = createRandom(seed);
  const sampleTime = timeSampler(rng, now, days);
  const nowMs = now.getTime();

  const compose = (
    receivedAt: Date,
    district: District,
    enterpriseWanted: boolean,
    base: Draft | null,
    seq: number,
  ): Draft => {
    const month = new Date(receivedAt.getTime() + CHINA_OFFSET_MS).getUTCMonth() + 1;
    let option: TemplateOption;
    let leaf: CategoryNode;
    if (base) {
      option = base.option;
      leaf = option.leaves.find((l) => l.code === base.appeal.categoryCode) ?? rng.pick(option.leaves);
    } else {
      const fits = (o: TemplateOption, enterprise: boolean, kind: AppealKind | null) =>
        (o.template.enterprise ?? false) === enterprise &&
        (kind === null || o.template.kind === kind) &&
        (!o.template.cities || o.template.cities.includes(district.cityCode));
      const kind = pickFrom(rng, enterpriseWanted ? ENTERPRISE_KINDS : CITIZEN_KINDS);
      let candidates = options.filter((o) => fits(o, enterpriseWanted, kind));
      if (candidates.length === 0) candidates = options.filter((o) => fits(o, enterpriseWanted, null));
      if (candidates.length === 0) candidates = options.filter((o) => fits(o, false, kind));
      if (candidates.length === 0) candidates = options.filter((o) => fits(o, false, null));
      if (candidates.length === 0) candidates = options;
      const rural = !district.region.name.endsWith("区");
      option = rng.weighted(
        candidates,
        (o) =>
          o.weight *
          seasonFactor(o.template.season, month) *
          (o.template.place === "village" ? (rural ? 2 : 0.15) : 1),
      );
      leaf = rng.pick(option.leaves);
    }
    const template = option.template;
    const isEnterprise = base ? base.appeal.enterprise !== null : (template.enterprise ?? false);
    const cityShort = cityShortName(district.cityCode, district.cityName);
    const enterprise = base
      ? base.appeal.enterprise
      : isEnterprise
        ? {
            uscc: enterpriseUscc(rng, district.region.code),
            name: companyName(rng, cityShort, rng.chance(0.6)),
          }
        : null;

    const filler = new SlotFiller(
      {
        rng,
        receivedAt,
        cityCode: district.cityCode,
        cityName: district.cityName,
        districtName: district.region.name,
        topic: topicOf(option, leaf),
        companyName: enterprise?.name ?? null,
      },
      base?.slots,
    );
    const titleIndex = base
      ? (base.titleIndex + 1) % template.titles.length
      : rng.int(0, template.titles.length - 1);
    const bodyIndex = base
      ? (base.bodyIndex + 1) % template.bodies.length
      : rng.int(0, template.bodies.length - 1);
    const title = filler.fill(template.titles[titleIndex] ?? "");
    const body = filler.fill(template.bodies[bodyIndex] ?? "");
    const reply = pickReply(rng, template);
    const replyText = filler.fill(reply.text);
    const address = filler.fill(ADDRESS_PATTERNS[template.place ?? "home"]);

    const channel = pickFrom(rng, isEnterprise ? ENTERPRISE_CHANNELS : CITIZEN_CHANNELS);
    const urgency: Urgency = base
      ? base.appeal.urgency
      : rng.chance(template.urgent ?? 0.03)
        ? "urgent"
        : "normal";
    const anonymous = !isEnterprise && rng.chance(template.kind === "report" ? 0.25 : 0.07);
    const citizen = {
      name: personName(rng, !isEnterprise && rng.chance(0.2)),
      phone: phoneNumber(rng, district.cityCode, isEnterprise ? 0.3 : 0.07),
      anonymous,
    };
    const ageDays = (nowMs - receivedAt.getTime()) / DAY_MS;
    const fate: Fate = base ? "merged" : pickFate(rng, ageDays, template.kind, urgency);
    const { satisfaction, callbackResolved } = callbackOf(rng, fate, reply.outcome);
    const centre = LIAONING_CITIES[district.cityCode];
    const withGeo = centre !== undefined && rng.chance(GEO_SHARE[channel]);
    const lat = withGeo && centre ? roundCoord(centre.lat + (rng.next() - 0.5) * 0.2) : null;
    const lng = withGeo && centre ? roundCoord(centre.lng + (rng.next() - 0.5) * 0.28) : null;

    return {
      appeal: {
        receivedAt,
        kind: template.kind,
        channel,
        urgency,
        title,
        body,
        citizen,
        enterprise,
        businessEnvironment: enterprise !== null,
        location: { regionCode: district.region.code, address, lat, lng },
        categoryCode: leaf.code,
        fate,
        replyText,
        replyOutcome: reply.outcome,
        satisfaction,
        callbackResolved,
      },
      option,
      district,
      slots: filler.values,
      titleIndex,
      bodyIndex,
      duplicateOf: base,
      seq,
    };
  };

  const duplicateCount = count >= 2 ? Math.round(count * DUPLICATE_SHARE) : 0;
  const drafts: Draft[] = [];
  for (let i = 0; i < count - duplicateCount; i++) {
    const district = rng.weighted(districts, (d) => d.weight);
    drafts.push(compose(sampleTime(), district, rng.chance(ENTERPRISE_SHARE), null, i));
  }
  // A duplicate is merged into an appeal still open when it arrives: prefer masters whose fate
  // leaves them open, so a seeder that walks each master before its duplicates can still merge.
  const open = drafts.filter((d) => OPEN_FATES.has(d.appeal.fate));
  const originals = open.length > 0 ? open : drafts.filter((d) => d.appeal.fate !== "answered_directly");
  for (let k = 0; k < duplicateCount; k++) {
    const seq = drafts.length;
    const base = originals.length > 0 ? rng.pick(originals) : null;
    if (!base) {
      const district = rng.weighted(districts, (d) => d.weight);
      drafts.push(compose(sampleTime(), district, rng.chance(ENTERPRISE_SHARE), null, seq));
      continue;
    }
    const from = base.appeal.receivedAt.getTime();
    let at = from + rng.int(20, 72 * 60) * 60_000;
    if (at > nowMs) at = from + Math.floor(rng.next() * (nowMs - from));
    drafts.push(compose(new Date(at), base.district, false, base, seq));
  }

  drafts.sort((a, b) => a.appeal.receivedAt.getTime() - b.appeal.receivedAt.getTime() || a.seq - b.seq);
  const indexOf = new Map(drafts.map((d, i) => [d, i]));
  return drafts.map((d) => ({
    ...d.appeal,
    duplicateOfIndex: d.duplicateOf ? (indexOf.get(d.duplicateOf) ?? null) : null,
  }));
}
