/**
 * Synthetic labelled appeals for tests: short sentences built from per-class topic words and
 * shared filler, from a seeded generator. Nothing here is real citizen text.
 */

import { mulberry32 } from "../../platform/seeded-random.ts";
import type { TrainingSample } from "./classifier.ts";

export const TOPICS: Record<string, string[]> = {
  lights: ["路灯", "灯杆", "照明", "夜里很黑", "灯不亮", "路灯坏了"],
  noise: ["噪音", "施工噪声", "半夜施工", "广场舞", "吵得睡不着", "扰民"],
  pension: ["社保", "养老保险", "医保报销", "社保卡", "退休金", "缴费基数"],
  school: ["学校", "学生", "老师", "入学", "补课收费", "学位"],
};

const PLACES = ["小区", "我家楼下", "街道", "村里", "城区", "附近", "单位门口"];
const FILLER = [
  "已经很久了",
  "希望尽快解决",
  "请有关部门处理",
  "多次反映没有结果",
  "群众意见很大",
  "麻烦核实一下",
];

function pick<T>(xs: readonly T[], rnd: () => number): T {
  return xs[Math.floor(rnd() * xs.length)]!;
}

/** `perClass` sentences for each label (or the labels given), deterministic for a seed. */
export function syntheticSamples(
  perClass: number,
  seed = 7,
  labels: readonly string[] = Object.keys(TOPICS),
): TrainingSample[] {
  const rnd = mulberry32(seed);
  const out: TrainingSample[] = [];
  for (let i = 0; i < perClass; i++) {
    for (const label of labels) {
      const words = TOPICS[label]!;
      out.push({
        label,
        text: `${pick(PLACES, rnd)}${pick(words, rnd)}的问题，${pick(words, rnd)}，${pick(FILLER, rnd)}。编号${i}`,
      });
    }
  }
  return out;
}
