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

/** Nine departments' own words (disjoint), for the skewed set below. */
export const DEPARTMENT_TOPICS: Record<string, string[]> = {
  城管局: ["占道经营", "违章搭建", "流动摊贩", "广告牌"],
  住建局: ["物业费", "电梯故障", "房屋漏水", "维修基金"],
  人社局: ["拖欠工资", "劳动合同", "社保断缴", "工伤认定"],
  教育局: ["学位", "补课收费", "校车", "入学报名"],
  交通局: ["公交线路", "出租车拒载", "站台", "班次太少"],
  卫健委: ["医院收费", "疫苗接种", "医生态度", "挂号难"],
  生态环境局: ["污水直排", "工厂废气", "噪音扰民", "垃圾焚烧"],
  市场监管局: ["食品安全", "过期食品", "虚假宣传", "价格欺诈"],
  水务局: ["停水", "水压太低", "水管爆裂", "自来水浑浊"],
};

/**
 * A skewed labelled set over the nine departments (sizes in the order of DEPARTMENT_TOPICS): each
 * letter has two of its department's words among place and filler words shared by all, and with
 * probability `noise` one word of another department — separable, but not by a single word.
 */
export function skewedSyntheticSamples(
  sizes: readonly number[] = [160, 80, 50, 35, 25, 20, 15, 12, 12],
  seed = 3,
  noise = 0.3,
): TrainingSample[] {
  const rnd = mulberry32(seed);
  const labels = Object.keys(DEPARTMENT_TOPICS);
  const out: TrainingSample[] = [];
  labels.forEach((label, c) => {
    const own = DEPARTMENT_TOPICS[label]!;
    for (let i = 0; i < (sizes[c] ?? 0); i++) {
      const other = DEPARTMENT_TOPICS[labels[(c + 1 + Math.floor(rnd() * 8)) % 9]!]!;
      const stray = rnd() < noise ? `，还有${pick(other, rnd)}` : "";
      out.push({
        label,
        text: `${pick(PLACES, rnd)}${pick(own, rnd)}${pick(FILLER, rnd)}，${pick(own, rnd)}${stray}，${pick(FILLER, rnd)}。第${i}封`,
      });
    }
  });
  return out;
}
