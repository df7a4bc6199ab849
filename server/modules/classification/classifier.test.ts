import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { gunzipSync, gzipSync } from "node:zlib";
import {
  epochsWithinBudget,
  HashIndex,
  loadClassifier,
  TRAINING_WORK_BUDGET,
  trainClassifier,
} from "./classifier.ts";
import { syntheticSamples } from "./test-fixtures.ts";

describe("trainClassifier / predict", () => {
  const samples = syntheticSamples(30);
  const model = trainClassifier(samples, { seed: 3 });

  it("puts the right label first for new sentences of each topic, with a probability", () => {
    const cases: [string, string][] = [
      ["晚上路灯不亮，照明太差", "lights"],
      ["工地半夜施工噪声太大，吵得睡不着", "noise"],
      ["社保卡办理和养老保险缴费问题", "pension"],
      ["孩子入学学位不够，学校乱收费", "school"],
    ];
    for (const [text, label] of cases) {
      const top = model.predict(text, 3);
      assert.equal(top.length, 3);
      assert.equal(top[0]!.label, label, text);
      assert.ok(top[0]!.score > 0.5 && top[0]!.score <= 1, `score ${top[0]!.score}`);
      assert.ok(top[0]!.score >= top[1]!.score && top[1]!.score >= top[2]!.score);
    }
  });

  it("names the input words that drove the suggestion", () => {
    const [best] = model.predict("我家楼下的路灯坏了，晚上灯不亮", 1);
    assert.equal(best!.label, "lights");
    assert.ok(best!.words.length >= 1 && best!.words.length <= 5);
    assert.ok(
      best!.words.some((w) => w.includes("灯")),
      `words ${best!.words.join(",")}`,
    );
  });

  it("never gives a masked phone number as a reason", () => {
    const all = model.predict("路灯坏了，电话13812345678，13912345678，13712345678", 4);
    for (const s of all)
      assert.ok(!s.words.some((w) => w.includes("phone") || /\d{5}/.test(w)), s.words.join(","));
  });

  it("gives only words with letters as reasons, never bare digits or symbols", () => {
    for (const text of ["路灯坏了 2024 年 00 号 #3 杆", "12 号楼 路灯 不亮 ### 00"]) {
      for (const s of model.predict(text, 4)) {
        assert.ok(
          s.words.every((w) => /\p{L}/u.test(w)),
          `${s.label}: ${s.words.join(",")}`,
        );
      }
    }
  });

  it("scores of all labels sum to 1", () => {
    const all = model.predict("社保", 10);
    assert.equal(all.length, 4);
    assert.ok(Math.abs(all.reduce((a, s) => a + s.score, 0) - 1) < 1e-6);
  });

  it("is deterministic for a seed", () => {
    const again = trainClassifier(samples, { seed: 3 });
    assert.deepEqual(again.serialize(), model.serialize());
  });

  it("reports progress up to the total", () => {
    let last: [number, number] = [0, 0];
    trainClassifier(samples.slice(0, 40), { seed: 1, onProgress: (d, t) => (last = [d, t]) });
    assert.equal(last[0], last[1]);
    assert.ok(last[1] > 0);
  });
});

describe("bad input", () => {
  const model = trainClassifier(syntheticSamples(20), { seed: 1 });

  it("says nothing (empty list) for text without usable features", () => {
    for (const t of ["", "    ", "😀🙏🎉", "。。。！！！？？？", "<div><br/></div>"])
      assert.deepEqual(model.predict(t), [], t);
  });

  it("suggests nothing for text of digits alone, even where training texts held digits", () => {
    // Numbers (house numbers, dates) occur in every label's texts: they say nothing about any.
    const numbered = syntheticSamples(20).map((s, i) => ({
      ...s,
      text: `${s.text} 编号${1000 + i}，${i}号楼`,
    }));
    const m = trainClassifier(numbered, { seed: 1 });
    assert.equal(m.predict("12号楼路灯不亮")[0]?.label, "lights");
    for (const t of ["1", "12345 678", "<p>2024</p>", "2024-12-03 10:00"])
      assert.deepEqual(m.predict(t), [], t);
  });

  it("answers English-only text honestly: no suggestion unless it shares features", () => {
    const r = model.predict("The street light outside is broken");
    // Latin letters occur in no training text: nothing is known, so nothing is suggested.
    assert.deepEqual(r, []);
  });

  it("folds traditional characters before predicting", () => {
    assert.equal(model.predict("晚上路燈不亮，照明太差")[0]?.label, "lights");
  });

  it("ignores HTML and script tags", () => {
    const r = model.predict('<p>工地<b>噪音</b>扰民</p><script>alert("社保 社保 社保 学校")</script>');
    assert.equal(r[0]?.label, "noise");
  });

  it("handles 100 KB of text within the latency budget's order of magnitude", () => {
    const text = "小区路灯坏了很久，晚上照明太差。".repeat(6500);
    assert.ok(text.length > 100_000);
    const t0 = performance.now();
    const r = model.predict(text);
    assert.ok(performance.now() - t0 < 1000);
    assert.equal(r[0]?.label, "lights");
  });

  it("returns nothing for k = 0 and at most the label count", () => {
    assert.deepEqual(model.predict("路灯", 0), []);
    assert.equal(model.predict("路灯", 99).length, 4);
  });
});

describe("any label set", () => {
  it("trains on one label (always that label, probability 1) and on many small classes", () => {
    const one = trainClassifier([{ text: "路灯坏了", label: "only" }], { seed: 1 });
    const r = one.predict("路灯");
    assert.equal(r.length, 1);
    assert.equal(r[0]!.label, "only");
    assert.ok(Math.abs(r[0]!.score - 1) < 1e-9);

    // 200 labels, two texts each, told apart by one distinctive character pair per label.
    const mark = (i: number) => String.fromCharCode(0x4e00 + i * 37, 0x4e01 + i * 37);
    const many = Array.from({ length: 400 }, (_, i) => ({
      text: `事项：${mark(i % 200)}的问题${i < 200 ? "请处理" : "希望解决"}`,
      label: `L${i % 200}`,
    }));
    const m = trainClassifier(many, { seed: 1 });
    assert.equal(m.labels.length, 200);
    assert.equal(m.predict(`关于${mark(17)}`)[0]?.label, "L17");
  });

  it("rejects an empty training set", () => {
    assert.throws(() => trainClassifier([]), /no training samples/);
  });
});

describe("serialization", () => {
  const model = trainClassifier(syntheticSamples(25, 11), { seed: 5 });

  it("round-trips to the same predictions, scores and words", () => {
    const bytes = model.serialize();
    const loaded = loadClassifier(bytes);
    assert.deepEqual(loaded.labels, model.labels);
    for (const t of ["路灯不亮", "半夜施工吵得睡不着", "养老保险", "学位", "随便说说", ""])
      assert.deepEqual(loaded.predict(t, 4), model.predict(t, 4), t);
    assert.deepEqual(loaded.serialize(), bytes);
  });

  it("loads a model written before the opening namespace, and it predicts as it was trained", () => {
    const old = trainClassifier(syntheticSamples(25, 11), { seed: 5, features: { openingChars: 0 } });
    const bytes = old.serialize();
    // The same bytes without the option in the header, as older versions wrote them.
    const body = gunzipSync(bytes.subarray(4));
    const field = Buffer.from(',"openingChars":0');
    const at = body.indexOf(field);
    assert.ok(at > 0);
    body.fill(" ", at, at + field.length);
    const written = new Uint8Array([...bytes.subarray(0, 4), ...gzipSync(body)]);
    const loaded = loadClassifier(written);
    assert.equal(loaded.info.features.openingChars, 0);
    for (const t of ["路灯不亮，晚上很黑", "半夜施工吵得睡不着", "养老保险"])
      assert.deepEqual(loaded.predict(t, 4), old.predict(t, 4), t);
  });

  it("is compact", () => {
    const bytes = model.serialize();
    assert.ok(bytes.length < 64 * 1024, `${bytes.length} bytes`);
  });

  it("refuses bytes that are not a model", () => {
    assert.throws(() => loadClassifier(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8])), /not a Hotline classifier/);
    const bytes = model.serialize();
    assert.throws(() => loadClassifier(bytes.slice(0, bytes.length - 20)), /corrupt/);
  });
});

describe("HashIndex", () => {
  it("maps 32-bit keys, grows, and reports missing keys as -1", () => {
    const h = new HashIndex(4);
    for (let i = 0; i < 5000; i++) h.set((i * 2654435761) >>> 0, i);
    assert.equal(h.size, 5000);
    for (let i = 0; i < 5000; i++) assert.equal(h.get((i * 2654435761) >>> 0), i);
    assert.equal(h.get(123), -1);
    h.increment(0xffffffff);
    h.increment(0xffffffff);
    assert.equal(h.get(0xffffffff), 2);
  });
});

describe("training work budget", () => {
  it("keeps every asked pass for a small label set and cuts passes for a huge one, never below three", () => {
    assert.equal(epochsWithinBudget(20, 3e7), 20); // 泰迪杯-sized: 9,000 texts × 7 labels
    const manyLabels = epochsWithinBudget(20, 1.8e9); // 30,000 letters × 234 departments
    assert.ok(manyLabels < 20 && manyLabels >= 3, `${manyLabels}`);
    assert.ok(manyLabels * 1.8e9 <= TRAINING_WORK_BUDGET);
    assert.equal(epochsWithinBudget(20, 1e12), 3);
  });

  it("records the passes actually made in the model's facts", () => {
    const model = trainClassifier(syntheticSamples(10), { seed: 1, hyper: { epochs: 7 } });
    assert.equal(model.info.hyper.epochs, 7);
  });
});
