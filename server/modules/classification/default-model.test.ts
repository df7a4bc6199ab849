import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { describe, it } from "node:test";
import { loadCategories } from "../directory/seed/index.ts";
import { DEFAULT_MODEL_PATH, loadDefaultClassifier } from "./index.ts";

// The committed default model (scripts/train-default-model.ts); skipped where it was not generated.
describe("the default model", { skip: !existsSync(DEFAULT_MODEL_PATH) && "default-model.bin absent" }, () => {
  const model = loadDefaultClassifier()!;
  const nameOf = new Map(loadCategories().map((c) => [c.code, c.name]));

  it("emits our level-1 category codes", () => {
    assert.ok(model.labels.length >= 2);
    for (const l of model.labels) assert.ok(nameOf.has(l), `${l} is not a level-1 category code`);
  });

  it("routes everyday appeals to the right level-1 category, with the words that drove it", () => {
    const cases: [string, string][] = [
      ["小区门口的路灯坏了一个多月，晚上一片漆黑，物业也不管", "城乡建设"],
      ["孩子今年上小学，学区划分不合理，学校还乱收补课费", "教育文体"],
      ["公司拖欠工资三个月，也不给我们交社保和养老保险", "劳动和社会保障"],
      ["化工厂晚上偷排废气，气味刺鼻，河里的鱼都死了", "环境保护"],
      ["驾驶证年审和车辆年检要排很久的队，车管所效率太低", "交通运输"],
    ];
    for (const [text, name] of cases) {
      const top = model.predict(text, 3);
      assert.equal(top.length, 3);
      assert.equal(
        nameOf.get(top[0]!.label),
        name,
        `${text} → ${top.map((s) => nameOf.get(s.label)).join(",")}`,
      );
      assert.ok(top[0]!.words.length >= 1);
    }
  });

  it("works on traditional characters and HTML and says nothing for emoji", () => {
    assert.equal(nameOf.get(model.predict("<p>學校亂收費，老師在校外辦補習班</p>")[0]!.label), "教育文体");
    assert.deepEqual(model.predict("🙂🙂🙂"), []);
  });
});
