/**
 * Extra form fields (Open311 service definition attributes) of the categories that need them, as
 * data: the key is the category's name path (level 1 / level 2 / level 3), so it survives
 * renumbering of the codes. Every service also gets the common attributes at the end
 * ({@link COMMON_ATTRIBUTES}); a service has `metadata=true` when it has attributes of its own.
 * A test checks that every path names a leaf of the seed taxonomy.
 */

/** The datatypes of the standard. */
export const DATATYPES = [
  "string",
  "number",
  "datetime",
  "text",
  "singlevaluelist",
  "multivaluelist",
] as const;
export type Datatype = (typeof DATATYPES)[number];

/** One attribute as written here; `order` is assigned from the position. */
export interface AttributeSpec {
  code: string;
  datatype: Datatype;
  required: boolean;
  description: string;
  /** false: information shown to the user, not an input (the standard's `variable`). */
  variable?: boolean;
  datatype_description?: string;
  values?: readonly { key: string; name: string; urgent?: boolean }[];
}

const STREET_FACILITIES = [
  { key: "streetlight", name: "路灯 (streetlight)" },
  { key: "manhole", name: "井盖 (manhole cover)", urgent: true },
  { key: "road", name: "道路路面 (road surface, pothole)" },
  { key: "sidewalk", name: "人行道 (sidewalk)" },
  { key: "signal", name: "交通信号灯 (traffic signal)" },
  { key: "sign", name: "路牌标识 (street sign)" },
  { key: "railing", name: "护栏 (railing)" },
  { key: "drain", name: "雨水口 (storm drain)" },
  { key: "other", name: "其他 (other)" },
] as const;

const ASSET_ID: AttributeSpec = {
  code: "asset_id",
  datatype: "string",
  required: false,
  description: "设施编号，如路灯杆号、井盖编号 (asset number painted on the pole or cover)",
  datatype_description: "Letters and digits as printed on the asset",
};

export const SERVICE_ATTRIBUTES: Readonly<Record<string, readonly AttributeSpec[]>> = {
  "城乡建设/城市建设和市政管理/城市公共设施": [
    {
      code: "facility",
      datatype: "singlevaluelist",
      required: true,
      description: "哪类设施有问题？ (Which facility is affected?)",
      values: STREET_FACILITIES,
    },
    ASSET_ID,
  ],
  "城乡建设/城市建设和市政管理/基础设施": [
    {
      code: "facility",
      datatype: "singlevaluelist",
      required: true,
      description: "哪类设施有问题？ (Which facility is affected?)",
      values: [
        { key: "road", name: "道路 (road)" },
        { key: "bridge", name: "桥梁 (bridge)", urgent: true },
        { key: "drain", name: "排水管网 (drainage)" },
        { key: "manhole", name: "井盖 (manhole cover)", urgent: true },
        { key: "streetlight", name: "路灯 (streetlight)" },
        { key: "other", name: "其他 (other)" },
      ],
    },
    ASSET_ID,
  ],
  "交通运输/建设管理/设施维护": [
    {
      code: "facility",
      datatype: "singlevaluelist",
      required: true,
      description: "哪类交通设施有问题？ (Which road facility is affected?)",
      values: [
        { key: "road", name: "公路路面 (road surface)" },
        { key: "bridge", name: "桥梁涵洞 (bridge, culvert)", urgent: true },
        { key: "sign", name: "标志标线 (signs, markings)" },
        { key: "railing", name: "护栏 (guard rail)" },
        { key: "other", name: "其他 (other)" },
      ],
    },
    {
      code: "road_name",
      datatype: "string",
      required: false,
      description: "公路名称或编号，如 G1、沈海高速 (road name or number)",
    },
  ],
  "城乡建设/城市建设和市政管理/冬季采暖": [
    {
      code: "heating_issue",
      datatype: "singlevaluelist",
      required: true,
      description: "供暖问题类型 (What is wrong with the heating?)",
      values: [
        { key: "too_cold", name: "室温不达标 (too cold)" },
        { key: "no_heat", name: "不供热 (no heating)" },
        { key: "leak", name: "暖气漏水 (radiator or pipe leaking)" },
        { key: "billing", name: "收费问题 (billing)" },
        { key: "other", name: "其他 (other)" },
      ],
    },
    {
      code: "indoor_temperature",
      datatype: "number",
      required: false,
      description: "室内温度 (indoor temperature, °C)",
      datatype_description: "A number of degrees Celsius, e.g. 14.5",
    },
  ],
  "城乡建设/城市建设和市政管理/自来水供应": [
    {
      code: "water_issue",
      datatype: "singlevaluelist",
      required: true,
      description: "供水问题类型 (What is wrong with the water supply?)",
      values: [
        { key: "outage", name: "停水 (no water)" },
        { key: "low_pressure", name: "水压低 (low pressure)" },
        { key: "quality", name: "水质问题 (water quality)" },
        { key: "leak", name: "管道漏水 (burst or leaking pipe)" },
        { key: "other", name: "其他 (other)" },
      ],
    },
    {
      code: "since",
      datatype: "datetime",
      required: false,
      description: "问题开始时间 (since when?)",
      datatype_description: "ISO 8601 with time zone, e.g. 2025-03-03T07:00:00+08:00",
    },
  ],
  "城乡建设/城市建设和市政管理/燃气供应": [
    {
      code: "safety_notice",
      variable: false,
      datatype: "text",
      required: false,
      description:
        "如闻到燃气泄漏，请立即离开并拨打燃气公司抢修电话。 (If you smell gas, leave and call the gas company's emergency line first.)",
    },
    {
      code: "gas_issue",
      datatype: "singlevaluelist",
      required: true,
      description: "燃气问题类型 (What is wrong with the gas supply?)",
      values: [
        { key: "leak", name: "燃气泄漏 (gas smell, leak)", urgent: true },
        { key: "outage", name: "停气 (no gas)" },
        { key: "pressure", name: "气压不稳 (unstable pressure)" },
        { key: "billing", name: "收费问题 (billing)" },
        { key: "other", name: "其他 (other)" },
      ],
    },
  ],
  "城乡建设/城市建设和市政管理/环境卫生": [
    {
      code: "sanitation_issue",
      datatype: "singlevaluelist",
      required: true,
      description: "环境卫生问题类型 (What needs cleaning?)",
      values: [
        { key: "garbage", name: "垃圾未清运 (garbage not collected)" },
        { key: "street", name: "道路保洁 (street cleaning)" },
        { key: "toilet", name: "公共厕所 (public toilet)" },
        { key: "dumping", name: "乱倒垃圾 (illegal dumping)" },
        { key: "other", name: "其他 (other)" },
      ],
    },
  ],
  "环境保护/环境污染/噪音污染": [
    {
      code: "noise_source",
      datatype: "singlevaluelist",
      required: true,
      description: "噪声来源 (Where does the noise come from?)",
      values: [
        { key: "construction", name: "建筑施工 (construction)" },
        { key: "commercial", name: "商业经营 (shops, bars)" },
        { key: "traffic", name: "交通 (traffic)" },
        { key: "industrial", name: "工业生产 (factory)" },
        { key: "neighbourhood", name: "社会生活 (neighbours, square dancing)" },
        { key: "other", name: "其他 (other)" },
      ],
    },
    {
      code: "noise_period",
      datatype: "multivaluelist",
      required: false,
      description: "噪声出现的时段 (When is it noisy?)",
      values: [
        { key: "day", name: "昼间 06:00–22:00 (day)" },
        { key: "night", name: "夜间 22:00–06:00 (night)" },
      ],
    },
  ],
};

/** 诉求类型 (appeal kind): every service takes it; without it an Open311 report is a 求助 (help). */
const KIND_VALUES = [
  { key: "help", name: "求助 (request for help)" },
  { key: "complaint", name: "投诉 (complaint)" },
  { key: "report", name: "举报 (report of a violation)" },
  { key: "consult", name: "咨询 (question)" },
  { key: "suggestion", name: "建议 (suggestion)" },
  { key: "praise", name: "表扬 (praise)" },
] as const;

export const DEFAULT_KIND = "help";

/** Attributes every service accepts, after its own. */
export const COMMON_ATTRIBUTES: readonly AttributeSpec[] = [
  {
    code: "kind",
    datatype: "singlevaluelist",
    required: false,
    description: "诉求类型 (kind of appeal; 求助 when not given)",
    values: KIND_VALUES,
  },
];
