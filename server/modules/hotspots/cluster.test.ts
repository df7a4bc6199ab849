import assert from "node:assert/strict";
import { test } from "node:test";
import { findHotspots, type HotspotRecord, placeWords } from "./cluster.ts";

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2025, 10, 20, 4); // 2025-11-20 12:00 China time: heating season

const HEATING = [
  "幸福里小区{n}号楼暖气不热，室内温度只有{t}度，请供热公司尽快处理。",
  "幸福里小区{n}号楼暖气一直不热，家里温度才{t}度，请供热公司上门处理。",
  "反映幸福里小区{n}号楼暖气不热的问题，室温只有{t}度，请供热公司尽快处理。",
];
const OTHER = [
  "请问灵活就业人员养老保险怎么缴纳，缴费基数是多少。",
  "中山路公交站台广告牌破损，存在安全隐患，请尽快维修。",
  "孩子上小学的学区怎么划分，户口在外地能不能入学。",
  "小区门口夜市烧烤油烟太大，影响居民休息，请城管处理。",
  "住房公积金提取需要什么材料，可以网上办理吗。",
  "新建楼盘延期交房，开发商不给说法，请住建部门介入。",
];

let seq = 0;
function heating(time: number, district = "210102", caller?: string): HotspotRecord {
  const n = seq++;
  const text = HEATING[n % HEATING.length]!.replace("{n}", String((n % 9) + 1)).replace(
    "{t}",
    String(12 + (n % 4)),
  );
  return { id: `h${n}`, title: "暖气不热", text, city: "2101", district, time, caller: caller ?? `c${n}` };
}
function other(time: number, i: number): HotspotRecord {
  return {
    id: `o${seq++}`,
    title: OTHER[i % OTHER.length]!.slice(0, 10),
    text: OTHER[i % OTHER.length]!,
    city: "2101",
    district: "210103",
    time,
    caller: `x${i}`,
  };
}

test("a burst of 8 similar appeals in one district in 24 h raises an early warning", () => {
  const records = [
    ...Array.from({ length: 8 }, (_, i) => heating(NOW - i * 2 * HOUR)),
    ...Array.from({ length: 6 }, (_, i) => other(NOW - i * DAY, i)),
  ];
  const spots = findHotspots(records, { now: NOW, baseline: { kind: "trailing", records: [], days: 28 } });
  assert.equal(spots.length, 1, JSON.stringify(spots.map((s) => s.title)));
  const h = spots[0]!;
  assert.equal(h.size, 8);
  assert.equal(h.recent, 8);
  assert.equal(h.district, "210102");
  assert.equal(h.warning, true);
  assert.match(h.warningReason ?? "", /8 similar appeals in 24 h/);
  assert.ok(h.keywords.length > 0);
  assert.equal(
    h.trend.reduce((n, d) => n + d.count, 0),
    8,
  );
});

test("a steady seasonal topic as frequent as the same weeks last year is no warning; without that history it is", () => {
  // 8 a day for the last 7 days, and the same last year (heating in November).
  const now = Array.from({ length: 56 }, (_, i) => heating(NOW - Math.floor(i / 8) * DAY - (i % 8) * HOUR));
  const lastYear = Array.from({ length: 56 }, (_, i) =>
    heating(NOW - 365 * DAY - Math.floor(i / 8) * DAY - (i % 8) * HOUR),
  );
  const seasonal = findHotspots(now, { now: NOW, baseline: { kind: "season", records: lastYear, days: 7 } });
  assert.equal(seasonal.length, 1);
  assert.equal(seasonal[0]!.recent, 8);
  assert.equal(seasonal[0]!.baseline.matches, 56);
  assert.equal(seasonal[0]!.warning, false);

  const fresh = findHotspots(now, { now: NOW, baseline: { kind: "trailing", records: [], days: 28 } });
  assert.equal(fresh[0]!.warning, true);
});

test("history in another district does not count as this district's baseline; thresholds are configuration", () => {
  const burst = Array.from({ length: 8 }, (_, i) => heating(NOW - i * HOUR));
  const elsewhere = Array.from({ length: 56 }, (_, i) => heating(NOW - 365 * DAY - i * 3 * HOUR, "210106"));
  const spots = findHotspots(burst, { now: NOW, baseline: { kind: "season", records: elsewhere, days: 7 } });
  assert.equal(spots[0]!.baseline.matches, 0);
  assert.equal(spots[0]!.warning, true);
  const stricter = findHotspots(burst, { now: NOW, config: { warnMinCount: 10 } });
  assert.equal(stricter[0]!.warning, false);
});

test("clusters are ranked by heat: more distinct callers and votes rank higher; one caller repeating counts little", () => {
  const big = Array.from({ length: 6 }, (_, i) => heating(NOW - i * DAY, "210102"));
  const oneCaller = Array.from({ length: 6 }, (_, i) => ({
    ...other(NOW - i * DAY - HOUR, 1),
    caller: "same",
  }));
  const spots = findHotspots([...big, ...oneCaller], { now: NOW, config: { minSize: 3 } });
  assert.equal(spots.length, 2);
  assert.equal(spots[0]!.district, "210102");
  assert.equal(spots[1]!.callers, 1);
  assert.ok(spots[0]!.heat > spots[1]!.heat);
});

test("place words name specific places, not 'our compound'", () => {
  const w = placeWords("反映伊景园滨河苑捆绑销售车位，我们小区业主不同意");
  assert.ok(w.includes("景园滨河苑") || w.includes("滨河苑"), w.join(","));
  assert.ok(!w.some((x) => x.includes("我们")));
});
