/**
 * Templates of demo appeals (诉求) and of the departments' replies, written for this project.
 * Each template is one matter in a citizen's voice, keyed by the level-1 and level-2 category
 * NAMES of the taxonomy. Titles and bodies are interchangeable variants of the same matter, so a
 * near-duplicate appeal can be the same matter reworded. `{slot}` marks text filled per appeal
 * (see `slots.ts`); one appeal fills each slot once, so title, body, reply and address agree.
 */
import type { AppealKind, ReplyOutcome } from "../../../common/appeal-state.ts";

/** Times of year when a matter is more (or less) frequent. */
export type Season =
  | "heating"
  | "heatingPrep"
  | "summer"
  | "winter"
  | "enrollment"
  | "burning"
  | "tourism"
  | "insurance";

/** What the address of the appeal points at. */
export type Place = "home" | "road" | "school" | "hospital" | "shop" | "village" | "park" | "company";

/** One department-style reply and the outcome it reports. */
export interface ReplyVariant {
  outcome: ReplyOutcome;
  text: string;
}

/** One matter citizens write to the hotline about. */
export interface AppealTemplate {
  /** Stable identifier, unique among templates. */
  id: string;
  /** Level-1 category name, e.g. "城乡建设"; "*" for the fallback used with any tree. */
  l1: string;
  /** Level-2 category name; null for a generic template of its level 1. */
  l2: string | null;
  /** Preferred level-3 names under l2; a random leaf of l2 when none of them exists. */
  l3?: readonly string[];
  kind: AppealKind;
  /** Written in the voice of an enterprise (营商环境 line). */
  enterprise?: boolean;
  season?: Season;
  /** Relative frequency (default 1). */
  weight?: number;
  /** Probability of being urgent (default 0.03). */
  urgent?: number;
  /** City codes ("2101") where the matter exists at all (e.g. metro lines). */
  cities?: readonly string[];
  /** What the address points at (default home). */
  place?: Place;
  titles: readonly string[];
  bodies: readonly string[];
  replies: readonly ReplyVariant[];
}

const r = (text: string): ReplyVariant => ({ outcome: "resolved", text });
const e = (text: string): ReplyVariant => ({ outcome: "explained", text });
const u = (text: string): ReplyVariant => ({ outcome: "unresolvable", text });

const URBAN = "城乡建设";
const MUNI = "城市建设和市政管理";
const HOUSING = "住房保障与房地产";

const urbanConstruction: AppealTemplate[] = [
  {
    id: "heating-cold",
    l1: URBAN,
    l2: MUNI,
    l3: ["冬季采暖"],
    kind: "complaint",
    season: "heating",
    weight: 4,
    urgent: 0.08,
    titles: ["{compound}{building}供暖温度不达标", "{district}{compound}暖气不热，室温只有{temp}度"],
    bodies: [
      "我是{district}{street}{compound}{building}的住户，从{date}开始家里暖气一直不热，屋里只有{temp}度左右，家里有老人和刚满月的孩子，晚上冻得睡不着。给{heatCo}打了好几次电话，都说在排查，到现在也没人上门，希望相关部门督促尽快解决。",
      "{compound}{building}这个采暖期室温一直上不去，拿温度计量了只有{temp}度，暖气片上面热下面凉。供暖费我们是按时交的，热力公司一拖再拖，请帮忙协调上门测温并处理。",
    ],
    replies: [
      r(
        "经{district}供热管理部门核实，{compound}{building}室温偏低系管网末端循环不畅所致。{heatCo}已派员上门排气并调整阀门，复测室温达到{tempOk}度，符合供热标准，已与来电人沟通确认。",
      ),
      e(
        "经核实，该楼栋二次管网正在进行水力平衡调节，{heatCo}承诺三日内完成调试，并已对该户入户测温登记。如室温持续不达标，将按规定退还相应供暖费。已向来电人解释说明。",
      ),
    ],
  },
  {
    id: "heating-fee",
    l1: URBAN,
    l2: MUNI,
    l3: ["冬季采暖"],
    kind: "consult",
    season: "heatingPrep",
    weight: 1.5,
    titles: ["{compound}住户咨询供暖费收费标准", "{district}{compound}业主咨询供暖费如何缴纳"],
    bodies: [
      "您好，我家住{district}{compound}，房子建筑面积{area}平方米，想问一下今年的供暖费是按什么标准收的，在哪里交，能不能在手机上直接缴费，早交有没有优惠？",
      "我是{compound}的业主，今年刚收房，第一次交取暖费，不清楚收费单价和缴费截止时间，也不知道该找哪家热力公司，麻烦给解答一下。",
    ],
    replies: [
      e(
        "您好，{cityShort}居民供暖费按建筑面积计收，单价以价格主管部门核定的标准为准。可通过供热企业营业厅、银行代收网点或手机缴费平台办理，缴费截止时间以供热企业公告为准。已向来电人详细解答。",
      ),
      e(
        "经{district}供热管理办公室答复：{compound}由{heatCo}负责供热，新收房业主可携带购房合同和身份证到该公司营业厅开户缴费，也可关注其官方公众号在线缴纳。已告知来电人。",
      ),
    ],
  },
  {
    id: "heating-stop",
    l1: URBAN,
    l2: MUNI,
    l3: ["冬季采暖"],
    kind: "consult",
    season: "heatingPrep",
    titles: ["{compound}业主咨询空置房屋办理停暖手续", "咨询{compound}{buildingNo}房屋无人居住能否报停供暖"],
    bodies: [
      "我在{district}{compound}有一套房子，今年冬天家里没人住，想咨询一下能不能申请停止供暖，需要带哪些材料去哪里办，报停以后还需要交多少基本热费？",
      "家里老人去外地儿女家过冬了，{compound}{building}的房子空着，想办个停暖。听说要在开栓之前申请，不知道具体截止到哪天，能不能线上办理？",
    ],
    replies: [
      e(
        "您好，用户申请停止供暖须在供暖开始前向供热企业提出，携带房屋产权证明及身份证件，经现场关闭阀门并施封后生效，报停期间按规定缴纳一定比例的基本热费。{heatCo}已开通网上申请渠道，已告知来电人。",
      ),
      e(
        "经{district}供热管理部门核实，停暖申请的受理截止日期以供热企业当年公告为准，可通过营业厅或手机平台提交，工作人员将上门施封。已向来电人解释。",
      ),
    ],
  },
  {
    id: "heating-leak",
    l1: URBAN,
    l2: MUNI,
    l3: ["冬季采暖"],
    kind: "help",
    season: "heating",
    weight: 1.5,
    urgent: 0.3,
    titles: ["{compound}{building}暖气管道漏水急需维修", "{district}{compound}暖气跑水请求帮助"],
    bodies: [
      "{compound}{building}楼道里的暖气立管今天早上开始漏水，水已经流到单元门口结了冰，老人出门很危险。物业说管道归热力公司管，热力公司电话一直占线，请帮忙联系抢修。",
      "我家卫生间的暖气管接头突然往外喷热水，已经把总阀关了，但家里现在一点热乎气都没有，外面零下{minus}度，{heatCo}的报修电话打不通，请求尽快派人来修。",
    ],
    replies: [
      r(
        "接到工单后，{heatCo}抢修人员已赶赴现场，对{building}漏水管段进行了更换，恢复正常供热，楼道积水积冰已清理。已与来电人确认。",
      ),
      r(
        "经核实，漏点位于户内管道接口处，{heatCo}已派维修人员上门更换阀门，现已恢复供暖。已提醒居民如遇类似情况可拨打供热企业24小时抢修电话。",
      ),
    ],
  },
  {
    id: "heating-praise",
    l1: URBAN,
    l2: MUNI,
    l3: ["冬季采暖"],
    kind: "praise",
    season: "heating",
    titles: ["表扬{heatCo}维修师傅服务周到", "感谢{heatCo}{surname}师傅及时上门维修暖气"],
    bodies: [
      "我家住{district}{compound}，前几天暖气不热打了电话，第二天{heatCo}的{surname}师傅就上门了，前后忙了两个多小时，把管道里的气放干净，现在屋里二十多度。师傅很负责，特意打电话表扬一下。",
      "上周我们楼暖气出了问题，{surname}师傅冒着大雪来回跑了三趟，一直修到晚上八点多才走，连口水都没喝。家里老人特别感动，希望单位能表扬一下这位师傅。",
    ],
    replies: [
      r(
        "感谢您对供热工作的肯定。您的表扬已转达至{heatCo}，该公司将在内部予以通报表扬，并继续做好采暖期服务保障工作。",
      ),
      r("您的表扬已反馈给{heatCo}，公司对{surname}师傅提出表扬，并号召维修人员向其学习。"),
    ],
  },
  {
    id: "water-outage",
    l1: URBAN,
    l2: MUNI,
    l3: ["自来水供应"],
    kind: "complaint",
    weight: 1.5,
    titles: ["{compound}频繁停水且未提前通知", "反映{district}{compound}连续停水"],
    bodies: [
      "{district}{compound}这个月已经停了{n}次水了，每次都不提前贴通知，今天早上起来又没水，做饭洗漱都成问题。打电话问物业说是供水公司的事，请相关部门查一下到底什么原因，什么时候能恢复。",
      "我们{compound}从昨天晚上开始就没水了，到现在快一天了，小区里好多老人家里没有存水，也没看到停水公告。希望供水部门尽快恢复供水并说明情况。",
    ],
    replies: [
      r(
        "经{cityShort}供水企业核实，{compound}停水系小区加压泵站设备故障所致，维修人员已更换水泵，当日恢复供水。供水企业已要求物业今后计划停水须提前张贴公告。",
      ),
      e(
        "经核实，因{road}供水管网改造施工，该区域需间断停水，施工将于近日完成。供水企业已在小区张贴公告并安排送水车，已向来电人解释说明。",
      ),
    ],
  },
  {
    id: "water-pressure",
    l1: URBAN,
    l2: MUNI,
    l3: ["自来水供应"],
    kind: "complaint",
    titles: ["{compound}高层住户水压低用水难", "{district}{compound}{buildingNo}水压不足"],
    bodies: [
      "我住{compound}{buildingNo}{floor}楼，家里水龙头水流特别小，早晚用水高峰时基本没水，热水器都打不着火，已经持续{months}个月了。物业说二次供水设备老化，一直没人修，请帮忙解决。",
      "{compound}的二次供水水压一直不够，高层住户洗澡都成问题，向物业反映过多次没有结果。希望主管部门督促对二次供水设施进行检修。",
    ],
    replies: [
      r(
        "经{district}住房和城乡建设部门协调，{compound}二次供水设备已由供水企业完成检修并调整出水压力，高层用户用水恢复正常，来电人表示认可。",
      ),
      e(
        "经核实，该小区二次供水设施已列入今年改造计划，改造完成前由物业公司加强设备日常维护。已将改造进度告知来电人。",
      ),
    ],
  },
  {
    id: "burst-main",
    l1: URBAN,
    l2: MUNI,
    l3: ["自来水供应"],
    kind: "help",
    season: "winter",
    urgent: 0.3,
    place: "road",
    titles: ["{road}自来水管爆裂路面积水结冰", "{district}{road}附近水管破裂请求抢修"],
    bodies: [
      "{district}{road}靠近{compound}门口的地下水管爆了，水从井盖往外冒，路面已经结了一层冰，不少行人滑倒，车辆也不敢过，请赶紧通知供水公司来抢修。",
      "今天早上路过{road}，看到路边有一处水管破裂，水冒了好大一片，天冷已经冻上了，旁边就是公交站，很危险，请尽快派人处理。",
    ],
    replies: [
      r(
        "接到工单后，供水企业抢修队伍赶赴{road}现场，关闭上游阀门并完成管道抢修，环卫部门对路面结冰进行了撒融雪剂处理，目前已恢复正常通行。",
      ),
      r("经核实，该处为供水支管冻裂，供水企业已于当日完成抢修，路面积冰已清理。感谢市民的及时反映。"),
    ],
  },
  {
    id: "gas-smell",
    l1: URBAN,
    l2: MUNI,
    l3: ["燃气供应"],
    kind: "help",
    urgent: 0.6,
    titles: ["{compound}{buildingNo}楼道有燃气味", "{district}{compound}疑似燃气泄漏请求处理"],
    bodies: [
      "{compound}{building}楼道里有很浓的燃气味，已经好几个小时了，不知道是谁家漏气，我们不敢开灯也不敢按门铃，请燃气公司赶紧派人来检查。",
      "刚下楼经过{compound}{buildingNo}旁边，闻到一股很重的煤气味，好像是地下管道在漏气，周围还有小孩在玩，请马上安排人员过来检测。",
    ],
    replies: [
      r(
        "燃气企业接报后立即派抢险人员到场，经检测确认为{buildingNo}一户燃气表前阀门松动，已完成紧固并复测无泄漏，同时对楼内住户进行了安全用气宣传。",
      ),
      r("经燃气企业现场检测，泄漏点位于庭院地下管线接口，已进行开挖抢修并恢复供气，现场复测无异常。"),
    ],
  },
  {
    id: "power-outage",
    l1: URBAN,
    l2: MUNI,
    l3: ["电力供应"],
    kind: "complaint",
    titles: ["{compound}近期频繁停电", "反映{district}{compound}经常无故断电"],
    bodies: [
      "{district}{compound}这段时间老是停电，一周停了{n}次，有时候一停就是半天，冰箱里的东西都坏了，家里老人还要用制氧机。请供电部门查一查线路是不是有问题。",
      "我们{compound}{buildingNo}一到晚上用电高峰就跳闸，问物业说是变压器容量不够，已经反映好长时间了。希望供电公司尽快对小区线路进行改造。",
    ],
    replies: [
      r(
        "经供电公司核实，{compound}停电系小区配电箱老化所致，抢修人员已更换设备，近期已恢复稳定供电，并将该小区纳入重点巡视范围。",
      ),
      e(
        "经核实，该小区配电设施产权归小区业主共有，供电公司已派员协助排查，并建议物业申请老旧小区电力设施改造。已向来电人解释说明。",
      ),
    ],
  },
  {
    id: "bus-skip-stop",
    l1: URBAN,
    l2: MUNI,
    l3: ["公共汽车"],
    kind: "complaint",
    place: "road",
    titles: ["{bus}路公交车在{road}站不按站停车", "投诉{bus}路公交车在{road}站甩站"],
    bodies: [
      "{date}早上七点多，我在{road}站等{bus}路公交车，车明明看见有人招手却没停直接开走了，下一辆等了二十多分钟，上班迟到了。这种情况不是第一次，希望公交公司加强管理。",
      "{bus}路公交车经常在{road}站不停车，车上明明还有空位，司机看站台人多就直接开过去，我们这些上班的人只能打车。请公交公司查一查。",
    ],
    replies: [
      r(
        "经{cityShort}公交企业核实，该车次驾驶员存在未按规定进站停靠的情况，公司已对其进行批评教育和考核处理，并在全线开展规范停靠专项检查。已向来电人致歉。",
      ),
      e(
        "经公交企业调取车载监控核查，该时段{bus}路车辆因满载未能进站载客，公司已加强高峰时段运力调度，增加区间车次。已向来电人解释。",
      ),
    ],
  },
  {
    id: "bus-driving",
    l1: URBAN,
    l2: MUNI,
    l3: ["公共汽车"],
    kind: "complaint",
    place: "road",
    titles: ["{bus}路公交车司机开车太猛态度差", "投诉{bus}路公交司机急刹车且态度恶劣"],
    bodies: [
      "{date}下午坐{bus}路公交车，司机一路开得特别猛，急刹车好几次，车上一位老人差点摔倒，乘客提意见司机还大声嚷嚷。希望公交公司好好管管。",
      "{bus}路公交车司机开车太急了，过{road}转弯都不减速，站着的乘客东倒西歪。有人说了一句，司机就出言不逊，服务态度太差了，请有关部门处理。",
    ],
    replies: [
      r(
        "经公交企业调取车载视频核实，该驾驶员存在急加速、急刹车及服务用语不规范问题，公司已对其停岗培训并扣除当月服务考核分，已向来电人致歉。",
      ),
      r("经核查，公交企业已对涉事驾驶员进行批评教育，并在{bus}路全体驾驶员中开展文明行车和服务规范培训。"),
    ],
  },
  {
    id: "bus-extend",
    l1: URBAN,
    l2: MUNI,
    l3: ["公共汽车"],
    kind: "suggestion",
    titles: ["建议{bus}路公交车延伸到{compound}", "希望{bus}路公交在{compound}附近增设站点"],
    bodies: [
      "{compound}入住了好几千户居民，附近最近的公交站在{road}，走过去要二十多分钟，老人孩子出行很不方便。建议{bus}路公交车延伸到小区门口，或者新开一条线路。",
      "我们{district}{compound}周边没有公交站点，每天上班要先骑车到{road}坐{bus}路车。建议公交公司调整线路走向，在小区附近设一个站。",
    ],
    replies: [
      e(
        "经{cityShort}交通运输部门研究，{compound}周边道路目前不具备公交车辆通行条件，待{road}延长线建成后将统筹考虑线路调整。感谢您的建议。",
      ),
      r("经公交企业实地踏勘，已对{bus}路线路走向进行优化，在{compound}附近增设停靠站，将于近期发布公告后实施。"),
    ],
  },
  {
    id: "bus-last",
    l1: URBAN,
    l2: MUNI,
    l3: ["公共汽车"],
    kind: "suggestion",
    titles: ["建议延长{bus}路公交末班车时间", "{bus}路公交末班车太早建议调整"],
    bodies: [
      "{bus}路公交车晚上七点就收车了，我们在{road}一带上班的人下班晚，经常赶不上末班车只能打车，一个月下来开销不小。建议把末班车延长到九点左右。",
      "我每天晚上八点下班，{bus}路最后一班车早就走了。{road}附近好多商场超市的员工都是这个情况，希望公交公司考虑一下夜间出行需求。",
    ],
    replies: [
      r("经公交企业客流调查，{bus}路末班车发车时间已调整延后一小时，新时刻表将在站牌和官方平台公布。感谢您的建议。"),
      e(
        "经公交企业核实，{bus}路晚间客流较少，暂不具备延长运营条件，乘客可换乘途经{road}的夜间线路。企业将持续关注客流变化。已向来电人解释。",
      ),
    ],
  },
  {
    id: "bus-praise",
    l1: URBAN,
    l2: MUNI,
    l3: ["公共汽车"],
    kind: "praise",
    place: "road",
    titles: ["表扬{bus}路公交司机{surname}师傅热心助人", "感谢{bus}路公交车司机帮助老人"],
    bodies: [
      "{date}上午我父亲坐{bus}路公交车，到{road}站下车时腿脚不便，司机{surname}师傅专门停稳车下来扶他，还提醒其他乘客让座。老人回家一直念叨，特此表扬这位好司机。",
      "我母亲乘坐{bus}路公交时不慎把装有药品和病历的袋子落在车上，{surname}师傅收车后一直保管，还主动联系了我们。感谢这位负责任的司机。",
    ],
    replies: [
      r("感谢您对公交服务的肯定，表扬已转达公交企业，公司将对{surname}师傅予以通报表扬。"),
      r("您的表扬已转至{cityShort}公交企业，企业已在车队内部宣传{surname}师傅的事迹。"),
    ],
  },
  {
    id: "garbage",
    l1: URBAN,
    l2: MUNI,
    l3: ["环境卫生", "园林绿化环卫"],
    kind: "complaint",
    season: "summer",
    weight: 1.5,
    titles: ["{compound}垃圾清运不及时异味严重", "{district}{compound}垃圾箱满溢无人清理"],
    bodies: [
      "{compound}{buildingNo}旁边的垃圾箱已经好几天没人清了，垃圾堆得满地都是，天一热味道特别大，还招苍蝇老鼠。跟物业说了好几次都没用，请环卫部门管一管。",
      "我们{compound}门口的垃圾点天天满溢，环卫车隔好几天才来一次，路过都得捂着鼻子。希望增加清运频次，把周边也清理干净。",
    ],
    replies: [
      r(
        "经{district}城市管理部门核实，该垃圾点清运车辆近期调整线路导致清运不及时，现已恢复每日清运，并对周边进行了冲洗消杀。",
      ),
      r(
        "经核实，{compound}小区内垃圾由物业负责收集，{street}办事处已约谈物业公司，责令其增加收集频次并落实分类投放管理。",
      ),
    ],
  },
  {
    id: "street-vendors",
    l1: URBAN,
    l2: MUNI,
    l3: ["城管执法"],
    kind: "complaint",
    season: "summer",
    place: "road",
    titles: ["{road}夜市占道经营影响通行", "{district}{road}路边摊贩占道严重"],
    bodies: [
      "{district}{road}靠近{compound}一段，每天傍晚开始摆满了烧烤摊和水果摊，人行道全被占了，行人只能走机动车道，很危险，收摊后垃圾也没人收拾。希望城管部门规范一下。",
      "{road}路边的流动摊贩越来越多，把消防通道都堵了，晚上吵到十一二点。希望执法部门加强巡查，引导他们到指定区域经营。",
    ],
    replies: [
      r(
        "经{district}城市管理综合行政执法部门核实，已对{road}占道经营行为进行整治，劝离流动摊贩，并安排执法人员在傍晚时段定点巡查。",
      ),
      e(
        "经核实，街道已在附近规划临时便民疏导点，执法部门将引导摊贩入点经营，同时加强夜间巡查。已向来电人说明。",
      ),
    ],
  },
  {
    id: "streetlight",
    l1: URBAN,
    l2: MUNI,
    l3: ["城市公共设施"],
    kind: "help",
    place: "road",
    titles: ["{road}路灯不亮夜间出行不安全", "{district}{road}一段路灯损坏"],
    bodies: [
      "{district}{road}从{compound}门口往东一段，路灯已经坏了快一个月了，晚上黑乎乎的，下班回来心里发慌，前几天还有人摔了跤。请尽快安排维修。",
      "{road}有七八盏路灯一直不亮，这条路晚上车多人多，孩子放学也走这条路，安全隐患很大，希望相关部门早点修好。",
    ],
    replies: [
      r("经{district}市政设施管理部门核实，该路段路灯因地下电缆被盗导致断电，维修人员已重新敷设电缆，路灯已全部恢复照明。"),
      r("经核实，已安排路灯维修班组更换{road}损坏灯具{n}套，目前该路段照明正常。"),
    ],
  },
  {
    id: "manhole",
    l1: URBAN,
    l2: MUNI,
    l3: ["城市公共设施"],
    kind: "help",
    urgent: 0.25,
    place: "road",
    titles: ["{road}井盖缺失存在安全隐患", "{district}{road}人行道井盖破损"],
    bodies: [
      "{road}靠近{shop}门口的人行道上有个井盖不见了，只放了几块砖头挡着，晚上根本看不见，路过的人很容易掉下去，请马上派人处理。",
      "{district}{road}路边一处井盖碎了一半，车一压就响，附近就是学校，孩子们每天从这里经过，希望尽快更换。",
    ],
    replies: [
      r("接到工单后，{district}市政设施管理部门当日设置了安全警示，并联系井盖权属单位完成更换，隐患已消除。"),
      r("经核实，该井盖属通信管道井，已督促权属单位更换为防盗防坠井盖，现场已恢复正常。"),
    ],
  },
  {
    id: "pothole",
    l1: URBAN,
    l2: MUNI,
    l3: ["基础设施"],
    kind: "complaint",
    place: "road",
    titles: ["{road}路面坑洼不平多处破损", "{district}{road}道路损坏久未修复"],
    bodies: [
      "{district}{road}从{road2}路口往北这段，路面坑坑洼洼，下雨天全是积水，车开过去溅行人一身，电动车还容易摔倒。已经好长时间了，请相关部门尽快修补。",
      "{road}前些年挖开铺管道后一直没有恢复好，路面凹凸不平，每天上下班颠得厉害。希望市政部门重新铺一下。",
    ],
    replies: [
      r("经{district}市政设施管理部门核实，已对{road}破损路面进行铣刨重铺，共修补坑槽{n}处，目前路面平整。"),
      e("经核实，{road}已列入今年道路大修计划，将于气温适宜后统一施工，施工前已安排对较大坑槽进行临时修补。已向来电人解释。"),
    ],
  },
  {
    id: "tree-felling",
    l1: URBAN,
    l2: MUNI,
    l3: ["园林绿化"],
    kind: "report",
    titles: ["举报{compound}物业私自砍伐绿化树木", "{district}{compound}内树木被擅自砍伐"],
    bodies: [
      "{compound}物业这两天找人把小区里好几棵长了二十多年的杨树锯了，说是业主嫌挡光，可根本没开过业主大会，也没看到审批手续。请园林部门查一下是否合法。",
      "我们小区{buildingNo}前面的几棵大树被人砍了，树干已经拉走了，问物业也说不清楚。这些树是小区公共绿化，希望有关部门调查处理。",
    ],
    replies: [
      r("经{district}园林绿化管理部门调查，{propertyCo}未经审批擅自伐树，已依法责令其补植并予以处罚。"),
      e("经核实，被伐树木为危树，物业公司已取得园林部门出具的伐移许可，并将按要求补植。已向来电人出示相关手续。"),
    ],
  },
  {
    id: "metro-exit",
    l1: URBAN,
    l2: MUNI,
    l3: ["地铁城铁"],
    kind: "suggestion",
    cities: ["2101", "2102"],
    place: "road",
    titles: ["建议{metro}{road}站增设出入口", "{metro}{road}站出口设置不便建议调整"],
    bodies: [
      "{metro}{road}站只开了一个出入口，早高峰进站要排很长的队，对面{compound}的居民要绕很远过马路。建议尽快开通其他出入口。",
      "每天从{metro}{road}站进出，唯一的出口离公交站特别远，换乘很不方便，下雨下雪天更难走。希望地铁公司增设出口或者设置指引。",
    ],
    replies: [
      e("经{cityShort}地铁运营企业核实，{road}站其余出入口受周边地块施工影响暂未开通，预计年内具备开通条件。感谢您的建议。"),
      r("经研究，地铁运营企业已在{road}站增设换乘指引标识，并协调公交企业将公交站点向地铁出口方向迁移。"),
    ],
  },
  {
    id: "park-facilities",
    l1: URBAN,
    l2: MUNI,
    l3: ["公园管理"],
    kind: "suggestion",
    place: "park",
    titles: ["建议{park}增设公共厕所和座椅", "{district}{park}配套设施不足"],
    bodies: [
      "我每天早上去{park}锻炼，公园很大但只有一个厕所，离得很远，老人们特别不方便。另外步道边休息的长椅也太少了，建议管理部门增加一些。",
      "{park}来锻炼的人越来越多，可公园里的公厕常年锁着，饮水点也没有。希望园林部门完善一下基础设施。",
    ],
    replies: [
      r("经{district}园林管理部门核实，已在{park}增设休息座椅二十组，并延长公厕开放时间至晚九点。感谢您的建议。"),
      e("经研究，{park}新建公厕已纳入年度提升改造计划，目前正在办理前期手续。已向来电人解释说明。"),
    ],
  },
  {
    id: "elevator-broken",
    l1: URBAN,
    l2: HOUSING,
    l3: ["物业服务"],
    kind: "complaint",
    weight: 1.5,
    titles: ["{compound}{buildingNo}电梯频繁故障物业不作为", "{district}{compound}电梯经常停运"],
    bodies: [
      "{compound}{buildingNo}的电梯一个月坏了{n}次，上周还把人困在里面半个多小时。我们每年都交物业费，物业就是拖着不修，说要业主自己出钱。楼里好多老人腿脚不便，请相关部门督促解决。",
      "我家住{compound}{buildingNo}{floor}楼，电梯动不动就停，物业每次只是简单修一下，过几天又坏。希望主管部门检查一下电梯安全状况，督促物业彻底维修。",
    ],
    replies: [
      r(
        "经{district}住房和城乡建设部门会同市场监管部门现场检查，{compound}{buildingNo}电梯曳引机部件老化，已责令{propertyCo}联系维保单位更换配件，电梯现已恢复运行。",
      ),
      e(
        "经核实，该电梯已超出保修期，需动用住宅专项维修资金进行大修，{street}办事处正在组织业主表决。已向来电人说明办理进度。",
      ),
    ],
  },
  {
    id: "property-praise",
    l1: URBAN,
    l2: HOUSING,
    l3: ["物业服务"],
    kind: "praise",
    titles: ["表扬{propertyCo}维修人员服务热情", "感谢{compound}物业{surname}师傅及时疏通管道"],
    bodies: [
      "我是{compound}的业主，前天晚上家里下水道堵了，水漫到客厅，给{propertyCo}打电话，值班的{surname}师傅十分钟就到了，一直忙到半夜。这样的物业服务值得表扬。",
      "{compound}{buildingNo}下水管道堵塞返水，{propertyCo}接到电话后马上安排人员疏通，还帮我们清理了地面，{surname}师傅干活特别细致。希望能表扬一下。",
    ],
    replies: [
      r("感谢您的肯定，表扬已转达{propertyCo}，公司将对{surname}师傅予以表彰。"),
      r("您的表扬已由{street}办事处转达物业公司，物业公司表示将继续提升服务质量。"),
    ],
  },
  {
    id: "housing-fund-withdraw",
    l1: URBAN,
    l2: HOUSING,
    l3: ["住房公积金"],
    kind: "consult",
    weight: 1.5,
    titles: ["{cityShort}职工咨询缴存公积金{years}年能否提取还商贷", "{district}居民咨询公积金提取偿还商业贷款"],
    bodies: [
      "我在{cityShort}缴公积金已经{years}年了，去年在{district}买了房，现在每个月还商业贷款，想问一下能不能按月提取公积金还贷，需要准备哪些材料，可以网上办吗？",
      "我和爱人都在{cityShort}缴存住房公积金，名下有一笔商业住房贷款，每个月还款压力挺大，想问问公积金能不能用来还商贷，多久能提一次？",
    ],
    replies: [
      e(
        "您好，按照{cityShort}住房公积金管理规定，缴存职工偿还自住住房商业贷款的，可申请提取本人及配偶账户内的住房公积金，可通过公积金网上服务大厅、手机客户端或各管理部办理，需提供借款合同及还款明细。已向来电人详细解答。",
      ),
      e(
        "您好，偿还商业住房贷款可按年或按月约定提取，提取额度不超过实际还款额。具体办理流程可登录住房公积金中心网站查询，也可拨打12329热线咨询。已向来电人解释。",
      ),
    ],
  },
  {
    id: "housing-fund-loan",
    l1: URBAN,
    l2: HOUSING,
    l3: ["住房公积金"],
    kind: "consult",
    titles: ["咨询用公积金贷款购买{compound}二手房", "{cityShort}职工咨询缴存{years}年公积金可贷额度"],
    bodies: [
      "你好，我单位给交了{years}年住房公积金，准备在{district}{compound}买一套二手房，想咨询一下二手房能不能用公积金贷款，最高能贷多少，需要首付几成？",
      "我们夫妻俩准备在{compound}买房，想了解一下现在{cityShort}公积金贷款的额度怎么算，二手房贷款年限有没有限制，办下来大概要多长时间。",
    ],
    replies: [
      e(
        "您好，购买二手住房可申请住房公积金贷款，贷款额度根据缴存余额、缴存年限、还款能力及房屋评估价值综合计算，贷款年限与房龄之和一般不超过规定年限。具体以受理时审核为准。已向来电人详细说明。",
      ),
    ],
  },
  {
    id: "property-certificate",
    l1: URBAN,
    l2: HOUSING,
    l3: ["房产证登记、办理"],
    kind: "complaint",
    titles: ["{compound}交房多年仍未办理房产证", "反映{developer}迟迟不给{compound}业主办房证"],
    bodies: [
      "我们{district}{compound}是{year}年交的房，到现在好几年了还办不下来房产证，问开发商总说手续还在走。孩子上学要用房证，非常着急，请相关部门督促{developer}尽快办理。",
      "{compound}几百户业主都没拿到不动产权证，{developer}一直推说是土地款没结清。我们购房款早就全额交了，希望政府部门帮忙协调。",
    ],
    replies: [
      e(
        "经{district}不动产登记部门核实，{compound}项目因{developer}欠缴相关税费尚未完成首次登记，区政府已成立工作专班督促企业补缴，将分批为业主办理不动产权证。已向来电人说明进展。",
      ),
      r("经协调，{compound}项目已完成首次登记，业主可携带购房合同、发票等材料到不动产登记中心申请办理转移登记。"),
    ],
  },
  {
    id: "public-rental",
    l1: URBAN,
    l2: HOUSING,
    l3: ["保障性住房", "住房困难"],
    kind: "consult",
    titles: ["{district}居民咨询公共租赁住房申请条件", "咨询{district}公租房申请需要哪些材料"],
    bodies: [
      "我和老伴都是{district}户口，没有房子，一直在外面租房住，每个月退休金不多，想问问我们这种情况能不能申请公租房，需要什么条件，去哪里申请？",
      "您好，我在{cityShort}工作{years}年了，外地户口，目前租房住，想了解一下外来务工人员能不能申请公租房，对收入有没有限制。",
    ],
    replies: [
      e(
        "您好，申请公共租赁住房需符合住房、收入等条件，本地户籍低收入住房困难家庭及符合条件的新就业职工、外来务工人员均可申请，可向户籍或工作所在地{street}办事处提交申请。已向来电人详细解答。",
      ),
    ],
  },
  {
    id: "renovation-noise",
    l1: URBAN,
    l2: HOUSING,
    l3: ["修缮装修"],
    kind: "complaint",
    titles: ["{compound}{buildingNo}住户装修噪音扰民", "{district}{compound}有住户超时装修"],
    bodies: [
      "{compound}{buildingNo}有户人家在装修，每天早上七点不到就开始砸墙，中午也不停，周末照样干，家里孩子上网课根本没法听。跟物业反映了也没用，希望有关部门管一管。",
      "我楼上装修已经{months}个月了，电钻声从早到晚，晚上八九点还在敲，我值夜班白天没法休息。请督促他们按规定时间施工。",
    ],
    replies: [
      r(
        "经{street}办事处协调物业公司，已对装修户进行劝导，要求其严格按照小区装修管理规定的时间施工，装修户表示配合。已回复来电人。",
      ),
      e("经核实，该户装修在规定时段内进行，物业已提醒其减少高噪声作业，并告知来电人如发现超时施工可随时联系物业制止。"),
    ],
  },
  {
    id: "bearing-wall",
    l1: URBAN,
    l2: HOUSING,
    l3: ["修缮装修"],
    kind: "report",
    urgent: 0.15,
    titles: ["举报{compound}住户装修拆除承重墙", "{district}{compound}{buildingNo}有人私拆承重墙"],
    bodies: [
      "{compound}{buildingNo}有一户在装修时把屋里的承重墙拆了，我们在楼下都能感觉到震动，墙上已经出现了裂缝。担心楼体安全，请住建部门赶紧来查看。",
      "发现我们单元{floor}楼正在装修的人家把阳台和卧室之间的墙整个打掉了，物业说管不了。这是老楼，大家都很害怕，请尽快派人制止。",
    ],
    replies: [
      r(
        "经{district}住房和城乡建设部门现场检查，该户确有拆改承重结构行为，已责令立即停工，并委托鉴定机构出具加固方案，由装修户承担费用恢复。",
      ),
      e("经现场核查，该户拆除的为非承重隔墙，不影响结构安全，已要求其规范施工并做好防护。已向来电人解释。"),
    ],
  },
  {
    id: "rental-deposit",
    l1: URBAN,
    l2: HOUSING,
    l3: ["房屋租赁"],
    kind: "complaint",
    titles: ["{agency}拒不退还租房押金", "投诉{district}{agency}克扣押金"],
    bodies: [
      "我通过{agency}在{compound}租了一套房子，合同到期后正常退租，房子也没有损坏，可中介一直以各种理由拖着不退{amountS}元押金，打电话也不接。请有关部门帮忙维权。",
      "{date}我从{compound}搬走，{agency}检查完房子说没问题，结果押金到现在也没退，现在还说要扣清洁费和违约金。希望主管部门调查处理。",
    ],
    replies: [
      r("经{district}住房和城乡建设部门约谈，{agency}已将押金全额退还来电人。"),
      u("经核实，双方对房屋损坏赔偿存在争议，属于民事合同纠纷，已建议来电人通过人民调解或诉讼途径解决。已向来电人解释。"),
    ],
  },
  {
    id: "rooftop-structure",
    l1: URBAN,
    l2: "城乡规划",
    l3: ["违章建筑"],
    kind: "report",
    weight: 1.3,
    titles: ["举报{compound}{buildingNo}楼顶违章搭建", "{district}{compound}楼顶有人私搭房屋"],
    bodies: [
      "{compound}{buildingNo}顶楼有住户在楼顶用彩钢板搭了一个大棚子，还在上面种菜，下雨天我们楼下就漏水。向物业反映过没人管，请执法部门依法拆除。",
      "{compound}{buildingNo}楼顶上有人违规搭建了一间小房子，已经施工好几天了，楼板承重有没有问题谁也不知道，希望城管部门尽快查处。",
    ],
    replies: [
      r("经{district}城市管理综合行政执法部门现场核查，该搭建物未取得规划许可，已下达限期拆除通知书，当事人已自行拆除。"),
      e("经核实，执法部门已对该违建立案调查，并依法送达限期拆除决定，逾期不拆除将依法强制拆除。已向来电人说明。"),
    ],
  },
  {
    id: "relocation-delay",
    l1: URBAN,
    l2: "国有土地上房屋征收与补偿",
    l3: ["回迁房", "棚户区和城中村改造"],
    kind: "complaint",
    titles: ["{compound}回迁房逾期未交付", "{district}{compound}回迁户盼早日回迁"],
    bodies: [
      "我们是{district}{compound}棚改项目的回迁户，当初签协议说两年回迁，现在已经过了{n}年楼还没盖完，临时安置费也断断续续发。一家人在外面租房，希望政府督促尽快交房。",
      "{compound}回迁楼停工快一年了，工地上一个人都没有。我们这些老住户年纪都大了，就盼着早点搬回去，请有关部门给个明确的时间。",
    ],
    replies: [
      e(
        "经{district}房屋征收部门核实，{compound}回迁项目因原施工企业资金问题停工，区政府已引入新的建设主体，项目已复工，预计明年年底前交付，过渡期安置费将按月足额发放。",
      ),
      u("经核实，该项目涉及司法查封，复工需待法院裁定后方可推进，目前暂无法确定交付时间。区政府将继续协调，并保障过渡期安置费发放。"),
    ],
  },
  {
    id: "construction-arrears",
    l1: URBAN,
    l2: "建筑市场",
    l3: ["拖欠工程款"],
    kind: "help",
    enterprise: true,
    urgent: 0.1,
    place: "company",
    titles: ["{company}反映工程款被长期拖欠", "{company}反映{district}配套工程拖欠工程款{amountL}"],
    bodies: [
      "我们是{company}，{year}年承接了{district}一个配套工程项目，工程已经竣工验收，但发包方至今还拖欠工程款{amountL}，公司资金周转非常困难，下面工人的工资也等着发。请相关部门帮助协调。",
      "我公司作为分包单位参与了{compound}项目建设，按合同应付的{amountL}工程款拖了{n}年多，多次上门催要都被推诿，企业快撑不下去了，希望政府出面协调解决。",
    ],
    replies: [
      r(
        "经{district}住房和城乡建设部门协调，建设单位与{company}达成还款协议，已先行支付部分款项，剩余款项按协议分期支付。该事项已纳入营商环境问题台账跟踪督办。",
      ),
      e(
        "经核实，双方对工程结算金额存在争议，区住建部门已组织双方调解，并建议企业可通过仲裁或诉讼途径依法维权，司法部门将提供法律服务指导。",
      ),
    ],
  },
  {
    id: "contractor-qualification",
    l1: URBAN,
    l2: "建筑市场",
    l3: ["企业资质和执业资格"],
    kind: "consult",
    enterprise: true,
    place: "company",
    titles: ["{company}咨询建筑业企业资质办理流程", "{company}咨询资质证书延续网上办理"],
    bodies: [
      "我们{company}准备申请建筑工程施工总承包三级资质，想咨询一下现在是不是全程网上办理，需要多少名注册建造师，审批时限大概多长时间。",
      "你好，我公司的建筑业企业资质证书快到期了，想问一下延续申请要提前多久提交，在哪个系统上报，材料有哪些要求。",
    ],
    replies: [
      e(
        "您好，建筑业企业资质申请已实行全程网上办理，企业可登录省政务服务网提交申请，人员配备标准及审批时限请参照住房和城乡建设部门公布的办事指南。已向企业详细解答。",
      ),
    ],
  },
  {
    id: "approval-suggestion",
    l1: URBAN,
    l2: "建筑市场",
    l3: ["勘察设计和施工监管", "其他"],
    kind: "suggestion",
    enterprise: true,
    place: "company",
    titles: ["{company}建议压缩工程建设项目审批环节", "{company}就施工图审查时限提出建议"],
    bodies: [
      "我们{company}在{district}新建厂房，从立项到拿到施工许可跑了好几个部门，有些材料每个窗口都要交一遍。建议推行并联审批和多图联审，让企业少跑腿。",
      "{company}的扩建项目施工图审查用了一个多月，中间反复修改沟通都要线下跑。建议全面推行线上审图，明确各环节的办理时限。",
    ],
    replies: [
      e(
        "感谢企业的建议。{cityShort}已推行工程建设项目审批制度改革，实行一窗受理、并联审批，施工图实行数字化审查。相关部门已安排专人对接{company}后续手续。",
      ),
    ],
  },
  {
    id: "ebike-corridor",
    l1: URBAN,
    l2: "安全生产",
    l3: ["安全隐患"],
    kind: "report",
    weight: 1.2,
    titles: ["{compound}楼道内电动车充电存在火灾隐患", "举报{district}{compound}住户飞线给电动车充电"],
    bodies: [
      "{compound}{buildingNo}有住户天天把电动车推进楼道里充电，电线从窗户扯下来，晚上整夜充着，万一着火整栋楼都跑不出去。物业劝过也不听，请有关部门管理。",
      "我们单元门口经常停着好几辆电动车，有人从一楼窗户拉插线板出来充电，楼道里还堆满了纸箱杂物，消防通道都堵了。希望消防和街道来检查一下。",
    ],
    replies: [
      r(
        "经{street}办事处联合消防救援部门现场检查，已对楼道内违规停放充电的电动车进行清理，拆除飞线，并督促物业在小区内增设集中充电桩。",
      ),
      r("经核实，社区网格员已上门对相关住户进行安全教育，楼道杂物已清理完毕，物业将加强日常巡查。"),
    ],
  },
  {
    id: "elevator-retrofit",
    l1: URBAN,
    l2: MUNI,
    l3: ["居民服务设施"],
    kind: "consult",
    titles: ["咨询{compound}老旧楼加装电梯政策", "{district}{compound}居民咨询加装电梯补贴"],
    bodies: [
      "我家住{compound}{buildingNo}{floor}楼，这栋楼是九十年代建的没有电梯，老人上下楼太困难了。听说现在老楼加装电梯政府有补贴，想问一下需要多少户同意，找谁申请。",
      "{compound}是老旧小区，邻居们商量想给楼加装电梯，但不知道审批流程怎么走，政府补贴标准是多少，一楼住户不同意怎么办，请给予解答。",
    ],
    replies: [
      e(
        "您好，既有住宅加装电梯须经本单元专有部分面积占比三分之二以上且人数占比三分之二以上的业主同意，并对方案进行公示。可向{street}办事处提出申请，由街道协助办理相关手续，符合条件的可按规定申请财政补贴。已向来电人解释。",
      ),
    ],
  },
  {
    id: "old-compound",
    l1: URBAN,
    l2: MUNI,
    l3: ["小区管理"],
    kind: "suggestion",
    titles: ["建议将{compound}纳入老旧小区改造", "{district}{compound}居民希望进行老旧小区改造"],
    bodies: [
      "{district}{compound}是上世纪八十年代的老楼，外墙保温层脱落，下水管道经常堵，楼道灯也不亮。听说今年有老旧小区改造计划，希望能把我们小区也纳入进来。",
      "我们{compound}楼龄快四十年了，冬天墙体冰凉，屋顶还漏雨，住户大多是退休老人。建议政府尽快安排对这个小区进行改造。",
    ],
    replies: [
      e("经{district}住房和城乡建设部门核实，{compound}已列入本区老旧小区改造项目储备库，将根据年度计划和资金安排分批实施。感谢您的建议。"),
      r("经核实，{compound}已纳入今年老旧小区改造计划，改造内容包括外墙保温、屋面防水及管网更新，预计年内开工。"),
    ],
  },
  {
    id: "parking-fee",
    l1: URBAN,
    l2: MUNI,
    l3: ["小区管理"],
    kind: "complaint",
    titles: ["{compound}物业擅自上调停车费", "投诉{propertyCo}在{compound}乱收停车费"],
    bodies: [
      "{compound}物业最近贴出通知，小区地面停车费从每月{parkFee1}元涨到{parkFee2}元，没有征求业主意见，也没有备案。小区停车位是业主共有的，物业凭什么单方面涨价？",
      "{propertyCo}在我们小区门口装了道闸，外来车辆收费我们理解，可业主自己的车也要每月交{parkFee2}元，不交就不让进，请有关部门核查收费是否合规。",
    ],
    replies: [
      r("经{district}发展改革部门和住建部门联合核查，{propertyCo}调价未履行业主共同决定程序，已责令其暂停执行新标准。"),
      e("经核实，该小区停车收费标准经业主大会表决通过并已公示，收费行为符合规定。已向来电人出示相关材料并解释。"),
    ],
  },
  {
    id: "village-road",
    l1: URBAN,
    l2: "村镇建设",
    l3: ["新农村建设"],
    kind: "suggestion",
    place: "village",
    titles: ["建议硬化{village}到{town}的道路", "{district}{village}村民希望修缮村路"],
    bodies: [
      "我是{district}{town}{village}的村民，我们村到镇上的那段{n}公里土路一下雨就泥泞不堪，农用车都陷进去过好几次，孩子上学也不方便。希望政府能把这段路硬化一下。",
      "{village}通往{town}的道路坑洼不平，秋收时拉粮食的车经常颠坏，村民们都盼着能修一条水泥路。建议纳入农村公路建设计划。",
    ],
    replies: [
      e("经{district}交通运输部门核实，{village}该路段已纳入下一年度农村公路建设项目库，待资金落实后组织实施。感谢您的建议。"),
      r("经{town}政府研究，已安排对{village}该路段进行砂石铺垫平整，硬化工程将于明年春季开工。"),
    ],
  },
  {
    id: "site-hoarding",
    l1: URBAN,
    l2: "工程质量",
    l3: ["施工安全"],
    kind: "report",
    place: "road",
    titles: ["{road}工地围挡倾斜存在安全隐患", "举报{district}{road}一处工地施工不规范"],
    bodies: [
      "{district}{road}一处在建工地的围挡已经歪了，风一刮就晃，下面就是人行道，过往行人很多。工地塔吊还经常从人行道上方吊运材料，太危险了，请住建部门检查。",
      "{road}边上的工地没有任何防护网，建筑材料堆在路边，昨天还有砖头从上面掉下来，差点砸到人。请主管部门尽快督促整改。",
    ],
    replies: [
      r("经{district}建设工程质量安全监督机构现场检查，已责令施工单位加固围挡、设置防护棚，并禁止跨越人行道吊运，现场已整改完毕。"),
      r("经核实，监督机构已对施工单位下达隐患整改通知书，并约谈项目负责人，整改完成后复查合格。"),
    ],
  },
  {
    id: "factory-power",
    l1: URBAN,
    l2: MUNI,
    l3: ["电力供应"],
    kind: "help",
    enterprise: true,
    place: "company",
    titles: ["{company}反映新厂房用电报装进度慢", "{company}新建厂房通电难请求协调"],
    bodies: [
      "我们{company}在{district}工业园区新建了厂房，设备已经进场，用电报装申请提交{n}个多月了，一直说在排计划，投产一拖再拖，每天损失很大。希望帮忙协调供电部门加快办理。",
      "{company}新厂房已经竣工，就等着通电投产，供电公司说外线工程要排到下个季度。企业订单已经接了，请相关部门帮助协调尽快接电。",
    ],
    replies: [
      r("经{district}营商环境建设部门协调，供电公司已开辟绿色通道，对{company}用电工程优先安排施工，已完成送电。"),
      e("经核实，{company}外线工程需跨越{road}，道路挖掘手续正在办理，供电公司已安排临时用电保障企业设备调试。已向企业说明进度。"),
    ],
  },
];


const ENV = "环境保护";
const POLLUTION = "环境污染";

const environment: AppealTemplate[] = [
  {
    id: "square-dance",
    l1: ENV,
    l2: POLLUTION,
    l3: ["噪音污染"],
    kind: "complaint",
    season: "summer",
    weight: 1.5,
    place: "park",
    titles: ["{park}晚间广场舞音响声音过大", "{district}{compound}附近广场舞噪音扰民"],
    bodies: [
      "每天晚上七点到九点半，{park}有好几拨人跳广场舞，音响开得震天响，{compound}的住户隔着双层窗户都能听见，家里孩子要考试根本没法学习。希望有关部门协调一下音量和时间。",
      "{compound}旁边的{park}每天早上五点多就有人放音乐跳舞，声音特别大，我们上夜班的人根本睡不了觉。说了几次他们也不听，请帮忙解决。",
    ],
    replies: [
      r("经{street}办事处协调，已与{park}内各健身团队负责人沟通，约定使用低噪音音响并控制活动时间，{district}公安分局将加强巡查。"),
      e("经核实，社区已在{park}划定远离居民楼的活动区域并张贴文明健身倡议，已向来电人说明，如仍有扰民情况可随时反映。"),
    ],
  },
  {
    id: "night-construction",
    l1: ENV,
    l2: POLLUTION,
    l3: ["噪音污染"],
    kind: "complaint",
    urgent: 0.05,
    place: "road",
    titles: ["{road}工地夜间施工噪音扰民", "{district}{compound}附近工地深夜施工"],
    bodies: [
      "{compound}旁边的工地最近每天晚上都施工到凌晨一两点，打桩机、搅拌车的声音吵得整栋楼的人都睡不着，也没看到夜间施工许可公示。请环保部门查一下。",
      "{road}那个工地晚上十点以后还在浇筑混凝土，大灯照着，机器轰鸣，已经持续一个星期了。家里老人心脏不好，请执法部门尽快制止。",
    ],
    replies: [
      r("经{district}生态环境执法人员夜间现场检查，该工地未办理夜间施工许可，已责令立即停止夜间作业并依法立案处罚。"),
      e("经核实，该工地因混凝土连续浇筑工艺需要办理了夜间施工许可，已要求施工单位采取降噪措施并提前公告。已向来电人解释。"),
    ],
  },
  {
    id: "bbq-smoke",
    l1: ENV,
    l2: POLLUTION,
    l3: ["大气污染"],
    kind: "complaint",
    season: "summer",
    place: "shop",
    titles: ["{bbq}油烟直排影响楼上居民", "{district}{compound}楼下烧烤店油烟扰民"],
    bodies: [
      "{compound}{buildingNo}一楼开了一家{bbq}，油烟管道直接通到后窗，每天从下午到半夜烟熏火燎，我们家根本不敢开窗，衣服都晾不了。请环保部门检查他们有没有安装油烟净化设备。",
      "我家楼下的{bbq}在门口露天烧烤，烟顺着窗户往屋里飘，晚上还有客人喝酒吵闹到半夜。希望相关部门依法处理。",
    ],
    replies: [
      r("经{district}城市管理综合行政执法部门检查，{bbq}未安装油烟净化设施并存在露天烧烤行为，已责令整改，店主已安装净化设备并将烧烤移入室内。"),
      r("经核实，执法人员已对该店下达整改通知，要求规范油烟排放并控制营业时间，将持续跟踪复查。"),
    ],
  },
  {
    id: "factory-odor",
    l1: ENV,
    l2: POLLUTION,
    l3: ["大气污染"],
    kind: "report",
    weight: 1.2,
    place: "road",
    titles: ["举报{factory}夜间排放刺鼻气体", "{district}{road}附近工厂异味扰民"],
    bodies: [
      "{district}{road}附近的{factory}一到晚上就往外排烟，空气里一股刺鼻的化学品味道，周边几个小区的居民都闻得到，嗓子难受。怀疑他们夜里偷排，请环保部门夜间突击检查。",
      "住在{compound}的居民反映，附近{factory}经常排放难闻的气体，尤其是阴天气味更重，家里老人孩子咳嗽不断。请执法部门调查。",
    ],
    replies: [
      r("经{cityShort}生态环境部门执法人员夜间现场检查，{factory}废气处理设施未正常运行，已依法责令其停产整改并立案调查。"),
      e("经执法人员现场检查及监测，该企业废气排放浓度符合标准，异味主要来源于原料堆存，已要求企业加强密闭管理，将持续跟踪监测。"),
    ],
  },
  {
    id: "open-burning",
    l1: ENV,
    l2: POLLUTION,
    l3: ["大气污染"],
    kind: "report",
    season: "burning",
    place: "village",
    titles: ["举报{village}附近焚烧秸秆", "{district}{village}露天焚烧垃圾浓烟滚滚"],
    bodies: [
      "{district}{town}{village}附近的地里这几天一直有人烧秸秆，浓烟飘到公路上，能见度很低，开车非常危险，城里都能闻到烟味。请有关部门尽快制止。",
      "{village}村口有人把生活垃圾和秸秆堆在一起露天焚烧，黑烟滚滚，气味刺鼻，附近居民都不敢开窗。希望相关部门加强巡查。",
    ],
    replies: [
      r("经{town}政府组织人员赶赴现场，火点已扑灭，已对焚烧人员进行批评教育，并在{village}加强秸秆禁烧网格化巡查。"),
      r("经核实，镇村两级已对焚烧行为予以制止，并清理了现场垃圾堆，将协调环卫部门定期清运{village}生活垃圾。"),
    ],
  },
  {
    id: "river-discharge",
    l1: ENV,
    l2: POLLUTION,
    l3: ["水污染"],
    kind: "report",
    place: "road",
    titles: ["举报{factory}向{river}排放污水", "{district}{river}{road}段河水发黑发臭"],
    bodies: [
      "{district}{river}靠近{road}这段河水最近变成了黑色，还有一股臭味，我沿着河走发现有一根管子从{factory}的院墙里伸出来往河里排水。请环保部门查一下是不是偷排。",
      "{river}{road}桥下的河面上漂着一层油污，死鱼也有不少，附近居民怀疑是上游工厂排污，请相关部门检测水质并查清源头。",
    ],
    replies: [
      r("经{cityShort}生态环境部门现场检查和采样监测，{factory}存在通过暗管排放未经处理废水的行为，已依法查封排污设施并移送公安机关。"),
      e("经核实，该河段水体发黑系雨污合流管道溢流所致，{district}已启动排口截污改造，同时加强河道保洁。已向来电人解释。"),
    ],
  },
  {
    id: "debris-dumping",
    l1: ENV,
    l2: POLLUTION,
    l3: ["固体污染"],
    kind: "report",
    place: "road",
    titles: ["{road}路边有人偷倒建筑垃圾", "{district}{road}空地建筑垃圾乱堆乱倒"],
    bodies: [
      "最近经常有渣土车半夜到{district}{road}路边的空地上倾倒建筑垃圾，现在已经堆成了小山，刮风时尘土飞扬，请有关部门查处并清理。",
      "{road}旁边那片空地被人倒满了装修垃圾和废弃材料，还有人往里扔生活垃圾，臭味很大。希望政府组织清理并加强监管。",
    ],
    replies: [
      r("经{district}城市管理部门核实，已组织清运该处建筑垃圾约{n2}车，并在周边设置监控和警示牌，将对偷倒车辆依法查处。"),
      r("经核实，执法部门已调取周边监控锁定两辆违规倾倒车辆并立案处罚，现场垃圾已清理完毕。"),
    ],
  },
  {
    id: "air-quality",
    l1: ENV,
    l2: "环保管理",
    l3: ["环境监测"],
    kind: "consult",
    titles: ["咨询{district}空气质量监测数据查询方式", "{compound}居民咨询附近是否有空气监测点"],
    bodies: [
      "最近几天感觉{district}空气不太好，有时候雾蒙蒙的。想问一下在哪里可以查到实时空气质量数据，我们{compound}附近有没有监测站点？",
      "您好，我想了解一下{cityShort}每天发布的空气质量指数是怎么监测的，{district}有几个监测点，重污染天气预警在哪里能看到？",
    ],
    replies: [
      e("您好，{cityShort}环境空气质量实时数据可通过生态环境部门官方网站及公众号查询，{district}设有国控和省控监测点位，重污染天气预警信息通过政府网站和媒体同步发布。已向来电人解答。"),
    ],
  },
  {
    id: "eia-procedure",
    l1: ENV,
    l2: "建设项目审批",
    l3: ["其他"],
    kind: "consult",
    enterprise: true,
    place: "company",
    titles: ["{company}咨询建设项目环评审批手续", "{company}咨询技改项目是否需要重新环评"],
    bodies: [
      "我们{company}准备在{district}新上一条生产线，想咨询一下需要办理环境影响评价的哪一类手续，是报告书还是报告表，审批时限多久，可以网上办理吗？",
      "我公司计划扩建厂房，增加两台设备，想问一下这种技改项目是否需要重新做环评，如果只需要填登记表应该在哪个平台填报。",
    ],
    replies: [
      e("您好，建设项目环评类别依据《建设项目环境影响评价分类管理名录》确定，报告书、报告表可在省政务服务网申报，登记表在全国建设项目环境影响登记表备案系统填报。{cityShort}生态环境部门已安排专人为{company}提供预审服务。"),
    ],
  },
  {
    id: "unapproved-plant",
    l1: ENV,
    l2: "建设项目审批",
    l3: ["未批先建"],
    kind: "report",
    place: "road",
    titles: ["举报{factory}未经环评擅自开工建设", "{district}{road}附近新建厂房疑似未批先建"],
    bodies: [
      "{district}{road}附近最近有一家企业在盖新厂房，听说是搞化工的，周边居民都没看到任何环评公示，担心以后会有污染。请环保部门查一下是否办理了环评手续。",
      "{factory}在{road}边上圈了一块地正在施工，机器已经进场，附近居民问他们要审批手续也拿不出来。请有关部门核实。",
    ],
    replies: [
      r("经{cityShort}生态环境部门核查，{factory}新建项目未依法报批环评文件擅自开工，已责令停止建设并依法处罚。"),
      e("经核实，该项目已依法取得环评批复，批复文件已在生态环境部门网站公开。已将查询方式告知来电人。"),
    ],
  },
  {
    id: "river-cleanup",
    l1: ENV,
    l2: "环保管理",
    l3: ["生态示范和模范城区创建", "其他"],
    kind: "suggestion",
    place: "road",
    titles: ["建议对{river}{road}段进行综合整治", "关于改善{district}{river}沿岸环境的建议"],
    bodies: [
      "{river}流经{district}{road}这一段，两岸杂草丛生，河里漂着塑料瓶和垃圾，夏天还有蚊虫。建议有关部门定期清淤保洁，沿岸修建步道和绿化带。",
      "我经常在{river}边散步，感觉这几年水质好了很多，但沿岸垃圾桶太少，游人乱扔垃圾的现象比较多，建议增设垃圾桶和文明提示牌。",
    ],
    replies: [
      r("感谢您的建议。{district}河长办已安排对{river}{road}段开展集中清理，并增设垃圾桶和提示牌。"),
      e("经研究，{river}综合整治工程已列入{cityShort}河道生态修复规划，将分段实施。已向来电人说明。"),
    ],
  },
  {
    id: "enforcement-praise",
    l1: ENV,
    l2: "环保管理",
    l3: ["环境执法"],
    kind: "praise",
    titles: ["表扬{district}生态环境执法人员快速处置", "感谢环保部门解决{compound}附近异味问题"],
    bodies: [
      "前些天我反映{compound}附近工厂排放异味的问题，生态环境部门的执法人员当天晚上就去现场检查，现在那个味道已经没有了。特别感谢他们的工作效率。",
      "之前我们{compound}周边一直有刺鼻的气味，打了12345之后，执法人员连续几天夜间蹲守查到源头，问题彻底解决了。向他们表示感谢。",
    ],
    replies: [r("感谢您对生态环境保护工作的支持和肯定，您的表扬已转达{district}生态环境执法队伍。")],
  },
  {
    id: "shop-loudspeaker",
    l1: ENV,
    l2: POLLUTION,
    l3: ["噪音污染"],
    kind: "complaint",
    place: "shop",
    titles: ["{road}商铺高音喇叭招揽顾客扰民", "{district}{shop}门口音响声音太大"],
    bodies: [
      "{road}上的{shop}每天在门口放大喇叭循环播放促销广告，从早上八点一直放到晚上九点，旁边就是居民楼，吵得人头疼。请相关部门管理。",
      "{compound}门口的{shop}用音响招揽生意，声音特别大，家里孩子午睡都被吵醒。希望执法部门督促他们降低音量。",
    ],
    replies: [
      r("经{district}城市管理综合行政执法部门现场检查，已责令{shop}撤除门前高音喇叭，商户已整改。"),
      r("经{street}办事处对沿街商户逐户劝导，已签订不使用高音喇叭承诺书，执法人员将不定期回访。"),
    ],
  },
  {
    id: "dust-crop-damage",
    l1: ENV,
    l2: "环保管理",
    l3: ["污染损害纠纷调解"],
    kind: "help",
    place: "village",
    titles: ["{village}村民反映{factory}粉尘致庄稼受损", "{district}{village}农田受工厂粉尘污染求助"],
    bodies: [
      "我是{district}{town}{village}的村民，村边的{factory}常年排放粉尘，今年我家{n}亩玉米叶子上全是灰，减产很厉害。找厂里要说法，厂里不承认，请政府帮忙调解。",
      "{village}紧挨着{factory}，这几年地里的庄稼长势一年不如一年，菜叶上都落着一层黑灰。村民们想请环保部门检测一下，帮我们和企业协商赔偿。",
    ],
    replies: [
      e("经{district}生态环境部门现场监测，已责令{factory}对料场实施全封闭改造。关于农作物损失，已会同{town}政府组织双方调解，并告知村民可委托评估机构进行损失鉴定。"),
      r("经{town}政府组织调解，{factory}与受损农户达成补偿协议，并承诺完成除尘设施升级改造。"),
    ],
  },
];

const TRANSPORT = "交通运输";
const TAXI = "出租车管理";

const transport: AppealTemplate[] = [
  {
    id: "ride-hailing-detour",
    l1: TRANSPORT,
    l2: TAXI,
    l3: ["网约车问题"],
    kind: "complaint",
    titles: ["投诉网约车从{compound}到{dest}故意绕路", "网约车司机绕路多收费用，从{compound}出发"],
    bodies: [
      "{date}晚上我在{compound}门口用手机叫了一辆网约车去{dest}，平时二十多块钱的路程，司机绕了一大圈，最后收了{fare}元。跟平台投诉一直没有结果，请交通部门处理。",
      "我从{compound}打网约车到{dest}，司机没按导航走，故意往堵车的路上开，车费比平时多了一倍多。希望管理部门督促平台退还多收的费用。",
    ],
    replies: [
      r("经{cityShort}交通运输部门核查，该订单存在绕路行为，已督促网约车平台退还多收费用，并对驾驶员予以处理。"),
      e("经核实，该订单行驶路线因{road}临时交通管制绕行，平台已向乘客解释并发放优惠券补偿。已向来电人说明。"),
    ],
  },
  {
    id: "taxi-refusal",
    l1: TRANSPORT,
    l2: TAXI,
    l3: ["运价监管", "行业监管"],
    kind: "complaint",
    place: "road",
    titles: ["{plate}出租车拒载且不打表", "投诉{dest}出租车拼客议价，车牌{plate}"],
    bodies: [
      "{date}晚上在{dest}打车，车牌号{plate}的出租车司机问我去哪，听说去{district}就说不顺路不拉。后来上了另一辆车也不打表，张口要{fare}元。希望管理部门整治一下。",
      "在{dest}出站口，出租车司机们都不打表，一口价还要拼客，不同意就不拉，其中{plate}的司机态度尤其恶劣。请交通执法部门加强管理。",
    ],
    replies: [
      r("经{cityShort}交通运输综合行政执法部门调查，{plate}驾驶员拒载情况属实，已依法处罚并记入服务质量信誉考核。"),
      r("经核实，执法部门已在{dest}开展出租车专项整治，对不打表、议价行为进行查处，并安排现场调度员维持秩序。"),
    ],
  },
  {
    id: "coach-schedule",
    l1: TRANSPORT,
    l2: "客货运输",
    l3: ["旅客运输"],
    kind: "consult",
    place: "village",
    titles: ["咨询{cityShort}到{town}的客运班车时间", "{town}居民咨询到{cityShort}市区的班车"],
    bodies: [
      "您好，我想问一下从{cityShort}长途客运站到{district}{town}现在每天有几趟班车，最早一班几点发车，能不能网上买票？",
      "家里老人要从{town}到{cityShort}市里看病，以前的班车停了，想咨询一下现在还有没有直达的客车，在哪里坐车。",
    ],
    replies: [
      e("您好，{cityShort}至{town}客运班线每日发车{n}班，首班早六点半，可通过客运站售票窗口或官方购票平台购票。已向来电人解答。"),
      e("经{district}交通运输部门答复，原班线已改为城乡公交，从{town}客运站乘车可直达市区，约四十分钟一班。已告知来电人。"),
    ],
  },
  {
    id: "courier-doorstep",
    l1: TRANSPORT,
    l2: "邮政管理",
    l3: ["快递市场管理"],
    kind: "complaint",
    titles: ["{express}快递员不送货上门直接放驿站", "投诉{district}{express}网点不派送到{compound}"],
    bodies: [
      "我网购的东西收件地址写的是{compound}{buildingNo}，{express}的快递员不打电话直接放到几公里外的驿站，也不通知，我家里老人腿脚不便根本取不了。请邮政管理部门处理。",
      "{express}{district}网点的快递员从来不送上门，短信通知一发就算完事。我是付了运费的，请监管部门督促他们按约定投递。",
    ],
    replies: [
      r("经{cityShort}邮政管理部门核实，{express}该网点未经收件人同意将快件投放至驿站，已责令整改，网点承诺今后按址投递。"),
      e("经核实，该网点已与小区签订代收协议，邮政管理部门已要求其投放驿站前征得收件人同意。已向来电人解释。"),
    ],
  },
  {
    id: "courier-lost",
    l1: TRANSPORT,
    l2: "邮政管理",
    l3: ["快递市场管理"],
    kind: "help",
    titles: ["{express}包裹丢失网点与平台互相推诿", "{compound}居民包裹被{express}弄丢求助"],
    bodies: [
      "我{date}寄往外地的一个包裹，里面是价值{amountS}元的衣服，{express}显示已签收，可对方根本没收到。找快递网点，他们说是平台的事，平台又说找网点，请帮忙协调。",
      "我在{compound}收件，{express}的物流信息显示包裹已经放到快递柜，可我去取的时候根本没有。找快递员也不接电话，请邮政管理部门帮忙。",
    ],
    replies: [
      r("经{cityShort}邮政管理部门调解，{express}已按保价规定向来电人赔偿，并对相关快递员进行了处理。"),
      e("经核实，快件已找到并重新投递，邮政管理部门已提醒来电人贵重物品寄递时进行保价。已回复来电人。"),
    ],
  },
  {
    id: "guardrail",
    l1: TRANSPORT,
    l2: "建设管理",
    l3: ["设施维护"],
    kind: "help",
    urgent: 0.1,
    place: "road",
    titles: ["{road}中央护栏被撞损坏多日未修复", "{district}{road}道路护栏倒伏"],
    bodies: [
      "{district}{road}靠近{road2}路口的中央隔离护栏被车撞倒了好几节，已经三四天了还躺在路上，晚上车辆经过很危险，也有行人从缺口横穿马路。请相关部门尽快修复。",
      "{road}路边的防护栏被撞变形，一部分伸到了行车道上，来往车辆都得绕着走，请交通部门抓紧处理。",
    ],
    replies: [
      r("经{district}道路养护部门核实，已对{road}受损护栏进行更换，现场恢复正常，损坏护栏的赔偿由交警部门依事故责任追偿。"),
      r("接单后养护人员当日设置警示锥桶，次日完成护栏修复。感谢市民反映。"),
    ],
  },
  {
    id: "school-crossing",
    l1: TRANSPORT,
    l2: "建设管理",
    l3: ["规划建设"],
    kind: "suggestion",
    place: "school",
    titles: ["建议在{road}{school}门口增设过街设施", "{district}{school}学生过马路难"],
    bodies: [
      "{road}是双向六车道，车速很快，{school}的学生每天上下学都要横穿马路，非常危险。建议在学校门口附近修建过街天桥或地下通道。",
      "{district}{road}{school}门口没有人行横道，家长接送孩子只能在车流中穿行，希望有关部门尽快规划设置过街设施。",
    ],
    replies: [
      r("经{district}交通运输部门会同公安交管部门现场踏勘，已在{school}门前施划人行横道、设置信号灯和减速带。"),
      e("经研究，{road}过街天桥项目已纳入{cityShort}城市交通设施建设计划，在建成前将安排交通协管员在上下学时段疏导。已向来电人说明。"),
    ],
  },
  {
    id: "overloaded-trucks",
    l1: TRANSPORT,
    l2: "客货运输",
    l3: ["运输安全", "货物运输"],
    kind: "report",
    place: "road",
    titles: ["举报{road}夜间大货车超载抛洒", "{district}{road}渣土车超载超速"],
    bodies: [
      "每天晚上十点以后，{district}{road}上有大量拉土石方的大货车经过，车上货物装得老高，还没有苫盖，一路走一路掉，车速也很快，非常危险，请执法部门查处。",
      "{road}路上的重型货车经常超载，把路面都压出了车辙，噪音和扬尘也很大。希望交通执法部门加强夜间检查。",
    ],
    replies: [
      r("经{cityShort}交通运输综合行政执法部门联合公安交管部门开展夜查，在{road}查处超载车辆{n}台，已依法处罚并通报运输企业。"),
      r("经核实，执法部门已在{road}设置临时检查点，对渣土运输车辆实行密闭运输管理，并将持续开展夜间巡查。"),
    ],
  },
  {
    id: "highway-toll",
    l1: TRANSPORT,
    l2: "建设管理",
    l3: ["公路收费"],
    kind: "consult",
    titles: ["咨询{cityShort}至{city2}高速通行费优惠政策", "车主咨询{cityShort}到{city2}高速ETC优惠"],
    bodies: [
      "您好，我开的是一辆小型客车，经常往返{cityShort}和{city2}，想问一下节假日高速免费是怎么规定的，ETC通行费有没有优惠？",
      "我是跑运输的货车司机，经常走{cityShort}到{city2}的高速，想咨询一下现在货车ETC通行费有什么优惠政策，怎么办理？",
    ],
    replies: [
      e("您好，重大节假日期间七座及以下小型客车免收高速通行费，具体时段以当年通知为准；使用ETC通行可享受相应折扣，货车ETC优惠政策可通过高速公路客服热线查询。已向来电人解答。"),
    ],
  },
  {
    id: "logistics-pass",
    l1: TRANSPORT,
    l2: "客货运输",
    l3: ["物流管理"],
    kind: "help",
    enterprise: true,
    place: "company",
    titles: ["{company}反映配送货车通行证续办困难", "{company}城市配送车辆进城难请求协调"],
    bodies: [
      "我们{company}主要做{district}一带超市和药店的城市配送，货车通行证到期后申请续办一个多月了没有结果，车辆白天进不了城，订单积压严重，请帮忙协调。",
      "{company}有{n2}辆厢式货车负责商超配送，近期通行证到期后续办一直没有结果，车辆只能停运，客户都在催货，请相关部门帮助协调。",
    ],
    replies: [
      r("经{cityShort}营商环境建设部门协调公安交管部门，{company}城市配送车辆通行证已办理完毕，可在规定时段通行。"),
      e("经核实，{company}部分车辆排放标准不符合通行证核发条件，已告知企业整改要求，符合条件的车辆已先行办理。"),
    ],
  },
  {
    id: "taxi-praise",
    l1: TRANSPORT,
    l2: TAXI,
    l3: ["行业监管", "其他"],
    kind: "praise",
    titles: ["表扬{plate}出租车司机拾金不昧", "感谢出租车司机{surname}师傅归还遗失物品"],
    bodies: [
      "{date}我打车从{dest}回{compound}，下车时把装着证件和现金的手包落在了车上，车牌号{plate}的{surname}师傅主动联系我，专门把包送了回来，分文不取。特此表扬。",
      "我{date}晚上乘坐{plate}出租车，把手机和钱包落在了后座上，回家后才发现。没想到{surname}师傅通过车上的票据找到了我的联系方式，连夜把东西送到{compound}门口。这样的好司机应该表扬。",
    ],
    replies: [r("感谢您的表扬，已转达{cityShort}出租汽车行业管理部门，将对{surname}师傅予以通报表扬。")],
  },
];
