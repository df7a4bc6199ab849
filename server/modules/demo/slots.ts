/**
 * Fills the `{slot}` placeholders of the demo templates with invented but plausible values:
 * compounds, streets, roads, schools, firms, amounts, dates. One {@link SlotFiller} belongs to
 * one appeal and draws each slot once, so the title, body, reply and address tell the same story.
 */
import { CHINA_OFFSET_MS } from "../../platform/china-time.ts";
import type { Random } from "../../platform/seeded-random.ts";
import {
  BRAND_WORDS,
  COMPANY_FORMS,
  COMPOUND_STEMS,
  COMPOUND_SUFFIXES,
  COURIERS,
  chineseNumber,
  FACTORY_INDUSTRY_COUNT,
  GRADES,
  HOSPITAL_DEPARTMENTS,
  INDUSTRIES,
  LIAONING_CITIES,
  OTHER_CITIES,
  PARK_STEMS,
  PRODUCTS,
  RIVER_STEMS,
  ROAD_STEMS,
  ROAD_SUFFIXES,
  SCENIC_STEMS,
  STREET_STEMS,
  SURNAMES,
  TOWN_STEMS,
  VILLAGE_STEMS,
} from "./vocabulary.ts";

/** What a filler knows about the appeal it writes. */
export interface SlotContext {
  rng: Random;
  receivedAt: Date;
  /** 4-digit city code, or "" when the district has no known city. */
  cityCode: string;
  /** Full city name, e.g. "沈阳市" ("" when unknown). */
  cityName: string;
  /** District or county name, e.g. "和平区". */
  districtName: string;
  /** What generic templates speak of (a category name). */
  topic: string;
  /** The enterprise writing the appeal, if any: `{company}` is its name. */
  companyName: string | null;
}

/** Short form of a city name: "沈阳市" → "沈阳"; falls back to "本市". */
export function cityShortName(cityCode: string, cityName: string): string {
  const known = LIAONING_CITIES[cityCode];
  if (known) return known.short;
  const stripped = cityName.replace(/市$/, "");
  return stripped || "本市";
}

/** A company name such as "沈阳恒达机械制造有限公司"; factories only when `factory`. */
export function companyName(rng: Random, cityShort: string, factory: boolean): string {
  const industries = factory ? INDUSTRIES.slice(0, FACTORY_INDUSTRY_COUNT) : INDUSTRIES;
  return `${cityShort}${rng.pick(BRAND_WORDS)}${rng.pick(industries)}${rng.pick(COMPANY_FORMS)}`;
}

/** "M月D日" of a date in China time. */
export function chineseMonthDay(d: Date): string {
  const local = new Date(d.getTime() + CHINA_OFFSET_MS);
  return `${local.getUTCMonth() + 1}月${local.getUTCDate()}日`;
}

/** Draws and remembers slot values for one appeal. */
export class SlotFiller {
  /** Values drawn so far, by slot name. */
  readonly values: Map<string, string>;
  private readonly ctx: SlotContext;
  private readonly cityShort: string;

  /** `values` may carry the slots of another appeal about the same matter (a near-duplicate). */
  constructor(ctx: SlotContext, values?: ReadonlyMap<string, string>) {
    this.ctx = ctx;
    this.values = new Map(values ?? []);
    this.cityShort = cityShortName(ctx.cityCode, ctx.cityName);
  }

  /** Replaces every `{slot}` of a text; throws on an unknown slot name (a template bug). */
  fill(text: string): string {
    return text.replace(/\{(\w+)\}/g, (_, name: string) => this.get(name));
  }

  /** The value of one slot, drawn on first use. */
  get(name: string): string {
    const known = this.values.get(name);
    if (known !== undefined) return known;
    const value = this.draw(name);
    this.values.set(name, value);
    return value;
  }

  private other(name: string, draw: () => string): string {
    const taken = this.values.get(name);
    for (let i = 0; i < 10; i++) {
      const v = draw();
      if (v !== taken) return v;
    }
    return draw();
  }

  private draw(name: string): string {
    const { rng } = this.ctx;
    const short = this.cityShort;
    const brand = () => rng.pick(BRAND_WORDS);
    const road = () => `${rng.pick(ROAD_STEMS)}${rng.pick(ROAD_SUFFIXES)}`;
    const localReceived = new Date(this.ctx.receivedAt.getTime() + CHINA_OFFSET_MS);
    switch (name) {
      case "city":
        return this.ctx.cityName;
      case "cityShort":
        return short;
      case "district":
        return this.ctx.districtName;
      case "topic":
        return this.ctx.topic;
      case "street":
        return `${rng.pick(STREET_STEMS)}街道`;
      case "compound":
        return `${rng.pick(COMPOUND_STEMS)}${rng.pick(COMPOUND_SUFFIXES)}`;
      case "buildingNo":
        return `${rng.int(1, 36)}号楼`;
      case "building": {
        // Shares the building number when one was drawn already.
        const no = this.values.get("buildingNo") ?? this.get("buildingNo");
        return `${no}${rng.int(1, 6)}单元`;
      }
      case "houseNo":
        return `${rng.int(1, 300)}号`;
      case "floor":
        return String(rng.int(2, 18));
      case "road":
        return road();
      case "road2":
        return this.other("road", road);
      case "bus":
        return String(rng.chance(0.8) ? rng.int(1, 299) : rng.int(300, 899));
      case "metro":
        return `地铁${rng.int(1, 4)}号线`;
      case "school":
        return rng.pick([
          () => `${rng.pick(ROAD_STEMS)}路小学`,
          () => `${short}市第${chineseNumber(rng.int(1, 180))}中学`,
          () => `${rng.pick(COMPOUND_STEMS)}实验小学`,
          () => `${rng.pick(STREET_STEMS)}九年一贯制学校`,
          () => `${this.ctx.districtName}第${chineseNumber(rng.int(1, 40))}初级中学`,
        ])();
      case "kindergarten":
        return `${rng.pick(COMPOUND_STEMS)}${rng.pick(["幼儿园", "双语幼儿园", "第二幼儿园"])}`;
      case "grade":
        return rng.pick(GRADES);
      case "hospital":
        return rng.pick([
          `${short}市第${chineseNumber(rng.int(1, 9))}人民医院`,
          `${this.ctx.districtName}人民医院`,
          `${this.ctx.districtName}中心医院`,
          `${short}市中医院`,
          `${short}市妇婴医院`,
          `${short}${rng.pick(STREET_STEMS)}医院`,
        ]);
      case "ward":
        return rng.pick(HOSPITAL_DEPARTMENTS);
      case "company":
        return this.ctx.companyName ?? companyName(rng, short, false);
      case "factory":
        return this.other("company", () => companyName(rng, short, true));
      case "shop":
        return `${brand()}${rng.pick(["超市", "便利店", "生鲜超市", "百货商店", "量贩店"])}`;
      case "restaurant":
        return `${brand()}${rng.pick(["饭店", "酒家", "家常菜馆", "饺子馆", "面馆", "火锅店"])}`;
      case "bbq":
        return `${brand()}${rng.pick(["烧烤", "烧烤店", "串店"])}`;
      case "mall":
        return `${brand()}${rng.pick(["购物广场", "商场", "家电城", "百货大楼"])}`;
      case "park":
        return `${rng.pick(PARK_STEMS)}公园`;
      case "heatCo":
        return `${brand()}热力公司`;
      case "propertyCo":
        return `${brand()}物业公司`;
      case "developer":
        return `${brand()}房地产开发有限公司`;
      case "agency":
        return `${brand()}${rng.pick(["房产中介", "房屋经纪公司", "地产门店"])}`;
      case "training":
        return `${brand()}${rng.pick(["教育培训学校", "艺术培训中心", "英语学校", "学科辅导中心"])}`;
      case "gym":
        return `${brand()}健身${rng.pick(["中心", "会所", "馆"])}`;
      case "scenic":
        return `${rng.pick(SCENIC_STEMS)}${rng.pick(["风景区", "旅游区", "生态园"])}`;
      case "travelAgency":
        return `${brand()}旅行社`;
      case "netcafe":
        return `${brand()}网吧`;
      case "pharmacy":
        return `${brand()}大药房`;
      case "express":
        return rng.pick(COURIERS);
      case "river":
        return `${rng.pick(RIVER_STEMS)}河`;
      case "village":
        return `${rng.pick(VILLAGE_STEMS)}村`;
      case "town":
        return `${rng.pick(TOWN_STEMS)}镇`;
      case "dest":
        return rng.pick([
          `${short}站`,
          `${short}北站`,
          `${short}南站`,
          "机场",
          this.get("hospital"),
          this.get("mall"),
        ]);
      case "station":
        return rng.pick([`${short}站`, `${short}北站`, `${short}南站`, `${short}长途客运站`]);
      case "plate": {
        const letter = LIAONING_CITIES[this.ctx.cityCode]?.plate ?? "A";
        const tail = String(rng.int(0, 9999)).padStart(4, "0");
        return `辽${letter}${rng.pick(["T", "D", "B"])}${tail}`;
      }
      case "surname":
        return rng.pick(SURNAMES);
      case "otherCity":
        return rng.pick(OTHER_CITIES);
      case "city2": {
        const others = Object.entries(LIAONING_CITIES).filter(([code]) => code !== this.ctx.cityCode);
        return rng.pick(others)[1].short;
      }
      case "product":
        return rng.pick(PRODUCTS);
      case "amountXS":
        return String(rng.int(5, 60) * 10);
      case "amountS":
        return String(rng.int(2, 50) * 100);
      case "amountM":
        return String(rng.int(6, 100) * 500);
      case "amountKg":
        return String(rng.int(16, 45) * 50);
      case "amountL":
        return `${rng.int(20, 800)}万元`;
      case "amountW":
        return `${(rng.int(30, 400) / 10).toFixed(1)}万元`;
      case "fare":
        return String(rng.int(40, 150));
      case "fee":
        return String(rng.int(3, 10) * 10);
      case "parkFee1":
        return String(rng.int(5, 10) * 10);
      case "parkFee2":
        return String(rng.int(15, 30) * 10);
      case "lowPay":
        return String(rng.int(24, 34) * 50);
      case "temp":
        return String(rng.int(12, 16));
      case "tempOk":
        return String(rng.int(18, 22));
      case "minus":
        return String(rng.int(10, 26));
      case "n":
        return String(rng.int(2, 6));
      case "n2":
        return String(rng.int(5, 40));
      case "months":
        return String(rng.int(2, 8));
      case "years":
        return String(rng.int(2, 25));
      case "age":
        return String(rng.int(35, 55));
      case "staff":
        return String(rng.int(20, 600));
      case "area":
        return String(rng.int(48, 140));
      case "days2":
        return rng.pick(["两", "三", "四", "五"]);
      case "month":
        return String(((localReceived.getUTCMonth() - rng.int(1, 5) + 12) % 12) + 1);
      case "year":
        return String(localReceived.getUTCFullYear() - rng.int(2, 6));
      case "date":
        return chineseMonthDay(new Date(this.ctx.receivedAt.getTime() - rng.int(1, 20) * 86_400_000));
      default:
        throw new Error(`unknown template slot {${name}}`);
    }
  }
}
