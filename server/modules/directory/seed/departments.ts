import { PROVINCE } from "../../../config/province.ts";
import { flattenCategories } from "./categories.ts";
import type { SeedCategory, SeedDepartment, SeedRegion } from "./types.ts";

/** A kind of government bureau that exists at both city and province level. */
export type BureauType =
  | "housing"
  | "urban"
  | "transport"
  | "ecology"
  | "education"
  | "hrss"
  | "health"
  | "market"
  | "natural"
  | "commerce"
  | "culture"
  | "sport"
  | "civil"
  | "veterans"
  | "agriculture"
  | "waterResources"
  | "police"
  | "justice"
  | "development"
  | "finance"
  | "sasac"
  | "emergency"
  | "industry"
  | "science"
  | "ethnic"
  | "foreign"
  | "discipline";

/** Who owns a level-2 category: a bureau type, or the general office of the government itself. */
export type OwnerType = BureauType | "office";

/** How one bureau type is named and identified at city and province level. */
export interface BureauSpec {
  /** Id suffix: `c2101-<slug>`, `p-<slug>`. */
  slug: string;
  /** Name after the city name, e.g. "住房和城乡建设局" gives "沈阳市住房和城乡建设局". */
  cityName: string;
  /** Name after "辽宁省"; null when the province has no such body. */
  provinceName: string | null;
  /** Provincial bureau that takes this type's categories when `provinceName` is null. */
  provinceFallback?: BureauType;
}

/** The bureau types seeded in every city and (where one exists) in the province, in seeding order. */
export const BUREAUS: Readonly<Record<BureauType, BureauSpec>> = {
  housing: { slug: "housing", cityName: "住房和城乡建设局", provinceName: "住房和城乡建设厅" },
  // The province has no urban-management body; the housing department oversees urban management.
  urban: {
    slug: "urban",
    cityName: "城市管理综合行政执法局",
    provinceName: null,
    provinceFallback: "housing",
  },
  transport: { slug: "transport", cityName: "交通运输局", provinceName: "交通运输厅" },
  ecology: { slug: "ecology", cityName: "生态环境局", provinceName: "生态环境厅" },
  education: { slug: "education", cityName: "教育局", provinceName: "教育厅" },
  hrss: { slug: "hrss", cityName: "人力资源和社会保障局", provinceName: "人力资源和社会保障厅" },
  health: { slug: "health", cityName: "卫生健康委员会", provinceName: "卫生健康委员会" },
  market: { slug: "market", cityName: "市场监督管理局", provinceName: "市场监督管理局" },
  natural: { slug: "natural-resources", cityName: "自然资源局", provinceName: "自然资源厅" },
  commerce: { slug: "commerce", cityName: "商务局", provinceName: "商务厅" },
  culture: { slug: "culture", cityName: "文化旅游和广播电视局", provinceName: "文化和旅游厅" },
  sport: { slug: "sport", cityName: "体育局", provinceName: "体育局" },
  civil: { slug: "civil-affairs", cityName: "民政局", provinceName: "民政厅" },
  veterans: { slug: "veterans", cityName: "退役军人事务局", provinceName: "退役军人事务厅" },
  agriculture: { slug: "agriculture", cityName: "农业农村局", provinceName: "农业农村厅" },
  waterResources: { slug: "water-resources", cityName: "水利局", provinceName: "水利厅" },
  police: { slug: "police", cityName: "公安局", provinceName: "公安厅" },
  justice: { slug: "justice", cityName: "司法局", provinceName: "司法厅" },
  development: { slug: "development", cityName: "发展和改革委员会", provinceName: "发展和改革委员会" },
  finance: { slug: "finance", cityName: "财政局", provinceName: "财政厅" },
  sasac: {
    slug: "sasac",
    cityName: "人民政府国有资产监督管理委员会",
    provinceName: "人民政府国有资产监督管理委员会",
  },
  emergency: { slug: "emergency", cityName: "应急管理局", provinceName: "应急管理厅" },
  industry: { slug: "industry", cityName: "工业和信息化局", provinceName: "工业和信息化厅" },
  science: { slug: "science", cityName: "科学技术局", provinceName: "科学技术厅" },
  ethnic: { slug: "ethnic-religious", cityName: "民族宗教事务局", provinceName: "民族和宗教事务委员会" },
  foreign: { slug: "foreign-affairs", cityName: "人民政府外事办公室", provinceName: "人民政府外事办公室" },
  // A party body, not a government bureau, but the hotline hands discipline reports to it.
  discipline: { slug: "discipline", cityName: "纪律检查委员会", provinceName: "纪律检查委员会" },
};

/**
 * Owner of every level-2 category, keyed by "level-1 name/level-2 name" (level-2 names alone repeat,
 * e.g. 安全生产 and 其他). Follows the 2018 institutional reform where it moved responsibilities.
 */
export const CATEGORY_OWNER: Readonly<Record<string, OwnerType>> = {
  // Generic accident and hazard matters; the emergency-management bureau is the safety regulator.
  "城乡建设/安全生产": "emergency",
  "城乡建设/城市建设和市政管理": "urban",
  // Urban and rural planning moved to natural resources in 2018.
  "城乡建设/城乡规划": "natural",
  "城乡建设/村镇建设": "housing",
  "城乡建设/工程质量": "housing",
  "城乡建设/国有土地上房屋征收与补偿": "housing",
  // Demolition on collective land follows land expropriation, a natural-resources matter.
  "城乡建设/集体土地上房屋拆迁与补偿": "natural",
  "城乡建设/建筑市场": "housing",
  "城乡建设/其他": "housing",
  "城乡建设/住房保障与房地产": "housing",
  // Party building is not on the dispatch network; the government office coordinates.
  "党务政务/党的建设": "office",
  "党务政务/港澳台侨": "foreign",
  // Defence and diplomacy: the foreign-affairs office is the nearest local government body.
  "党务政务/国防外交": "foreign",
  "党务政务/民族宗教": "ethnic",
  "党务政务/其他": "office",
  // Trade unions, youth league and women's federation are people's organisations; the office forwards.
  "党务政务/群众团体": "office",
  // Mostly radio, film, press and publishing, which sit with the culture, tourism and radio-TV bureau.
  "党务政务/宣传舆论": "culture",
  // People's congress, CPPCC and united-front work: coordinated by the government office.
  "党务政务/政治体制": "office",
  // Oceans belong to natural resources; weather and earthquake services are outside the network.
  "国土资源/海洋气象地震": "natural",
  "国土资源/矿产资源管理": "natural",
  "国土资源/其他": "natural",
  "国土资源/土地征收": "natural",
  "国土资源/土地资源管理": "natural",
  "环境保护/环保管理": "ecology",
  "环境保护/环境污染": "ecology",
  "环境保护/建设项目审批": "ecology",
  "环境保护/其他": "ecology",
  "纪检监察/党政处分": "discipline",
  "纪检监察/干部作风": "discipline",
  "纪检监察/滥用职权": "discipline",
  "纪检监察/其他": "discipline",
  "纪检监察/失职渎职": "discipline",
  "纪检监察/贪污贿赂": "discipline",
  "交通运输/出租车管理": "transport",
  "交通运输/建设管理": "transport",
  "交通运输/交通运输": "transport",
  "交通运输/客货运输": "transport",
  "交通运输/其他": "transport",
  // Postal administrations are vertical, under the transport ministry; the local bureau coordinates.
  "交通运输/邮政管理": "transport",
  "经济管理/安全生产": "emergency",
  // Local financial regulation is coordinated through the finance side of government.
  "经济管理/保险证券期货": "finance",
  "经济管理/国资监管": "sasac",
  "经济管理/宏观调控": "development",
  "经济管理/金融财税": "finance",
  // Energy administration is part of development and reform.
  "经济管理/能源管理": "development",
  "经济管理/其他": "development",
  // Policy bankruptcies and restructurings concern state-owned enterprises.
  "经济管理/企业破产": "sasac",
  // Telecom regulators are vertical; the industry and IT bureau is the local counterpart.
  "科技与信息产业/电信": "industry",
  "科技与信息产业/科学技术": "science",
  "科技与信息产业/其他": "science",
  "科技与信息产业/信息化建设": "industry",
  // Intellectual-property offices were merged into market regulation in 2018.
  "科技与信息产业/知识产权": "market",
  "民政/福利慈善": "civil",
  // Resettlement of demobilised soldiers moved to veterans affairs in 2018.
  "民政/复退安置": "veterans",
  "民政/基层选举和社区建设": "civil",
  // Donations stay with civil affairs, though disaster relief itself moved to emergency management.
  "民政/救灾募捐": "civil",
  "民政/民间组织": "civil",
  "民政/其他": "civil",
  "民政/区划地名": "civil",
  "民政/社会服务": "civil",
  "民政/社会救助": "civil",
  // Care for veterans and martyrs' families moved to veterans affairs in 2018.
  "民政/优抚": "veterans",
  // Forestry and grassland administration sits under natural resources.
  "农村农业/草原草场": "natural",
  "农村农业/村务管理": "agriculture",
  "农村农业/动物防疫": "agriculture",
  // Poverty alleviation was folded into agriculture and rural affairs (rural revitalisation).
  "农村农业/扶贫开发": "agriculture",
  "农村农业/惠农补贴": "agriculture",
  "农村农业/林业管理": "natural",
  // Circulation of farm produce is trade.
  "农村农业/农副产品流通": "commerce",
  "农村农业/农垦农场": "agriculture",
  "农村农业/农资农技": "agriculture",
  "农村农业/其他": "agriculture",
  "农村农业/水库移民": "waterResources",
  "农村农业/水利水电": "waterResources",
  "农村农业/土地承包经营": "agriculture",
  // Wildlife protection belongs to forestry and grassland, under natural resources.
  "农村农业/野生资源管理": "natural",
  "商贸旅游/旅游管理": "culture",
  "商贸旅游/其他": "commerce",
  "商贸旅游/商业贸易": "commerce",
  "商贸旅游/市场监管": "market",
  // Quality supervision was merged into market regulation in 2018.
  "商贸旅游/质监检验检疫": "market",
  "卫生计生/公共卫生": "health",
  "卫生计生/其他": "health",
  "卫生计生/人口计生": "health",
  // Food and drug supervision was merged into market regulation in 2018.
  "卫生计生/食品药品监管": "market",
  "卫生计生/医患纠纷": "health",
  "卫生计生/医政监管": "health",
  "政法/法律服务": "justice",
  "政法/法制建设": "justice",
  // Administrative reconsideration is centralised in the justice bureau.
  "政法/行政复议": "justice",
  "政法/户籍证件": "police",
  // Road traffic management is the traffic police, part of public security.
  "政法/交通管理": "police",
  "政法/警务督察": "police",
  // Most other political-legal matters are police matters.
  "政法/其他": "police",
  "政法/社会治安": "police",
  // Courts are not on the network; the justice bureau gives legal aid and guidance on litigation.
  "政法/诉讼": "justice",
  "政法/刑案侦破": "police",
  "政法/刑罚执行": "justice",
  // Mostly people's mediation (justice); labour arbitration appeals usually arrive as 劳动关系.
  "政法/仲裁与调解": "justice",
  "教育文体/教师队伍和待遇": "education",
  "教育文体/教育行政管理": "education",
  "教育文体/教育收费": "education",
  "教育文体/教育体制": "education",
  "教育文体/考试招生": "education",
  "教育文体/其他": "education",
  "教育文体/失学辍学": "education",
  "教育文体/体育": "sport",
  "教育文体/文化": "culture",
  "教育文体/文物管理": "culture",
  // Resident medical insurance moved to the healthcare-security bureau in 2018; kept with social security.
  "劳动和社会保障/城镇居民社会保险": "hrss",
  "劳动和社会保障/城镇职工社会保险": "hrss",
  "劳动和社会保障/工资福利": "hrss",
  "劳动和社会保障/就业培训": "hrss",
  "劳动和社会保障/劳动保护": "hrss",
  "劳动和社会保障/劳动关系": "hrss",
  "劳动和社会保障/其他": "hrss",
  "劳动和社会保障/社保基金管理": "hrss",
  "劳动和社会保障/退休政策及待遇": "hrss",
};

/** A public utility service seeded once per city. */
export type UtilityService = "water" | "power" | "gas" | "heating";

/** How a utility is named and which level-3 category (by name path) it owns. */
export interface UtilitySpec {
  /** Id suffix: `c2101-<slug>`. */
  slug: string;
  /** Level-3 category owned, as "level-1/level-2/level-3" names. */
  category: string;
  /** Generic placeholder name from the city name ("沈阳市") and its short form ("沈阳"). */
  name: (cityName: string, shortName: string) => string;
}

/** The four utilities of every city. Names are generic placeholders an administrator can rename. */
export const UTILITIES: Readonly<Record<UtilityService, UtilitySpec>> = {
  water: {
    slug: "water",
    category: "城乡建设/城市建设和市政管理/自来水供应",
    name: (city) => `${city}自来水公司`,
  },
  power: {
    slug: "power",
    category: "城乡建设/城市建设和市政管理/电力供应",
    name: (_city, short) => `国网${short}供电公司`,
  },
  gas: {
    slug: "gas",
    category: "城乡建设/城市建设和市政管理/燃气供应",
    name: (city) => `${city}燃气公司`,
  },
  heating: {
    slug: "heating",
    category: "城乡建设/城市建设和市政管理/冬季采暖",
    name: (city) => `${city}供热公司`,
  },
};

/** Code of the province the seed describes (辽宁省). */
export const PROVINCE_CODE = PROVINCE.code;

/** Id of the provincial general office, the root of the department tree. */
export const PROVINCE_OFFICE_ID = "p-office";

/** Id of a city's general office, e.g. `c2101-office`. */
export function cityOfficeId(cityCode: string): string {
  return `c${cityCode}-office`;
}

/** Id of a district or county government, e.g. `g210102`. */
export function districtGovernmentId(districtCode: string): string {
  return `g${districtCode}`;
}

/** The utility service a department id denotes (`c2101-water` gives "water"), or null. */
export function utilityServiceOf(departmentId: string): UtilityService | null {
  const suffix = /^c\d{4}-([a-z-]+)$/.exec(departmentId)?.[1];
  const entry = Object.entries(UTILITIES).find(([, spec]) => spec.slug === suffix);
  return entry ? (entry[0] as UtilityService) : null;
}

const BUREAU_TYPES = Object.keys(BUREAUS) as BureauType[];

function byCode(a: { code: string }, b: { code: string }): number {
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

/** Which level-2 (and utility level-3) codes each owner type holds, resolved against the category tree. */
function resolveOwnership(categories: readonly SeedCategory[]): {
  byOwner: Map<OwnerType, string[]>;
  utilityCodes: Map<UtilityService, string>;
} {
  const flat = flattenCategories(categories);
  const byPath = new Map(flat.map((c) => [c.path.join("/"), c]));
  const byOwner = new Map<OwnerType, string[]>();
  for (const category of flat.filter((c) => c.level === 2)) {
    const owner = CATEGORY_OWNER[category.path.join("/")];
    if (!owner) throw new Error(`level-2 category ${category.code} ${category.path.join("/")} has no owner`);
    byOwner.set(owner, [...(byOwner.get(owner) ?? []), category.code]);
  }
  for (const path of Object.keys(CATEGORY_OWNER)) {
    if (byPath.get(path)?.level !== 2)
      throw new Error(`CATEGORY_OWNER names unknown level-2 category ${path}`);
  }
  const utilityCodes = new Map<UtilityService, string>();
  for (const [service, spec] of Object.entries(UTILITIES) as [UtilityService, UtilitySpec][]) {
    const category = byPath.get(spec.category);
    if (category?.level !== 3)
      throw new Error(`utility ${service} names unknown level-3 category ${spec.category}`);
    utilityCodes.set(service, category.code);
  }
  return { byOwner, utilityCodes };
}

/**
 * Builds the seeded department tree of Liaoning: the provincial general office with the provincial
 * bureaus under it; under it each city's general office, with the city's bureaus, its four utilities
 * (water, power, gas, heating) and its district and county governments. Pure and deterministic:
 * the same regions and categories always give the same list, parents before children.
 *
 * Bureaus own the level-2 codes that `CATEGORY_OWNER` gives their type; the general offices own the
 * "office" ones; utilities own one level-3 code each; district governments own nothing.
 */
export function buildDepartments(
  regions: readonly SeedRegion[],
  categories: readonly SeedCategory[],
): SeedDepartment[] {
  const province = regions.find((r) => r.code === PROVINCE_CODE && r.level === 1);
  if (!province) throw new Error(`regions lack the province ${PROVINCE_CODE}`);
  const { byOwner, utilityCodes } = resolveOwnership(categories);
  const owned = (owner: OwnerType): string[] => [...(byOwner.get(owner) ?? [])];

  const departments: SeedDepartment[] = [
    {
      id: PROVINCE_OFFICE_ID,
      name: `${province.name}人民政府办公厅`,
      parentId: null,
      regionCode: province.code,
      kind: "province_office",
      categoryCodes: owned("office"),
    },
  ];
  for (const type of BUREAU_TYPES) {
    const spec = BUREAUS[type];
    if (spec.provinceName === null) continue;
    const absorbed = BUREAU_TYPES.filter(
      (t) => BUREAUS[t].provinceName === null && BUREAUS[t].provinceFallback === type,
    );
    departments.push({
      id: `p-${spec.slug}`,
      name: `${province.name}${spec.provinceName}`,
      parentId: PROVINCE_OFFICE_ID,
      regionCode: province.code,
      kind: "province_bureau",
      categoryCodes: [type, ...absorbed].flatMap(owned).sort(),
    });
  }

  const cities = regions.filter((r) => r.level === 2 && r.parentCode === province.code);
  for (const city of [...cities].sort(byCode)) {
    const officeId = cityOfficeId(city.code);
    const shortName = city.name.replace(/市$/, "");
    departments.push({
      id: officeId,
      name: `${city.name}人民政府办公室`,
      parentId: PROVINCE_OFFICE_ID,
      regionCode: city.code,
      kind: "city_office",
      categoryCodes: owned("office"),
    });
    for (const type of BUREAU_TYPES) {
      const spec = BUREAUS[type];
      departments.push({
        id: `c${city.code}-${spec.slug}`,
        name: `${city.name}${spec.cityName}`,
        parentId: officeId,
        regionCode: city.code,
        kind: "city_bureau",
        categoryCodes: owned(type),
      });
    }
    for (const [service, spec] of Object.entries(UTILITIES) as [UtilityService, UtilitySpec][]) {
      departments.push({
        id: `c${city.code}-${spec.slug}`,
        name: spec.name(city.name, shortName),
        parentId: officeId,
        regionCode: city.code,
        kind: "utility",
        categoryCodes: [utilityCodes.get(service)!],
      });
    }
    const districts = regions.filter((r) => r.level === 3 && r.parentCode === city.code);
    for (const district of [...districts].sort(byCode)) {
      departments.push({
        id: districtGovernmentId(district.code),
        name: `${city.name}${district.name}人民政府`,
        parentId: officeId,
        regionCode: district.code,
        kind: "district_government",
        categoryCodes: [],
      });
    }
  }
  return departments;
}
