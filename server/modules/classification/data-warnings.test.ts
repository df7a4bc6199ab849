import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { dataWarnings, sameUnitReason } from "./data-warnings.ts";
import { skewedSyntheticSamples } from "./test-fixtures.ts";

describe("data warnings before the numbers", () => {
  it("flags labels that look like one unit spelled two ways", () => {
    assert.match(sameUnitReason("住建局", "住建局 ")!, /same name/);
    assert.match(sameUnitReason("市城市管理局", "市城市管理委员会")!, /unit suffix|part of|apart/);
    assert.match(sameUnitReason("生态环境局", "市生态环境局")!, /part of/);
    assert.match(sameUnitReason("市场监督管理局", "市场监督管里局")!, /1 character apart/);
    assert.match(sameUnitReason("交通運輸局", "交通运输局")!, /same name/);
    assert.equal(sameUnitReason("教育局", "卫健委"), null);
    assert.equal(sameUnitReason("人社局", "水务局"), null);
  });

  it("warns of small classes, look-alike labels and near-duplicate letters, and not of a clean set", () => {
    const clean = skewedSyntheticSamples([40, 30, 20, 15, 12, 12, 12, 12, 12], 5, 0.2);
    assert.deepEqual(
      dataWarnings(clean).filter((w) => w.kind !== "near-duplicates"),
      [],
    );
    const letter =
      "幸福里小区三号楼电梯故障已经一个月了，物业一直不修，老人上下楼非常困难，请有关部门督促处理";
    const messy = [
      ...clean,
      { text: "路灯坏了", label: "城管执法局" },
      { text: "路灯不亮", label: "城管执法局" },
      { text: "小区电梯故障", label: "住建局 " },
      { text: letter, label: "住建局" },
      { text: `${letter}。`.replace("一个月", "一个多月"), label: "住建局" },
    ];
    const w = dataWarnings(messy);
    const small = w.filter((x) => x.kind === "small-class").map((x) => (x as { label: string }).label);
    assert.ok(small.includes("城管执法局"), JSON.stringify(small));
    const alike = w.find((x) => x.kind === "similar-labels");
    assert.ok(alike, "the two spellings of 住建局 are flagged");
    assert.match(alike.message, /住建局/);
    const dup = w.find((x) => x.kind === "near-duplicates");
    assert.ok(dup && dup.kind === "near-duplicates" && dup.pairs >= 1);
  });
});
