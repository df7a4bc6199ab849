import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { trainBalanced } from "./balanced-learner.ts";
import { CorrectionLayer } from "./corrections.ts";
import { skewedSyntheticSamples } from "./test-fixtures.ts";

describe("the correction layer (纠错即学)", () => {
  const model = trainBalanced(skewedSyntheticSamples(), { seed: 1 });
  // Water cuts go to 水务局; this city's tap-water complaints about one estate belong to 住建局
  // (the estate's own pumps), and agents have just corrected one.
  const letter = "幸福里小区停水三天了，自来水浑浊，请有关部门处理";
  const again = "幸福里小区又停水了，自来水浑浊，请有关部门尽快处理";

  it("changes the next prediction for similar text as soon as a return is recorded", () => {
    const layer = new CorrectionLayer();
    const adjust = (p: Float64Array, labels: readonly string[]) =>
      layer.adjust("department", again, labels, p);
    assert.equal(model.predict(again, 1, adjust)[0]!.label, "水务局");
    layer.add("department", { key: "a1", text: letter, right: "住建局", wrong: ["水务局"] });
    const next = model.predict(again, 3, adjust);
    assert.equal(next[0]!.label, "住建局");
    assert.ok(next.every((s) => s.label !== "水务局" || s.score < 0.2));
    assert.ok(next.reduce((a, s) => a + s.score, 0) <= 1 + 1e-9, "still probabilities");
  });

  it("leaves unlike text alone, and a later correction of the same appeal replaces the earlier", () => {
    const layer = new CorrectionLayer();
    layer.add("department", { key: "a1", text: letter, right: "住建局", wrong: ["水务局"] });
    const other = "学校补课收费太高，入学报名也很乱";
    const plain = model.predict(other, 3);
    const adjusted = model.predict(other, 3, (p, labels) => layer.adjust("department", other, labels, p));
    assert.deepEqual(adjusted, plain);
    layer.add("department", { key: "a1", text: letter, right: "城管局", wrong: ["水务局", "住建局"] });
    assert.equal(layer.size("department"), 1);
    const top = model.predict(again, 1, (p, labels) => layer.adjust("department", again, labels, p));
    assert.equal(top[0]!.label, "城管局");
  });

  it("maps a correction to a leaf category onto the model's level-1 label", () => {
    const layer = new CorrectionLayer();
    layer.add("category", { key: "b", text: "路灯坏了很久没人修", right: "010208", wrong: ["02"] });
    const p = Float64Array.from([0.2, 0.8]);
    const j = layer.adjust("category", "路灯坏了很久都没人修", ["01", "02"], p);
    assert.ok(j >= 0.4, `similarity ${j}`);
    assert.ok(p[0]! > p[1]!, `${Array.from(p)}`);
  });
});
