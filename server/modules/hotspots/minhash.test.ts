import assert from "node:assert/strict";
import { test } from "node:test";
import { dedupText, estimateJaccard, jaccard, shingleSet, signature } from "../../platform/minhash.ts";
import { NearDupIndex } from "./near-dup-index.ts";

const A =
  "和平区幸福里小区3号楼暖气不热，室内温度只有14度，已经持续一周了，老人孩子都冻感冒了，请供热公司尽快上门处理。";
const A2 =
  "幸福里小区3号楼的暖气一直不热，屋里温度才14度，已经一个星期了，家里老人孩子都冻感冒了，请供热公司尽快来处理。";
const B = "请问灵活就业人员的养老保险在哪里缴纳，每年的缴费基数是多少，能不能在网上办理，需要带什么材料。";

test("a reworded repeat is similar, an unrelated text is not; the estimate tracks the exact Jaccard", () => {
  const a = dedupText("暖气不热", A);
  const a2 = dedupText("暖气不热", A2);
  const b = dedupText("养老保险", B);
  const near = jaccard(shingleSet(a), shingleSet(a2));
  const far = jaccard(shingleSet(a), shingleSet(b));
  assert.ok(near > 0.4, `repeat Jaccard ${near}`);
  assert.ok(far < 0.1, `unrelated Jaccard ${far}`);
  const sa = signature(a)!;
  const sa2 = signature(a2)!;
  const sb = signature(b)!;
  assert.ok(Math.abs(estimateJaccard(sa, 0, sa2, 0, 64) - near) < 0.2);
  assert.ok(estimateJaccard(sa, 0, sb, 0, 64) < 0.15);
});

test("phone and ID numbers are masked: the same complaint from two numbers reads the same", () => {
  assert.equal(
    dedupText("停水", "电话13812345678，身份证210102199001011234"),
    dedupText("停水", "电话13999999999，身份证21010219851231567X"),
  );
  assert.equal(signature(""), null);
});

test("the LSH index finds the repeat in the same city and time window, never across cities", () => {
  const idx = new NearDupIndex({}, 16);
  const sig = (s: string) => signature(dedupText("", s))!;
  const shenyang = { city: 2101, district: 210102, minute: 1000 };
  const a = idx.add(sig(A), shenyang);
  const b = idx.add(sig(B), shenyang);
  const dalian = idx.add(sig(A), { city: 2102, district: 210202, minute: 1000 });
  const old = idx.add(sig(A), { ...shenyang, minute: 10 });
  const otherDistrict = idx.add(sig(A), { ...shenyang, district: 210103 });
  for (let i = 0; i < 3000; i++) idx.add(sig(`${B}${i}号`), { ...shenyang, minute: 1000 + i }); // growth and noise
  const q = sig(A2);
  const hits = idx.lookup(q, { city: 2101, fromMinute: 500 }, 0.2).map((c) => c.slot);
  assert.ok(hits.includes(a) && hits.includes(otherDistrict));
  assert.ok(!hits.includes(b) && !hits.includes(dalian) && !hits.includes(old));
  const inDistrict = idx.lookup(q, { city: 2101, district: 210102, fromMinute: 500 }, 0.2).map((c) => c.slot);
  assert.deepEqual(inDistrict, [a]);
  // The brute-force scan agrees on what is similar.
  assert.deepEqual(
    idx.scan(q, { city: 2101, district: 210102, fromMinute: 500 }, 0.5).map((c) => c.slot),
    idx.lookup(q, { city: 2101, district: 210102, fromMinute: 500 }, 0.5).map((c) => c.slot),
  );
  idx.remove(a);
  assert.ok(!idx.lookup(q, { city: 2101 }, 0.2).some((c) => c.slot === a));
  const map = idx.compact();
  assert.equal(map[a], -1);
  assert.equal(idx.lookup(q, { city: 2101, district: 210103 }, 0.2)[0]?.slot, map[otherDistrict]);
});
