/**
 * Demo articles (示例知识): answers to the consults a Liaoning 12345 agent hears most often,
 * written for this project in its own words. They state what is generally true and stay generic;
 * every one is marked `sample` and tells the reader to check the local department's current rules.
 * Category codes are the seeded taxonomy's; departments are seeded department ids.
 */

/** One sample article before it is stored. */
export interface SampleArticle {
  title: string;
  /** Paragraphs; a paragraph starting with "- " lines becomes a list. */
  paragraphs: string[];
  categoryCodes: string[];
  regionCodes?: string[];
  departmentId: string;
  source?: { title: string; number?: string };
  effectiveFrom?: string;
  effectiveTo?: string;
  reviewBy?: string;
}

/** The note every sample carries. */
const SAMPLE_NOTE = "示例内容，以当地部门最新规定为准。";

const HEATING = "010208";
const GAS = "010213";
const POWER = "010215";
const WATER = "010216";
const PROPERTY = "011003";
const FUND = "011001";
const DEEDS = "011010";
const RENT = "011011";
const HUKOU = "130401";
const ID_CARD = "130405";
const MIGRANT = "130404";
const EXIT_ENTRY = "130402";
const DRIVING = "130503";
const ENROL = "140501";
const CROSS_ENROL = "140402";
const SCHOOL_FEES = "140302";
const PENSION = "150201";
const MEDICAL = "150204";
const UNEMPLOY = "150205";
const INJURY = "150202";
const MATERNITY = "150203";
const RESIDENT_PENSION = "150103";
const RESIDENT_MEDICAL = "150104";
const PENSION_PAY = "150905";
const RETIRE = "150904";
const WAGES = "150306";
const CONTRACT = "150601";
const ARBITRATION = "131205";
const VETERANS = "091002";
const VETERAN_PLACEMENT = "090202";
const MARKET = "110404";
const QUALITY = "110403";
const PRICES = "110408";
const MARRIAGE = "090802";
const BASIC_ALLOWANCE = "090903";
const LEGAL_AID = "130102";
const NOISE = "040203";
const OTHER = "020501";
const TAXI = "060102";
const RIDE_HAILING = "060104";
const FOOD = "120401";
const MEDICAL_FEES = "120605";
const ILLEGAL_BUILD = "010302";
const SANITATION = "010214";

const CITIES: [string, string][] = [
  ["2101", "沈阳市"],
  ["2102", "大连市"],
  ["2103", "鞍山市"],
  ["2104", "抚顺市"],
  ["2105", "本溪市"],
  ["2106", "丹东市"],
  ["2107", "锦州市"],
  ["2108", "营口市"],
  ["2109", "阜新市"],
  ["2110", "辽阳市"],
  ["2111", "盘锦市"],
  ["2112", "铁岭市"],
  ["2113", "朝阳市"],
  ["2114", "葫芦岛市"],
];

/** One article per city: where to report a cold home and what the heating company does. */
const cityHeating: SampleArticle[] = CITIES.map(([code, name]) => ({
  title: `${name}供暖不热、暖气报修怎么办`,
  paragraphs: [
    `${name}居民在供暖期内家中暖气不热、室温偏低，可先检查暖气阀门是否全部打开、暖气片是否需要放气，再拨打${name}供热公司（或所在小区的供热单位）的客服电话报修，也可通过12345热线反映。`,
    "供热单位接到报修后应按约定时间上门检查，必要时进行室温检测；检测结果不达标的，供热单位应查找原因并整改，整改期间的热费按当地规定处理。",
    "楼内管线、邻居私自改装暖气等原因造成的不热，由供热单位会同物业协调处理；室内自行改装管道造成的问题，由住户自行负责修复。",
  ],
  categoryCodes: [HEATING],
  regionCodes: [code],
  departmentId: `c${code}-heating`,
}));

const general: SampleArticle[] = [
  // 供暖 heating
  {
    title: "辽宁供暖期是什么时候开始和结束",
    paragraphs: [
      "辽宁省多数城市的法定供暖期为每年11月1日至次年3月31日；大连等沿海城市的起止日期与此略有不同。",
      "遇到气温明显偏低，当地政府可以决定提前供暖或延长供暖，并通过政府网站、供热单位公告等渠道发布，请以当年公告为准。",
      "供暖期开始前，供热单位通常会进行注水试压，居民家中应留人或留下联系方式，发现跑冒滴漏及时报修。",
    ],
    categoryCodes: [HEATING],
    departmentId: "p-housing",
    source: { title: "辽宁省城市供热条例" },
  },
  {
    title: "供暖期室内温度的标准是多少度",
    paragraphs: [
      "按辽宁省的供热规定，供暖期内居民住宅卧室、起居室（厅）的室温应不低于18℃。",
      "居民认为室温不达标的，可以向供热单位申请测温，供热单位应在约定时间内上门，在房间中央按规定高度测量，测温时应关闭门窗、不使用其他取暖设备。",
      "经测量不达标的，供热单位应及时整改；对测温结果有异议的，可向当地供热主管部门反映。",
    ],
    categoryCodes: [HEATING],
    departmentId: "p-housing",
    source: { title: "辽宁省城市供热条例" },
  },
  {
    title: "供暖费怎么交、什么时候交",
    paragraphs: [
      "供暖费一般在供暖期开始前缴纳，供热单位会通过公告、短信或物业通知缴费时间。",
      "缴费渠道通常包括供热单位营业厅、合作银行、供热单位的微信公众号或手机应用等，具体以所在供热单位公布的渠道为准。",
      "收费标准由当地价格主管部门核定，多数按建筑面积计收。对收费有疑问的，可先向供热单位查询计费面积和单价，再向当地价格或供热主管部门反映。",
    ],
    categoryCodes: [HEATING],
    departmentId: "p-housing",
  },
  {
    title: "家里长期没人住，能不能申请暖气停供",
    paragraphs: [
      "房屋长期无人居住的，部分城市允许在供暖期开始前向供热单位申请停供，办理时间和条件以当地供热单位规定为准。",
      "停供后一般仍需缴纳一定比例的基本热费，用于公共管网的热损耗；停供期间不得私自开启阀门。",
      "楼内其他住户正常供暖，停供户应做好室内管道防冻，避免冻裂漏水造成损失。",
    ],
    categoryCodes: [HEATING],
    departmentId: "p-housing",
  },
  {
    title: "新房入住怎么办理供暖开栓",
    paragraphs: [
      "新建住宅首次供暖，一般需要业主持房屋购买合同或不动产权证书、身份证件到供热单位办理供热入网（开栓）手续并缴纳当期热费。",
      "开栓前请确认室内暖气管道已试压合格、阀门关闭，避免开栓时漏水。",
      "开发商、物业和供热单位之间的交接问题导致无法开栓的，可向当地住房城乡建设或供热主管部门反映。",
    ],
    categoryCodes: [HEATING],
    departmentId: "p-housing",
  },
  {
    title: "暖气漏水、管道爆裂应急处理",
    paragraphs: [
      "发现暖气片或管道漏水，应立即关闭进水阀和回水阀，用容器接水、挪开电器，防止积水渗到楼下。",
      "随后拨打供热单位的抢修电话，夜间和节假日同样可以报修；公共管道的抢修由供热单位负责。",
      "漏水给邻居造成损失的，由责任方依法承担，可先由物业或社区调解。",
    ],
    categoryCodes: [HEATING],
    departmentId: "p-housing",
  },
  {
    title: "2023—2024供暖季缴费通知（已过期）",
    paragraphs: [
      "本条是上一个供暖季的缴费通知，仅保留作历史记录，请勿据此答复。",
      "当季缴费时间和渠道请查看最新的供暖费缴纳说明。",
    ],
    categoryCodes: [HEATING],
    departmentId: "p-housing",
    effectiveFrom: "2023-09-01",
    effectiveTo: "2024-03-31",
  },
  // 水电气 water, power, gas
  {
    title: "停水了怎么查询原因和恢复时间",
    paragraphs: [
      "计划停水一般会提前在小区公告栏、供水企业网站或公众号发布；突发停水可拨打当地供水企业客服电话查询。",
      "只有自己家停水的，先检查水表前阀门是否关闭、是否欠费，再联系物业检查楼内管道。",
      "停水时间过长或未提前通知的，可通过12345热线反映，由供水企业答复原因和恢复时间。",
    ],
    categoryCodes: [WATER],
    departmentId: "c2101-water",
  },
  {
    title: "自来水发黄、有异味怎么办",
    paragraphs: [
      "停水恢复后短时间水发黄，多因管道冲刷所致，可先放水几分钟观察。",
      "长时间浑浊或有异味的，请停止饮用，联系供水企业取样检测；高层住宅使用二次供水的，也可联系物业检查水箱清洗情况。",
      "对水质有疑问可向当地卫生健康部门或供水主管部门反映。",
    ],
    categoryCodes: [WATER],
    departmentId: "c2101-water",
  },
  {
    title: "水费怎么缴纳，欠费会停水吗",
    paragraphs: [
      "水费可通过供水企业营业厅、银行代收、微信或支付宝生活缴费等渠道缴纳，具体以当地供水企业公布为准。",
      "居民生活用水普遍实行阶梯水价，按年度用水量分档计价。",
      "长期欠费的，供水企业应按规定提前通知后才可采取停水措施；缴清后一般当天恢复。",
    ],
    categoryCodes: [WATER],
    departmentId: "c2101-water",
  },
  {
    title: "家里停电了怎么报修",
    paragraphs: [
      "先看看邻居家是否有电：只有自己家停电，检查家中空气开关、电表箱开关和电费余额。",
      "小区或片区停电，可拨打国家电网95598供电服务热线报修或查询停电信息，也可在“网上国网”手机应用查询。",
      "计划检修停电一般会提前公告；因停电造成家用电器损坏的，可向供电企业咨询理赔规定。",
    ],
    categoryCodes: [POWER],
    departmentId: "c2101-power",
  },
  {
    title: "电费怎么交，居民阶梯电价怎么算",
    paragraphs: [
      "电费可通过“网上国网”手机应用、供电营业厅、银行和第三方支付平台缴纳。",
      "居民生活用电实行阶梯电价，按年度（或月度）用电量分为三档，用电越多单价越高；具体分档电量和电价以辽宁省价格主管部门公布为准。",
      "对电费金额有疑问的，可拨打95598核对电表读数和计费明细。",
    ],
    categoryCodes: [POWER],
    departmentId: "c2101-power",
  },
  {
    title: "闻到燃气味、燃气泄漏怎么办",
    paragraphs: [
      "立即关闭燃气表前阀门，打开门窗通风；不要开关电灯和电器，不要在室内打电话，不要使用明火。",
      "离开房间到室外安全的地方，拨打燃气企业抢修电话；情况严重的拨打119。",
      "燃气泄漏属于紧急情况，请不要等待12345工单处理。",
    ],
    categoryCodes: [GAS],
    departmentId: "c2101-gas",
    source: { title: "城镇燃气管理条例" },
  },
  {
    title: "燃气怎么开户、过户和缴费",
    paragraphs: [
      "新房开通燃气，一般需要产权人持身份证件和房屋产权证明到燃气企业营业厅或线上渠道申请，燃气企业上门安全检查后通气。",
      "二手房过户后，请持新的不动产权证书到燃气企业办理用户信息变更。",
      "燃气费可在营业厅、燃气企业公众号或第三方支付平台缴纳；使用IC卡表的用户需要充值后插卡。",
    ],
    categoryCodes: [GAS],
    departmentId: "c2101-gas",
  },
  {
    title: "燃气入户安全检查是真的吗，如何辨别",
    paragraphs: [
      "燃气企业会定期入户安全检查，检查人员应佩戴工作证件，入户检查不收取检查费用。",
      "推销燃气报警器、软管等产品并强制收费的，不是正规安检，可以拒绝，并向燃气企业核实或拨打110。",
      "正规安检发现的隐患，燃气企业会书面告知整改，居民应及时整改。",
    ],
    categoryCodes: [GAS],
    departmentId: "c2101-gas",
  },
  // 社保 social insurance
  {
    title: "灵活就业人员怎么参加职工养老保险",
    paragraphs: [
      "无雇工的个体工商户、未在用人单位参保的非全日制从业人员和其他灵活就业人员，可以在户籍地或就业地以个人身份参加职工养老保险。",
      "办理渠道包括当地社保经办机构窗口、辽宁人社网上服务平台和手机应用；缴费基数可在规定的上下限之间选择。",
      "灵活就业人员参保已放开户籍限制，具体条件以参保地社保经办机构规定为准。",
    ],
    categoryCodes: [PENSION],
    departmentId: "p-hrss",
    source: { title: "中华人民共和国社会保险法" },
  },
  {
    title: "怎么查询社保缴费记录",
    paragraphs: [
      "可通过电子社保卡（国家社会保险公共服务平台、掌上12333等）、辽宁人社网上服务平台或手机应用查询个人参保和缴费记录。",
      "也可携带身份证到社保经办机构窗口或自助终端打印参保证明。",
      "发现单位漏缴、少缴的，可先与单位核对，仍未解决的向当地人力资源和社会保障部门反映。",
    ],
    categoryCodes: [PENSION],
    departmentId: "p-hrss",
  },
  {
    title: "换工作去外省，养老保险怎么转移",
    paragraphs: [
      "跨省流动就业的，职工养老保险关系可以转移接续，缴费年限累计计算。",
      "一般由本人向新参保地社保经办机构提出申请，也可通过国家社会保险公共服务平台或掌上12333线上申请，转出地和转入地经办机构之间办理转移。",
      "转移过程中可在线查询办理进度。",
    ],
    categoryCodes: [PENSION],
    departmentId: "p-hrss",
  },
  {
    title: "社保卡丢了怎么挂失补办",
    paragraphs: [
      "社保卡丢失，请尽快通过电子社保卡、掌上12333、社保卡服务热线或合作银行网点办理挂失，避免被冒用。",
      "补卡可到社保卡服务网点或合作银行网点办理，部分网点可以即时制卡；补卡费用以当地规定为准。",
      "新卡启用后，原医保、养老金发放等功能会随新卡延续，必要时请到银行激活金融功能。",
    ],
    categoryCodes: [PENSION, MEDICAL],
    departmentId: "p-hrss",
  },
  {
    title: "养老保险最低要交多少年",
    paragraphs: [
      "按社会保险法，参加职工养老保险的个人，达到法定退休年龄时累计缴费满15年的，按月领取基本养老金。",
      "国家实施渐进式延迟法定退休年龄后，职工按月领取基本养老金的最低缴费年限从2030年起逐步由15年提高到20年。",
      "到退休年龄缴费不足的，可以按规定延长缴费至满足最低缴费年限，具体以参保地政策为准。",
    ],
    categoryCodes: [PENSION, RETIRE],
    departmentId: "p-hrss",
    source: { title: "中华人民共和国社会保险法" },
  },
  {
    title: "退休年龄怎么算，延迟退休怎么执行",
    paragraphs: [
      "国家从2025年1月1日起实施渐进式延迟法定退休年龄，男职工和原法定退休年龄为55周岁、50周岁的女职工，分别按规定的节奏逐步延迟。",
      "每个人的具体退休年龄与出生年月对应，可通过掌上12333等渠道的退休年龄计算器查询。",
      "职工也可在规定范围内自愿弹性提前或延迟退休，需与单位协商并按规定办理。",
    ],
    categoryCodes: [RETIRE],
    departmentId: "p-hrss",
  },
  {
    title: "养老金领取资格认证怎么做",
    paragraphs: [
      "领取养老金的人员每年需要进行一次领取资格认证，证明本人仍然健在。",
      "可以通过掌上12333、电子社保卡或辽宁人社手机应用刷脸认证，也可由社区或社保经办机构协助认证。",
      "超过认证期限未认证的，养老金可能暂停发放，认证后可按规定补发。",
    ],
    categoryCodes: [PENSION_PAY],
    departmentId: "p-hrss",
  },
  {
    title: "养老金什么时候发、发到哪里",
    paragraphs: [
      "基本养老金按月发放，一般通过本人社保卡金融账户或指定银行账户按时足额发放，具体发放日以当地社保经办机构安排为准。",
      "未按时到账的，请先查询银行账户是否正常、是否完成资格认证，再向社保经办机构咨询。",
      "国家每年会根据情况调整基本养老金，调整通知发布后由当地统一补发。",
    ],
    categoryCodes: [PENSION_PAY],
    departmentId: "p-hrss",
  },
  {
    title: "城乡居民养老保险怎么参保缴费",
    paragraphs: [
      "年满16周岁（不含在校学生）、不属于职工养老保险覆盖范围的城乡居民，可以在户籍地参加城乡居民养老保险。",
      "缴费设多个档次，参保人自主选择，多缴多得，政府按规定给予缴费补贴。",
      "可在户籍所在地乡镇（街道）社保服务窗口、村（社区）或线上渠道办理参保和缴费。",
    ],
    categoryCodes: [RESIDENT_PENSION],
    departmentId: "p-hrss",
  },
  {
    title: "失业保险金领取条件和期限",
    paragraphs: [
      "领取失业保险金一般需要同时满足：非因本人意愿中断就业；失业前用人单位和本人已缴纳失业保险满1年；已进行失业登记并有求职要求。",
      "领取期限按累计缴费时间确定：满1年不足5年的最长12个月，满5年不足10年的最长18个月，10年以上的最长24个月。",
      "可通过辽宁人社网上服务平台、手机应用或社保经办机构窗口申领，领取期间由失业保险基金代缴基本医疗保险费。",
    ],
    categoryCodes: [UNEMPLOY],
    departmentId: "p-hrss",
    source: { title: "失业保险条例" },
  },
  {
    title: "工伤认定怎么申请，有什么时限",
    paragraphs: [
      "职工发生事故伤害或被诊断为职业病，用人单位应在30日内向社会保险行政部门提出工伤认定申请。",
      "用人单位未按规定申请的，工伤职工或其近亲属、工会组织可在事故伤害发生之日或职业病诊断之日起1年内直接申请。",
      "申请时一般需提交工伤认定申请表、劳动关系证明和医疗诊断证明等材料。",
    ],
    categoryCodes: [INJURY],
    departmentId: "p-hrss",
    source: { title: "工伤保险条例" },
  },
  {
    title: "生育津贴怎么领取",
    paragraphs: [
      "参加职工生育保险的职工，符合规定生育或实施计划生育手术的，可按规定享受生育医疗费用报销和生育津贴。",
      "生育津贴一般由用人单位向医保经办机构申报，按单位上年度职工月平均工资和规定的假期天数计发。",
      "灵活就业人员的生育待遇以当地政策为准，可向参保地医保经办机构咨询。",
    ],
    categoryCodes: [MATERNITY],
    departmentId: "p-hrss",
  },
  // 医保 medical insurance
  {
    title: "异地就医怎么备案、怎么直接结算",
    paragraphs: [
      "参保人到外省长期居住或临时外出就医，可先办理异地就医备案，再到开通直接结算的定点医疗机构就医结算。",
      "备案可通过国家医保服务平台手机应用、国家异地就医备案小程序或参保地医保经办机构办理。",
      "未备案先就医的，部分情况可按规定补办备案或回参保地报销，报销比例可能有所不同。",
    ],
    categoryCodes: [MEDICAL, RESIDENT_MEDICAL],
    departmentId: "p-hrss",
  },
  {
    title: "城乡居民医保什么时候交、怎么交",
    paragraphs: [
      "城乡居民医保按年度缴费，每年有集中缴费期（通常在下一年度开始前的秋冬季），缴费后次年享受待遇。",
      "可通过税务部门的缴费渠道、银行、微信或支付宝等线上渠道缴纳，具体以当地医保和税务部门的通知为准。",
      "新生儿、新迁入人员等可在出生或迁入后按规定参保缴费。",
    ],
    categoryCodes: [RESIDENT_MEDICAL],
    departmentId: "p-hrss",
  },
  {
    title: "新生儿怎么办理医保",
    paragraphs: [
      "新生儿在出生后按规定时限内参加城乡居民医保并缴费的，可以从出生之日起享受医保待遇。",
      "一般先为孩子办理出生登记落户，再持户口簿或出生医学证明到医保经办机构或线上渠道参保。",
      "具体时限以参保地医保部门规定为准，请尽早办理。",
    ],
    categoryCodes: [RESIDENT_MEDICAL],
    departmentId: "p-hrss",
  },
  {
    title: "职工医保个人账户能给家人用吗",
    paragraphs: [
      "职工医保实行门诊共济保障后，个人账户可以用于支付本人及其配偶、父母、子女在定点医疗机构就医、在定点零售药店购药发生的个人负担费用。",
      "家庭共济一般需要先在医保服务平台绑定家庭成员关系。",
      "个人账户资金不能提现或用于非医疗消费。",
    ],
    categoryCodes: [MEDICAL],
    departmentId: "p-hrss",
  },
  {
    title: "医院乱收费、多收费向哪里反映",
    paragraphs: [
      "对医疗服务收费有疑问，可先向医院的收费处或医务部门要求提供费用明细，核对收费项目和数量。",
      "认为存在重复收费、超标准收费的，可向当地卫生健康部门或医疗保障部门反映；涉及医保基金的违规行为可以举报。",
      "反映时请保留收费票据和费用清单。",
    ],
    categoryCodes: [MEDICAL_FEES],
    departmentId: "p-health",
  },
  // 户籍 household registration, ID, residence permit
  {
    title: "新生儿怎么上户口",
    paragraphs: [
      "新生儿一般在出生后1个月内由父母或监护人到户籍所在地派出所申报出生登记。",
      "通常需要携带出生医学证明、父母双方的居民户口簿和居民身份证，已婚的可携带结婚证；具体材料以当地公安机关要求为准。",
      "部分地区可通过“出生一件事”线上办理落户、医保参保等事项。",
    ],
    categoryCodes: [HUKOU],
    departmentId: "p-police",
    source: { title: "中华人民共和国户口登记条例" },
  },
  {
    title: "户口怎么迁移，可以跨省办理吗",
    paragraphs: [
      "户口迁移一般需要先取得迁入地的落户条件（如购房、投靠、就业、就学等），再到迁入地公安机关申请。",
      "目前多数地区已实行户口迁移“跨省通办”，符合条件的可直接在迁入地办理，不必回原籍开具准迁证。",
      "辽宁各城市对落户的具体条件不同，请以迁入地公安机关的规定为准。",
    ],
    categoryCodes: [HUKOU],
    departmentId: "p-police",
  },
  {
    title: "投靠亲属落户需要什么条件",
    paragraphs: [
      "夫妻投靠、子女投靠父母、父母投靠子女等情形，一般可以申请在亲属户籍所在地落户。",
      "申请时通常需要提供亲属关系证明（结婚证、出生医学证明或户口簿等）和住所证明。",
      "各城市对投靠落户的年限、住所等要求不同，以当地公安机关规定为准。",
    ],
    categoryCodes: [HUKOU],
    departmentId: "p-police",
  },
  {
    title: "身份证丢了怎么补办，外地能办吗",
    paragraphs: [
      "居民身份证丢失后，可到户籍所在地或现居住地公安机关的身份证受理点申请补领；目前身份证补换领已实现跨省通办。",
      "办理时需本人到场采集照片和指纹，按规定缴纳工本费，并可申请办理临时身份证应急使用。",
      "丢失后请注意防止身份证被冒用，必要时可向公安机关报案。",
    ],
    categoryCodes: [ID_CARD],
    departmentId: "p-police",
    source: { title: "中华人民共和国居民身份证法" },
  },
  {
    title: "身份证到期了怎么换领",
    paragraphs: [
      "居民身份证有效期满前3个月内可申请换领，过期后也可以换领，但过期证件不能作为有效身份证明使用。",
      "本人携带原身份证到受理点办理，现场采集照片和指纹，按规定缴纳工本费。",
      "领证时间一般为受理后若干个工作日，可选择邮寄送达。",
    ],
    categoryCodes: [ID_CARD],
    departmentId: "p-police",
  },
  {
    title: "居住证怎么办理，有什么用",
    paragraphs: [
      "离开常住户口所在地，到其他城市居住半年以上，并且有合法稳定就业、合法稳定住所或连续就读三者之一的，可以申领居住证。",
      "一般持身份证、照片和住所证明、就业或就读证明到居住地派出所或社区服务站申请。",
      "持居住证可在居住地享受义务教育、基本公共就业服务、基本公共卫生服务等，并可按规定申请落户。",
    ],
    categoryCodes: [MIGRANT],
    departmentId: "p-police",
    source: { title: "居住证暂行条例" },
  },
  {
    title: "护照、港澳通行证在哪里办",
    paragraphs: [
      "普通护照和往来港澳通行证已实现全国通办，可在全国任一出入境管理窗口申请，不受户籍限制。",
      "办理时需本人持身份证到场，现场采集照片和指纹；可通过“移民局”手机应用预约和查询进度。",
      "证件办理时限和收费以出入境管理部门公布为准。",
    ],
    categoryCodes: [EXIT_ENTRY],
    departmentId: "p-police",
  },
  {
    title: "驾驶证到期换证和交通违法处理",
    paragraphs: [
      "机动车驾驶证有效期满前90日内可申请换证，可通过“交管12123”手机应用或车管所办理，需提交身体条件证明。",
      "交通违法可在“交管12123”查询和处理，缴纳罚款；对违法记录有异议的，可向作出处罚的公安交管部门申请复核。",
      "交通事故等紧急情况请拨打122或110。",
    ],
    categoryCodes: [DRIVING],
    departmentId: "p-police",
  },
  // 入学 school enrolment
  {
    title: "小学入学怎么报名，需要什么材料",
    paragraphs: [
      "义务教育阶段实行免试就近入学，适龄儿童（一般为当年8月31日前满6周岁）在户籍或居住地所在学区报名。",
      "报名通常在每年春夏季进行，材料一般包括户口簿、房屋产权证明或租赁证明、出生医学证明等，具体以当地教育部门的招生公告为准。",
      "学区划分由县（区）教育部门公布，对学区有疑问可向当地教育局咨询。",
    ],
    categoryCodes: [ENROL],
    departmentId: "p-education",
    source: { title: "中华人民共和国义务教育法" },
  },
  {
    title: "外地户口孩子在辽宁怎么上学",
    paragraphs: [
      "随父母在居住地生活的进城务工人员随迁子女，可以在居住地接受义务教育。",
      "报名一般需要提供父母的居住证、就业证明和居住证明等材料，由居住地教育部门统筹安排学位。",
      "具体条件和报名时间以当地教育部门每年发布的招生政策为准。",
    ],
    categoryCodes: [CROSS_ENROL, ENROL],
    departmentId: "p-education",
  },
  {
    title: "初中入学和划片怎么确定",
    paragraphs: [
      "小学毕业升入初中实行免试就近入学，由县（区）教育部门按学区或对口小学安排。",
      "对划片结果有疑问，可向县（区）教育部门咨询或申请复核。",
      "具体招生办法以当地当年发布的义务教育招生政策为准。",
    ],
    categoryCodes: [ENROL],
    departmentId: "p-education",
  },
  {
    title: "转学怎么办理",
    paragraphs: [
      "义务教育阶段学生因搬家等原因转学，一般先到拟转入学校申请并取得同意，再通过全国中小学生学籍信息管理系统办理学籍转接。",
      "转入学校有学位是转学的前提；跨区转学需经相关教育部门同意。",
      "具体流程以当地教育部门规定为准。",
    ],
    categoryCodes: [ENROL],
    departmentId: "p-education",
  },
  {
    title: "学校乱收费、强制订购资料怎么反映",
    paragraphs: [
      "义务教育阶段公办学校免收学费、杂费，学校不得以任何名义强制收取费用或强制学生购买教辅资料。",
      "发现学校乱收费，可向当地教育部门或价格主管部门反映，并提供收费凭证等材料。",
      "服务性收费和代收费应坚持学生自愿、据实收取、及时结算的原则。",
    ],
    categoryCodes: [SCHOOL_FEES],
    departmentId: "p-education",
  },
  // 公积金 housing provident fund
  {
    title: "住房公积金怎么提取",
    paragraphs: [
      "购买、建造、翻建、大修自住住房，偿还购房贷款本息，租房自住，离休退休等情形，可以按规定提取住房公积金。",
      "可通过当地住房公积金管理中心的网上服务大厅、手机应用或窗口申请，租房提取一般按月或按年提取，有额度限制。",
      "具体条件、材料和额度以缴存地住房公积金管理中心规定为准。",
    ],
    categoryCodes: [FUND],
    departmentId: "p-housing",
    source: { title: "住房公积金管理条例" },
  },
  {
    title: "住房公积金贷款需要什么条件",
    paragraphs: [
      "申请住房公积金贷款一般要求正常连续缴存达到规定期限，用于购买自住住房，且具有还款能力。",
      "贷款额度与缴存余额、缴存时间、还款能力和房屋价格有关，各地设有最高贷款额度。",
      "具体条件以缴存地住房公积金管理中心规定为准，可在其网站使用贷款额度试算。",
    ],
    categoryCodes: [FUND],
    departmentId: "p-housing",
  },
  {
    title: "单位不给交住房公积金怎么办",
    paragraphs: [
      "按规定，单位应当为职工办理住房公积金缴存登记并按时足额缴存，缴存比例不低于5%、不高于12%。",
      "单位不办理缴存登记或不缴、少缴的，职工可以向当地住房公积金管理中心投诉，由其责令限期办理或缴存。",
      "投诉时请提供劳动合同、工资发放记录等证明劳动关系的材料。",
    ],
    categoryCodes: [FUND, "150305"],
    departmentId: "p-housing",
    source: { title: "住房公积金管理条例" },
  },
  {
    title: "异地购房能用公积金吗，公积金怎么转移",
    paragraphs: [
      "职工在缴存地以外购房，可按规定提取住房公积金或申请异地贷款，具体以缴存地和购房地的政策为准。",
      "换工作到其他城市的，可通过全国住房公积金小程序或转入地管理中心申请转移接续，资金随人走。",
      "办理进度可在线查询。",
    ],
    categoryCodes: [FUND],
    departmentId: "p-housing",
  },
  // 不动产登记 real estate registration
  {
    title: "二手房过户需要什么材料和流程",
    paragraphs: [
      "二手房买卖一般先签订买卖合同，再由买卖双方到不动产登记机构申请转移登记，并按规定缴纳税费。",
      "常用材料包括双方身份证件、不动产权证书、买卖合同、完税凭证等；有抵押的需先解除抵押或按规定办理带押过户。",
      "多地已实现登记、交易、缴税“一窗办理”，具体材料以当地不动产登记机构要求为准。",
    ],
    categoryCodes: [DEEDS],
    departmentId: "p-natural-resources",
    source: { title: "不动产登记暂行条例" },
  },
  {
    title: "新房办不动产权证书（房本）怎么办",
    paragraphs: [
      "购买新建商品房，一般在开发企业完成首次登记后，由购房人申请转移登记，领取不动产权证书。",
      "开发企业原因导致长期无法办证的，可向当地住房城乡建设部门和自然资源（不动产登记）部门反映。",
      "办理进度可向不动产登记机构查询。",
    ],
    categoryCodes: [DEEDS],
    departmentId: "p-natural-resources",
  },
  {
    title: "怎么查询自己名下的房产信息",
    paragraphs: [
      "权利人可持本人身份证件到不动产登记机构查询本人名下的不动产登记信息，部分城市支持线上查询。",
      "委托他人查询的，需提供授权委托书等材料。",
      "查询结果可用于子女入学、落户、贷款等事项。",
    ],
    categoryCodes: [DEEDS],
    departmentId: "p-natural-resources",
  },
  // 住房 housing
  {
    title: "公租房怎么申请",
    paragraphs: [
      "公共租赁住房主要面向城镇住房、收入困难家庭，以及符合条件的新就业无房职工和外来务工人员。",
      "申请一般向户籍或工作所在地的街道（社区）或住房保障部门提出，经审核、公示后轮候配租。",
      "具体准入条件和租金标准以当地住房保障部门规定为准。",
    ],
    categoryCodes: ["011002"],
    departmentId: "p-housing",
  },
  {
    title: "物业服务不到位、物业费有争议怎么办",
    paragraphs: [
      "物业服务的内容和收费标准以物业服务合同约定为准，业主可要求物业公开收费项目和服务标准。",
      "对服务质量有意见，可先与物业协商，也可通过业主委员会或社区居委会协调；协商不成的，可向街道或住房城乡建设（物业主管）部门反映。",
      "业主不宜以拒交物业费的方式维权，可能承担违约责任。",
    ],
    categoryCodes: [PROPERTY],
    departmentId: "p-housing",
    source: { title: "物业管理条例" },
  },
  {
    title: "住宅专项维修资金怎么使用",
    paragraphs: [
      "住宅专项维修资金专门用于住宅共用部位、共用设施设备保修期满后的维修和更新、改造，如电梯、屋顶防水、外墙等。",
      "使用一般需经专有部分面积占比和人数占比均达到规定比例的业主同意，再向维修资金管理部门申请。",
      "紧急情况（如电梯故障危及安全）可按应急程序申请使用。",
    ],
    categoryCodes: [PROPERTY],
    departmentId: "p-housing",
  },
  {
    title: "租房合同怎么备案，押金不退怎么办",
    paragraphs: [
      "房屋租赁合同可以到当地住房租赁管理部门或线上平台办理登记备案，备案后可用于办理居住证、子女入学等。",
      "出租人无正当理由不退押金的，可先协商，或向社区、街道调解组织申请调解，也可以依法向人民法院起诉。",
      "通过中介租房的，对中介机构的违规行为可向住房城乡建设部门或市场监管部门反映。",
    ],
    categoryCodes: [RENT],
    departmentId: "p-housing",
  },
  // 劳动 labour
  {
    title: "单位拖欠工资怎么办",
    paragraphs: [
      "用人单位应按时足额支付劳动者工资。被拖欠工资的，可以向用人单位所在地的劳动保障监察机构投诉举报，也可以申请劳动争议仲裁。",
      "投诉时请提供劳动合同、考勤记录、工资条、银行流水、聊天记录等能证明劳动关系和欠薪事实的材料。",
      "农民工工资被拖欠的，可通过全国根治欠薪线索反映平台反映。",
    ],
    categoryCodes: [WAGES],
    departmentId: "p-hrss",
    source: { title: "保障农民工工资支付条例" },
  },
  {
    title: "劳动争议仲裁怎么申请，时效多长",
    paragraphs: [
      "劳动争议申请仲裁的时效期间为1年，从当事人知道或应当知道其权利被侵害之日起计算；劳动关系存续期间拖欠劳动报酬的，不受此限制，但劳动关系终止的应自终止之日起1年内提出。",
      "申请人向劳动合同履行地或用人单位所在地的劳动人事争议仲裁委员会提交仲裁申请书和证据。",
      "劳动争议仲裁不收费。",
    ],
    categoryCodes: [ARBITRATION, CONTRACT],
    departmentId: "p-hrss",
    source: { title: "中华人民共和国劳动争议调解仲裁法" },
  },
  {
    title: "不签劳动合同、被辞退有没有补偿",
    paragraphs: [
      "用人单位自用工之日起超过1个月不满1年未与劳动者订立书面劳动合同的，应当向劳动者每月支付二倍的工资。",
      "用人单位依法解除或终止劳动合同的，应按规定支付经济补偿，一般按劳动者在本单位工作的年限，每满1年支付1个月工资。",
      "违法解除的，劳动者可要求继续履行或主张赔偿金，可申请劳动争议仲裁。",
    ],
    categoryCodes: [CONTRACT],
    departmentId: "p-hrss",
  },
  {
    title: "辽宁最低工资标准在哪里查",
    paragraphs: [
      "辽宁省最低工资标准由省政府发布，按地区分档，分为月最低工资标准和非全日制小时最低工资标准。",
      "最新标准可在辽宁省人力资源和社会保障厅网站查询。",
      "劳动者在法定工作时间内提供了正常劳动的，用人单位支付的工资不得低于当地最低工资标准。",
    ],
    categoryCodes: ["150304"],
    departmentId: "p-hrss",
  },
  {
    title: "加班费怎么计算",
    paragraphs: [
      "工作日延长工作时间的，支付不低于工资150%的加班工资；休息日安排工作又不能安排补休的，支付不低于工资200%的工资；法定休假日安排工作的，支付不低于工资300%的工资。",
      "实行综合计算工时或不定时工作制的，按相关规定执行。",
      "单位不支付加班费的，可向劳动保障监察机构投诉或申请劳动争议仲裁。",
    ],
    categoryCodes: [WAGES],
    departmentId: "p-hrss",
    source: { title: "中华人民共和国劳动法" },
  },
  {
    title: "失业了怎么办理失业登记、找工作",
    paragraphs: [
      "处于无业状态、有劳动能力和就业要求的人员，可以在常住地的公共就业服务机构办理失业登记，也可以线上办理。",
      "办理失业登记后，可以享受职业介绍、职业指导、职业培训等公共就业服务，符合条件的可申领失业保险金。",
      "就业困难人员可按规定申请就业援助。",
    ],
    categoryCodes: ["150402", UNEMPLOY],
    departmentId: "p-hrss",
  },
  // 退役军人 veterans
  {
    title: "退役军人优待证怎么申领",
    paragraphs: [
      "退役军人和其他优抚对象可以申领优待证，凭证享受交通、文旅等方面的优待。",
      "一般通过户籍所在地的退役军人服务站或线上渠道申请，经审核后制发。",
      "具体优待项目以国家和当地公布的清单为准。",
    ],
    categoryCodes: [VETERANS],
    departmentId: "p-veterans",
    source: { title: "中华人民共和国退役军人保障法" },
  },
  {
    title: "退伍后多久报到，安置政策问哪里",
    paragraphs: [
      "退役军人应在规定时间内持退役证件到安置地的县级退役军人事务部门报到，办理户口、档案和安置手续。",
      "安置方式包括逐月领取退役金、自主就业、安排工作、退休、供养等，具体根据服役年限和情况确定。",
      "安置政策可向安置地退役军人事务局或退役军人服务中心（站）咨询。",
    ],
    categoryCodes: [VETERAN_PLACEMENT],
    departmentId: "p-veterans",
  },
  {
    title: "退役军人自主就业一次性经济补助和就业帮扶",
    paragraphs: [
      "自主就业的退役士兵，由部队发给一次性退役金，安置地人民政府可以根据当地实际发给经济补助。",
      "退役军人可参加免费的职业技能培训，享受就业创业扶持政策，部分岗位对退役军人有优先录用规定。",
      "具体标准以安置地退役军人事务部门规定为准。",
    ],
    categoryCodes: [VETERAN_PLACEMENT],
    departmentId: "p-veterans",
  },
  // 市场主体 business registration
  {
    title: "个体工商户怎么登记、营业执照怎么办",
    paragraphs: [
      "开办个体工商户可以通过辽宁省市场主体登记的网上服务平台在线申请，也可以到经营场所所在地的市场监管部门或政务服务大厅办理。",
      "一般需要提供经营者身份证件、经营场所信息等材料；登记不收费，材料齐全、符合法定形式的可以当场或在规定时限内领取营业执照。",
      "从事需要许可的经营项目（如食品经营），还应依法取得相应许可。",
    ],
    categoryCodes: [MARKET],
    departmentId: "p-market",
    source: { title: "促进个体工商户发展条例" },
  },
  {
    title: "公司注册（设立登记）需要多长时间",
    paragraphs: [
      "设立公司可通过市场主体登记网上服务平台全程电子化办理，材料齐全、符合法定形式的，一般在规定的短时限内办结。",
      "需要准备公司名称、住所、注册资本、股东和经营范围等信息，以及股东和法定代表人的身份信息。",
      "登记后可同步办理印章刻制、涉税事项和社保登记等。",
    ],
    categoryCodes: [MARKET],
    departmentId: "p-market",
  },
  {
    title: "营业执照年报什么时候报",
    paragraphs: [
      "企业、农民专业合作社和个体工商户应于每年1月1日至6月30日，通过国家企业信用信息公示系统报送上一年度的年度报告。",
      "企业未按时年报的会被列入经营异常名录；补报后可申请移出。",
      "个体工商户年报可采用纸质或网上方式，具体以当地市场监管部门要求为准。",
    ],
    categoryCodes: [MARKET],
    departmentId: "p-market",
  },
  {
    title: "营业执照丢了或要变更怎么办",
    paragraphs: [
      "营业执照遗失的，可以通过国家企业信用信息公示系统发布遗失公告后申请补领，也可以使用电子营业执照。",
      "名称、住所、经营范围、法定代表人等登记事项变化的，应当向登记机关申请变更登记。",
      "注销登记可通过网上服务平台办理，符合条件的可适用简易注销。",
    ],
    categoryCodes: [MARKET],
    departmentId: "p-market",
  },
  {
    title: "买到假冒伪劣商品、消费纠纷怎么投诉",
    paragraphs: [
      "消费者与经营者发生纠纷，可以先与经营者协商，也可以向市场监管部门投诉（全国12315平台），或向消费者协会求助。",
      "投诉时请提供购物凭证、商品照片、与商家的沟通记录等证据。",
      "经营者提供商品或服务有欺诈行为的，消费者可依法要求增加赔偿。",
    ],
    categoryCodes: [QUALITY],
    departmentId: "p-market",
    source: { title: "中华人民共和国消费者权益保护法" },
  },
  {
    title: "商家乱涨价、不明码标价向哪里反映",
    paragraphs: [
      "经营者应当明码标价，不得在标价之外加价出售商品或收取未标明的费用。",
      "发现价格违法行为，可向市场监管部门举报（12315），并提供价签照片、收费凭证等。",
      "水、电、气、暖等政府定价项目的收费问题，也可向价格主管部门反映。",
    ],
    categoryCodes: [PRICES],
    departmentId: "p-market",
  },
  {
    title: "食品安全问题怎么举报",
    paragraphs: [
      "发现餐饮店、超市等销售过期变质食品、卫生条件差等食品安全问题，可向市场监管部门举报。",
      "举报时请说明经营者名称、地址、问题情况，并尽量保留食品、票据和照片。",
      "因食品安全问题造成身体损害的，请及时就医并保存病历。",
    ],
    categoryCodes: [FOOD],
    departmentId: "p-market",
  },
  // 民政 civil affairs
  {
    title: "结婚登记在哪里办，需要什么材料",
    paragraphs: [
      "内地居民结婚，男女双方应当共同到婚姻登记机关办理结婚登记。按新修订的婚姻登记条例，婚姻登记实行全国通办，可在一方常住户口所在地或经常居住地办理。",
      "一般需要本人的有效居民身份证，以及本人无配偶且与对方无禁止结婚的亲属关系的签字声明。",
      "可通过当地民政部门的预约渠道提前预约。",
    ],
    categoryCodes: [MARRIAGE],
    departmentId: "p-civil-affairs",
    source: { title: "婚姻登记条例" },
  },
  {
    title: "低保怎么申请",
    paragraphs: [
      "共同生活的家庭成员人均收入低于当地最低生活保障标准，且家庭财产状况符合规定的，可以申请最低生活保障。",
      "一般由申请人向户籍所在地的乡镇人民政府（街道办事处）提出书面申请，经家庭经济状况核查、公示后由县级民政部门审批。",
      "部分地区也可在居住地申请，具体以当地民政部门规定为准。",
    ],
    categoryCodes: [BASIC_ALLOWANCE],
    departmentId: "p-civil-affairs",
    source: { title: "社会救助暂行办法" },
  },
  {
    title: "高龄津贴、养老服务补贴怎么领",
    paragraphs: [
      "辽宁各地对达到一定年龄的老年人发放高龄津贴，对经济困难的失能老年人给予养老服务补贴或护理补贴，标准和年龄条件由各市确定。",
      "一般由本人或家属向户籍所在地社区（村）或乡镇（街道）申请。",
      "具体条件和标准请向当地民政部门咨询。",
    ],
    categoryCodes: ["090102"],
    departmentId: "p-civil-affairs",
  },
  {
    title: "遇到流浪乞讨人员怎么求助",
    paragraphs: [
      "发现生活无着的流浪乞讨人员，可以拨打当地救助管理站电话，或拨打110，由公安机关或救助站工作人员处置。",
      "发现流浪人员中有病人、残疾人、未成年人或精神障碍患者的，请及时报警或拨打120。",
      "冬季寒冷天气救助站会开展街面巡查。",
    ],
    categoryCodes: ["090804"],
    departmentId: "p-civil-affairs",
  },
  {
    title: "老人去世后丧葬费、抚恤金怎么领",
    paragraphs: [
      "参加职工养老保险的人员因病或非因工死亡的，其遗属可以按规定领取丧葬补助金和抚恤金。",
      "一般由遗属持死亡证明、户口注销证明、亲属关系证明等材料到社保经办机构申请，部分地区可在“身后一件事”中一并办理。",
      "领取条件和标准以参保地规定为准。",
    ],
    categoryCodes: [PENSION_PAY, "090803"],
    departmentId: "p-hrss",
  },
  // 法律 law
  {
    title: "请不起律师，怎么申请法律援助",
    paragraphs: [
      "经济困难的公民和符合法定条件的其他当事人，可以向法律援助机构申请法律援助，获得法律咨询、代理等服务。",
      "可拨打12348公共法律服务热线咨询，或到当地公共法律服务中心、法律援助中心申请。",
      "追索劳动报酬、工伤赔偿等事项申请法律援助的，一般不受经济困难条件限制或有放宽，具体以当地规定为准。",
    ],
    categoryCodes: [LEGAL_AID],
    departmentId: "p-justice",
    source: { title: "中华人民共和国法律援助法" },
  },
  // 环境 environment, city
  {
    title: "夜间施工噪音扰民怎么投诉",
    paragraphs: [
      "在噪声敏感建筑物集中区域，禁止夜间（一般指22时至次日6时）进行产生噪声的建筑施工作业，但抢修、抢险和因生产工艺要求或其他特殊需要并取得证明的除外。",
      "发现夜间违规施工，可向当地生态环境、住房城乡建设或城市管理部门反映，紧急扰民可拨打110。",
      "反映时请说明施工地点、时间和单位名称。",
    ],
    categoryCodes: [NOISE],
    departmentId: "p-ecology",
    source: { title: "中华人民共和国噪声污染防治法" },
  },
  {
    title: "楼上邻居、商铺噪音扰民怎么办",
    paragraphs: [
      "邻里之间的生活噪声，可以先友好沟通，或请物业、社区居委会调解。",
      "商铺使用高音广播、音响招揽顾客的，可向城市管理或公安部门反映；娱乐场所噪声可向生态环境或文化旅游部门反映。",
      "夜间严重干扰他人正常生活的，可拨打110。",
    ],
    categoryCodes: [NOISE],
    departmentId: "p-ecology",
  },
  {
    title: "私搭乱建、违章建筑怎么举报",
    paragraphs: [
      "发现未取得规划许可或未按许可建设的违法建设，可向所在地的城市管理综合行政执法部门或街道（乡镇）举报。",
      "举报时请说明具体位置、建设时间和建设情况，最好附上照片。",
      "小区内占用公共部位搭建的，也可先向物业和社区反映。",
    ],
    categoryCodes: [ILLEGAL_BUILD],
    departmentId: "c2101-urban",
    regionCodes: ["2101"],
  },
  {
    title: "垃圾没人清运、环境卫生问题反映",
    paragraphs: [
      "道路、公共场所的环境卫生由环卫部门负责，小区内的垃圾清运一般由物业负责。",
      "发现垃圾长时间无人清运、道路不洁等，可向城市管理部门或街道反映，小区内的先联系物业。",
      "生活垃圾应按当地要求分类投放。",
    ],
    categoryCodes: [SANITATION],
    departmentId: "c2101-urban",
    regionCodes: ["2101"],
  },
  // 交通 transport
  {
    title: "出租车拒载、绕路、多收费怎么投诉",
    paragraphs: [
      "乘坐出租车遇到拒载、绕路、不打表、多收费等情况，可向当地交通运输部门（客运管理机构）投诉。",
      "投诉时请提供车牌号、乘车时间、上下车地点，最好保留发票或付款记录。",
      "遗失物品可凭发票上的车号信息联系出租车公司或客运管理机构查找。",
    ],
    categoryCodes: [TAXI],
    departmentId: "p-transport",
  },
  {
    title: "网约车投诉和安全问题怎么处理",
    paragraphs: [
      "网约车服务问题，可以先通过平台的客服和投诉渠道处理，平台应在规定时间内答复。",
      "对平台处理结果不满意或发现非法营运的，可向当地交通运输部门反映。",
      "遇到人身安全威胁请立即拨打110。",
    ],
    categoryCodes: [RIDE_HAILING],
    departmentId: "p-transport",
  },
  // 12345 itself
  {
    title: "12345热线能办什么，不能办什么",
    paragraphs: [
      "12345政务服务便民热线受理企业和群众对经济调节、市场监管、社会管理、公共服务、生态环境保护等方面的咨询、求助、投诉、举报和意见建议。",
      "110、119、120、122等紧急事项请直接拨打相应紧急热线；已经进入诉讼、仲裁、纪检监察、行政复议、信访等法定途径的事项，按相应程序办理。",
      "可以通过电话、网站、手机应用和微信等渠道提交诉求，每件诉求都会生成工单编号。",
    ],
    categoryCodes: [OTHER],
    departmentId: "p-office",
  },
  {
    title: "反映的问题多久能有答复，怎么查询进度",
    paragraphs: [
      "12345热线受理诉求后，能当场答复的直接答复；不能当场答复的，按规定转交承办单位办理，承办单位在规定时限内答复。",
      "可以凭工单编号和查询码，在热线网站或手机应用查询办理进度，也可再次拨打12345查询。",
      "办结后热线会进行回访，对办理结果不满意的可以说明理由，符合条件的会重新交办。",
    ],
    categoryCodes: [OTHER],
    departmentId: "p-office",
  },
  {
    title: "对12345回复不满意怎么办",
    paragraphs: [
      "在回访时如实说明不满意的原因，热线会根据情况要求承办单位重新办理或作出说明。",
      "对承办单位推诿、拖延的，可以再次向12345反映，热线会按规定进行督办。",
      "诉求涉及的政策本身无法满足的，承办单位应当作出解释说明。",
    ],
    categoryCodes: [OTHER],
    departmentId: "p-office",
  },
  {
    title: "营商环境问题、企业诉求怎么反映",
    paragraphs: [
      "企业在办事过程中遇到吃拿卡要、推诿扯皮、政策不落实、合同不履行等营商环境问题，可以拨打12345或通过网上渠道反映，热线按营商环境诉求专项办理和督办。",
      "反映时请说明企业名称、统一社会信用代码、联系人和具体事项。",
      "涉企惠企政策可以咨询相关主管部门，符合条件的部分政策免申即享。",
    ],
    categoryCodes: [OTHER],
    departmentId: "p-office",
  },
];

/** Every sample article: 14 city heating articles and the province-wide ones. */
export const SAMPLE_ARTICLES: readonly SampleArticle[] = [...cityHeating, ...general];

/** The body of a sample as the small HTML an article allows, with the sample note. */
export function sampleBody(a: SampleArticle): string {
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const parts = a.paragraphs.map((p) =>
    p.startsWith("- ")
      ? `<ul>${p
          .split("\n")
          .map((li) => `<li>${esc(li.replace(/^- /, ""))}</li>`)
          .join("")}</ul>`
      : `<p>${esc(p)}</p>`,
  );
  return `${parts.join("")}<p><em>${SAMPLE_NOTE}</em></p>`;
}
