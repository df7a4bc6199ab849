import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { APPEAL_KINDS } from "../../../common/appeal-state.ts";
import { isValidPhone } from "../../../common/phone.ts";
import { isValidUscc } from "../../../common/uscc.ts";
import { CHINA_OFFSET_MS, chinaHour } from "../../platform/china-time.ts";
import { createRandom } from "../../platform/seeded-random.ts";
import {
  type CategoryNode,
  composeDemoAppeals,
  type DemoAppeal,
  FATES,
  type Region,
} from "./compose-appeals.ts";
import { SlotFiller } from "./slots.ts";
import { ALL_TEMPLATES, SPECIFIC_TEMPLATES, TEMPLATE_LEVEL1_NAMES } from "./templates.ts";

/** Builds a node; leaves get codes from their parent. */
function node(code: string, name: string, children: Array<[string, string[]]> | string[] = []): CategoryNode {
  if (children.length === 0) return { code, name, children: [] };
  if (typeof children[0] === "string") {
    return {
      code,
      name,
      children: (children as string[]).map((leaf, i) =>
        node(`${code}${String(i + 1).padStart(2, "0")}`, leaf),
      ),
    };
  }
  return {
    code,
    name,
    children: (children as Array<[string, string[]]>).map(([l2, leaves], i) =>
      node(`${code}${String(i + 1).padStart(2, "0")}`, l2, leaves),
    ),
  };
}

/** A small tree: part of the taxonomy's names, some level-2 nodes without templates, one unknown level 1. */
const TREE: CategoryNode[] = [
  node("01", "城乡建设", [
    ["城市建设和市政管理", ["冬季采暖", "公共汽车", "环境卫生", "自来水供应", "其他"]],
    ["住房保障与房地产", ["物业服务", "住房公积金", "其他"]],
    ["建筑市场", ["拖欠工程款", "其他"]],
    ["集体土地上房屋拆迁与补偿", ["房屋拆迁", "安置补偿"]],
    ["其他", ["其他"]],
  ]),
  node("02", "环境保护", [
    ["环境污染", ["噪音污染", "大气污染", "水污染"]],
    ["环保管理", ["环境执法", "环境监测"]],
  ]),
  node("03", "交通运输", [
    ["出租车管理", ["网约车问题", "运价监管"]],
    ["客货运输", ["旅客运输", "物流管理"]],
  ]),
  node("04", "教育文体", [
    ["教育行政管理", ["校外机构管理", "学生负担"]],
    ["考试招生", ["招生录取"]],
    ["教师队伍和待遇", ["师资力量"]],
  ]),
  node("05", "劳动和社会保障", [
    ["劳动关系", ["农民工权益", "劳动合同纠纷"]],
    ["城镇职工社会保险", ["职工养老保险", "其他"]],
    ["就业培训", ["就业和再就业"]],
  ]),
  node("06", "商贸旅游", [
    ["市场监管", ["商品质量", "物价监督", "其他"]],
    ["旅游管理", ["景区管理"]],
    ["其他", ["其他"]],
  ]),
  node("07", "卫生计生", [
    ["医政监管", ["医疗技术和服务", "非法行医"]],
    ["食品药品监管", ["食品安全"]],
  ]),
  node("08", "政法", [["社会治安", ["治安管理"]]]),
];

const REGIONS: Region[] = [
  { code: "21", name: "辽宁省", parentCode: null, level: 1 },
  { code: "2101", name: "沈阳市", parentCode: "21", level: 2 },
  { code: "210102", name: "和平区", parentCode: "2101", level: 3 },
  { code: "210103", name: "沈河区", parentCode: "2101", level: 3 },
  { code: "210123", name: "康平县", parentCode: "2101", level: 3 },
  { code: "2102", name: "大连市", parentCode: "21", level: 2 },
  { code: "210202", name: "中山区", parentCode: "2102", level: 3 },
  { code: "210211", name: "甘井子区", parentCode: "2102", level: 3 },
  { code: "2113", name: "朝阳市", parentCode: "21", level: 2 },
  { code: "211302", name: "双塔区", parentCode: "2113", level: 3 },
  { code: "211381", name: "北票市", parentCode: "2113", level: 3 },
];

const NOW = new Date("2024-12-16T15:30:00+08:00");
const DAYS = 90;
const DAY_MS = 86_400_000;

function leafCodes(nodes: readonly CategoryNode[]): Set<string> {
  const out = new Set<string>();
  const walk = (n: CategoryNode) => (n.children.length === 0 ? out.add(n.code) : n.children.forEach(walk));
  nodes.forEach(walk);
  return out;
}

const BIG: DemoAppeal[] = composeDemoAppeals({
  count: 5000,
  seed: 20241216,
  now: NOW,
  days: DAYS,
  categories: TREE,
  regions: REGIONS,
});

function share(list: readonly DemoAppeal[], pred: (a: DemoAppeal) => boolean): number {
  return list.filter(pred).length / list.length;
}

describe("composeDemoAppeals", () => {
  it("is deterministic for a seed and differs between seeds", () => {
    const opts = { count: 300, seed: 7, now: NOW, days: 30, categories: TREE, regions: REGIONS };
    assert.deepEqual(composeDemoAppeals(opts), composeDemoAppeals(opts));
    const other = composeDemoAppeals({ ...opts, seed: 8 });
    assert.notDeepEqual(
      other.map((a) => a.title),
      composeDemoAppeals(opts).map((a) => a.title),
    );
  });

  it("honours the count", () => {
    for (const count of [0, 1, 2, 7, 49, 123]) {
      const list = composeDemoAppeals({
        count,
        seed: count,
        now: NOW,
        days: 10,
        categories: TREE,
        regions: REGIONS,
      });
      assert.equal(list.length, count);
    }
    assert.equal(BIG.length, 5000);
  });

  it("keeps every date in the window, none in the future, sorted ascending", () => {
    const start = NOW.getTime() - DAYS * DAY_MS;
    let previous = Number.NEGATIVE_INFINITY;
    for (const a of BIG) {
      const t = a.receivedAt.getTime();
      assert.ok(t >= start && t <= NOW.getTime(), a.receivedAt.toISOString());
      assert.ok(t >= previous);
      previous = t;
    }
    const short = composeDemoAppeals({
      count: 200,
      seed: 3,
      now: NOW,
      days: 0.5,
      categories: TREE,
      regions: REGIONS,
    });
    for (const a of short) {
      assert.ok(a.receivedAt.getTime() >= NOW.getTime() - 0.5 * DAY_MS && a.receivedAt <= NOW);
    }
  });

  it("has every kind and every fate", () => {
    const kinds = new Set(BIG.map((a) => a.kind));
    for (const kind of APPEAL_KINDS) assert.ok(kinds.has(kind), kind);
    const fates = new Set(BIG.map((a) => a.fate));
    for (const fate of FATES) assert.ok(fates.has(fate), fate);
  });

  it("uses only leaves of the given tree, and only the known level-1 names", () => {
    const leaves = leafCodes(TREE);
    for (const a of BIG) {
      assert.ok(leaves.has(a.categoryCode), a.categoryCode);
      assert.ok(!a.categoryCode.startsWith("08"), "no template speaks of 政法");
    }
    const level1 = new Set(BIG.map((a) => a.categoryCode.slice(0, 2)));
    assert.deepEqual([...level1].sort(), ["01", "02", "03", "04", "05", "06", "07"]);
  });

  it("uses generic templates for level-2 nodes without their own", () => {
    assert.ok(
      BIG.some((a) => a.categoryCode.startsWith("0104")),
      "集体土地上房屋拆迁与补偿",
    );
    assert.ok(
      BIG.some((a) => a.categoryCode === "010501"),
      "城乡建设 › 其他",
    );
  });

  it("places every appeal in a district of the given regions", () => {
    const districts = new Set(REGIONS.filter((r) => r.level === 3).map((r) => r.code));
    for (const a of BIG) assert.ok(districts.has(a.location.regionCode), a.location.regionCode);
    const used = new Set(BIG.map((a) => a.location.regionCode));
    assert.equal(used.size, districts.size);
    assert.ok(share(BIG, (a) => a.location.regionCode.startsWith("2101")) > 0.35, "Shenyang is the busiest");
  });

  it("writes addresses in the appeal's city and district, with coordinates near Liaoning when present", () => {
    const names = new Map(REGIONS.map((r) => [r.code, r.name]));
    for (const a of BIG) {
      const district = names.get(a.location.regionCode) ?? "?";
      const city = names.get(a.location.regionCode.slice(0, 4)) ?? "?";
      assert.ok(a.location.address.startsWith(`${city}${district}`), a.location.address);
      assert.equal(a.location.lat === null, a.location.lng === null);
      if (a.location.lat !== null && a.location.lng !== null) {
        assert.ok(
          a.location.lat > 38 && a.location.lat < 43.5 && a.location.lng > 118 && a.location.lng < 126,
        );
      }
    }
    const geo = share(BIG, (a) => a.location.lat !== null);
    assert.ok(geo > 0.1 && geo < 0.6, String(geo));
  });

  it("gives enterprises valid USCCs and marks them business-environment", () => {
    const enterprises = BIG.filter((a) => a.enterprise !== null);
    const ratio = enterprises.length / BIG.length;
    assert.ok(ratio > 0.05 && ratio < 0.12, String(ratio));
    for (const a of BIG) {
      assert.equal(a.businessEnvironment, a.enterprise !== null);
      if (!a.enterprise) continue;
      assert.ok(isValidUscc(a.enterprise.uscc), a.enterprise.uscc);
      assert.ok(a.enterprise.uscc.startsWith("91"));
      assert.match(a.enterprise.name, /公司$/);
      assert.equal(a.citizen.anonymous, false);
    }
  });

  it("gives every citizen a valid phone and a name; about 10 % are anonymous", () => {
    for (const a of BIG) {
      assert.ok(isValidPhone(a.citizen.phone), a.citizen.phone);
      assert.match(a.citizen.phone, /^\d+$/, "stored normalized");
      assert.ok(a.citizen.name.length >= 2);
    }
    const anonymous = share(BIG, (a) => a.citizen.anonymous);
    assert.ok(anonymous > 0.05 && anonymous < 0.15, String(anonymous));
    assert.ok(share(BIG, (a) => a.citizen.phone.startsWith("1")) > 0.85, "mostly mobiles");
  });

  it("keeps titles and bodies within limits, with every slot filled", () => {
    for (const a of BIG) {
      assert.ok(a.title.length > 0 && a.title.length <= 100, a.title);
      assert.ok(a.body.length >= 30 && a.body.length <= 2000, a.body);
      for (const text of [a.title, a.body, a.replyText, a.location.address]) {
        assert.doesNotMatch(text, /[{}]/, text);
      }
      assert.ok(a.replyText.length >= 20);
    }
  });

  it("repeats a title only rarely", () => {
    const distinct = new Set(BIG.map((a) => a.title)).size;
    assert.ok(distinct / BIG.length > 0.97, `${distinct} distinct titles of ${BIG.length}`);
  });

  it("marks about 2 % near-duplicates of an earlier appeal in the same district, reworded", () => {
    const merged = BIG.filter((a) => a.fate === "merged");
    assert.equal(merged.length, Math.round(5000 * 0.02));
    BIG.forEach((a, i) => {
      assert.equal(a.fate === "merged", a.duplicateOfIndex !== null);
      if (a.duplicateOfIndex === null) return;
      assert.ok(a.duplicateOfIndex < i);
      const original = BIG[a.duplicateOfIndex];
      assert.ok(original);
      assert.ok(
        [
          "received",
          "dispatched",
          "returned",
          "signed",
          "extension_requested",
          "replied",
          "reopened",
        ].includes(original.fate),
        `merged into an open appeal, not one that is ${original.fate}`,
      );
      assert.equal(original.location.regionCode, a.location.regionCode);
      assert.equal(original.categoryCode, a.categoryCode);
      assert.equal(original.kind, a.kind);
      assert.notEqual(original.body, a.body, "reworded");
      const gap = a.receivedAt.getTime() - original.receivedAt.getTime();
      assert.ok(gap >= 0 && gap <= 3 * DAY_MS);
    });
  });

  it("answers about 30 % of consults directly, and only consults", () => {
    const consults = BIG.filter((a) => a.kind === "consult");
    const direct = share(consults, (a) => a.fate === "answered_directly");
    assert.ok(direct > 0.22 && direct < 0.38, String(direct));
    for (const a of BIG) if (a.fate === "answered_directly") assert.equal(a.kind, "consult");
  });

  it("makes about 5 % urgent and takes most appeals by phone", () => {
    const urgent = share(BIG, (a) => a.urgency === "urgent");
    assert.ok(urgent > 0.02 && urgent < 0.09, String(urgent));
    const byChannel = new Map<string, number>();
    for (const a of BIG) byChannel.set(a.channel, (byChannel.get(a.channel) ?? 0) + 1);
    const ranked = [...byChannel].sort((x, y) => y[1] - x[1]).map(([c]) => c);
    assert.equal(ranked[0], "phone");
    assert.ok(["app", "wechat", "web"].includes(ranked[1] ?? ""));
    assert.ok((byChannel.get("phone") ?? 0) / BIG.length > 0.45);
  });

  it("follows office hours and working days", () => {
    const office = share(BIG, (a) => chinaHour(a.receivedAt) >= 8 && chinaHour(a.receivedAt) < 18);
    assert.ok(office > 0.6, String(office));
    const night = share(BIG, (a) => chinaHour(a.receivedAt) < 6);
    assert.ok(night > 0 && night < 0.05, String(night));
    const weekday = (a: DemoAppeal) => new Date(a.receivedAt.getTime() + CHINA_OFFSET_MS).getUTCDay();
    const sundays = BIG.filter((a) => weekday(a) === 0).length;
    const mondays = BIG.filter((a) => weekday(a) === 1).length;
    assert.ok(mondays > sundays);
  });

  it("closes old appeals and keeps recent ones open, with some overdue", () => {
    const age = (a: DemoAppeal) => (NOW.getTime() - a.receivedAt.getTime()) / DAY_MS;
    const closedFates = new Set(["closed", "closed_unsatisfied_then_closed", "answered_directly", "merged"]);
    const old = BIG.filter((a) => age(a) > 20);
    assert.ok(share(old, (a) => closedFates.has(a.fate)) > 0.85);
    const recent = BIG.filter((a) => age(a) < 3 && a.fate !== "merged");
    assert.ok(share(recent, (a) => !closedFates.has(a.fate)) > 0.5);
    const overdue = BIG.filter(
      (a) => age(a) > 15 && ["dispatched", "signed", "extension_requested", "reopened"].includes(a.fate),
    );
    assert.ok(overdue.length >= 10, `${overdue.length} long-open appeals`);
  });

  it("keeps callbacks consistent with the fate", () => {
    for (const a of BIG) {
      if (a.fate === "reopened") assert.equal(a.satisfaction, "unsatisfied");
      if (a.fate === "closed" || a.fate === "closed_unsatisfied_then_closed" || a.fate === "merged") {
        assert.notEqual(a.satisfaction, "unsatisfied");
      }
    }
    const outcomes = new Set(BIG.map((a) => a.replyOutcome));
    assert.deepEqual([...outcomes].sort(), ["explained", "resolved", "unresolvable"]);
  });

  it("has a seasonal flavour: heating complaints in winter, not in summer", () => {
    const heating = (list: DemoAppeal[]) => list.filter((a) => /暖气|供暖/.test(a.title)).length;
    const winter = composeDemoAppeals({
      count: 2000,
      seed: 1,
      now: new Date("2025-01-20T12:00:00+08:00"),
      days: 30,
      categories: TREE,
      regions: REGIONS,
    });
    const summer = composeDemoAppeals({
      count: 2000,
      seed: 1,
      now: new Date("2024-07-20T12:00:00+08:00"),
      days: 30,
      categories: TREE,
      regions: REGIONS,
    });
    assert.ok(heating(winter) > 5 * Math.max(1, heating(summer)), `${heating(winter)} vs ${heating(summer)}`);
  });

  it("puts metro appeals only in cities with a metro", () => {
    for (const a of BIG) if (a.title.includes("地铁")) assert.match(a.location.regionCode, /^210[12]/);
  });

  it("works with a tree that uses none of the known names", () => {
    const tree = [node("01", "甲类", [["乙类", ["丙一", "丙二"]]]), node("02", "丁类", ["戊"])];
    const list = composeDemoAppeals({
      count: 200,
      seed: 5,
      now: NOW,
      days: 30,
      categories: tree,
      regions: REGIONS,
    });
    const leaves = leafCodes(tree);
    assert.equal(list.length, 200);
    for (const a of list) {
      assert.ok(leaves.has(a.categoryCode));
      assert.doesNotMatch(a.title + a.body, /[{}]/);
    }
  });

  it("refuses bad options", () => {
    const ok = { count: 10, seed: 1, now: NOW, days: 10, categories: TREE, regions: REGIONS };
    assert.throws(() => composeDemoAppeals({ ...ok, count: -1 }), RangeError);
    assert.throws(() => composeDemoAppeals({ ...ok, count: 1.5 }), RangeError);
    assert.throws(() => composeDemoAppeals({ ...ok, days: 0 }), RangeError);
    assert.throws(() => composeDemoAppeals({ ...ok, now: new Date("nope") }), RangeError);
    assert.throws(
      () => composeDemoAppeals({ ...ok, regions: REGIONS.filter((r) => r.level < 3) }),
      RangeError,
    );
    assert.throws(() => composeDemoAppeals({ ...ok, categories: [] }), RangeError);
  });
});

describe("demo templates", () => {
  it("are many, with unique ids, two wordings each, across all level-1 names and kinds", () => {
    assert.ok(SPECIFIC_TEMPLATES.length >= 60, String(SPECIFIC_TEMPLATES.length));
    assert.equal(new Set(ALL_TEMPLATES.map((t) => t.id)).size, ALL_TEMPLATES.length);
    for (const t of ALL_TEMPLATES) {
      assert.ok(t.titles.length >= 2 && t.bodies.length >= 2, t.id);
      assert.ok(t.replies.length >= 1, t.id);
    }
    for (const l1 of TEMPLATE_LEVEL1_NAMES) {
      const kinds = new Set(SPECIFIC_TEMPLATES.filter((t) => t.l1 === l1).map((t) => t.kind));
      for (const kind of APPEAL_KINDS) assert.ok(kinds.has(kind), `${l1} lacks ${kind}`);
    }
    assert.ok(SPECIFIC_TEMPLATES.filter((t) => t.enterprise).length >= 8);
  });

  it("fill to titles of at most 60 and bodies of 40–200 characters, replies in department voice", () => {
    const rng = createRandom(99);
    for (const t of ALL_TEMPLATES) {
      for (let round = 0; round < 5; round++) {
        const filler = new SlotFiller({
          rng,
          receivedAt: NOW,
          cityCode: "2101",
          cityName: "沈阳市",
          districtName: round % 2 ? "新宾满族自治县" : "和平区",
          topic: "物业服务",
          companyName: t.enterprise ? "沈阳恒达机械制造有限公司" : null,
        });
        for (const title of t.titles) {
          const text = filler.fill(title);
          assert.ok(text.length <= 60, `${t.id}: ${text}`);
        }
        for (const body of t.bodies) {
          const text = [...filler.fill(body)].length;
          assert.ok(text >= 40 && text <= 200, `${t.id}: ${text} characters`);
        }
        for (const reply of t.replies) assert.doesNotMatch(filler.fill(reply.text), /[{}]/);
      }
    }
  });
});
