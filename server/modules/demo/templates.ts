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
    titles: ["{compound}{buildingNo}住户咨询供暖费收费标准", "{district}{compound}业主咨询供暖费如何缴纳"],
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
    titles: [
      "{compound}{buildingNo}业主咨询空置房屋办理停暖手续",
      "咨询{compound}{buildingNo}房屋无人居住能否报停供暖",
    ],
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
    titles: ["{compound}居民表扬{heatCo}维修师傅服务周到", "感谢{heatCo}{surname}师傅及时上门维修暖气"],
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
      r(
        "经公交企业实地踏勘，已对{bus}路线路走向进行优化，在{compound}附近增设停靠站，将于近期发布公告后实施。",
      ),
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
      r(
        "经公交企业客流调查，{bus}路末班车发车时间已调整延后一小时，新时刻表将在站牌和官方平台公布。感谢您的建议。",
      ),
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
    titles: ["表扬{bus}路公交司机{surname}师傅热心助人", "感谢{bus}路公交车司机{surname}师傅帮助老人"],
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
      r(
        "经{district}市政设施管理部门核实，该路段路灯因地下电缆被盗导致断电，维修人员已重新敷设电缆，路灯已全部恢复照明。",
      ),
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
      e(
        "经核实，{road}已列入今年道路大修计划，将于气温适宜后统一施工，施工前已安排对较大坑槽进行临时修补。已向来电人解释。",
      ),
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
      e(
        "经核实，被伐树木为危树，物业公司已取得园林部门出具的伐移许可，并将按要求补植。已向来电人出示相关手续。",
      ),
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
      e(
        "经{cityShort}地铁运营企业核实，{road}站其余出入口受周边地块施工影响暂未开通，预计年内具备开通条件。感谢您的建议。",
      ),
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
    titles: ["建议{district}{park}增设公共厕所和座椅", "{compound}居民反映{park}配套设施不足"],
    bodies: [
      "我每天早上去{park}锻炼，公园很大但只有一个厕所，离得很远，老人们特别不方便。另外步道边休息的长椅也太少了，建议管理部门增加一些。",
      "{park}来锻炼的人越来越多，可公园里的公厕常年锁着，饮水点也没有。希望园林部门完善一下基础设施。",
    ],
    replies: [
      r(
        "经{district}园林管理部门核实，已在{park}增设休息座椅二十组，并延长公厕开放时间至晚九点。感谢您的建议。",
      ),
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
    titles: ["{compound}业主表扬{propertyCo}维修人员服务热情", "感谢{compound}物业{surname}师傅及时疏通管道"],
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
    titles: [
      "{district}{street}职工咨询缴存公积金{years}年能否提取还商贷",
      "{compound}业主咨询公积金提取偿还商业贷款",
    ],
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
    titles: ["咨询用公积金贷款购买{compound}二手房", "{district}{street}职工咨询缴存{years}年公积金可贷额度"],
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
      r(
        "经协调，{compound}项目已完成首次登记，业主可携带购房合同、发票等材料到不动产登记中心申请办理转移登记。",
      ),
    ],
  },
  {
    id: "public-rental",
    l1: URBAN,
    l2: HOUSING,
    l3: ["保障性住房", "住房困难"],
    kind: "consult",
    titles: [
      "{compound}租户咨询{district}公共租赁住房申请条件",
      "在{cityShort}工作{years}年外地职工咨询{district}公租房申请",
    ],
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
      e(
        "经核实，该户装修在规定时段内进行，物业已提醒其减少高噪声作业，并告知来电人如发现超时施工可随时联系物业制止。",
      ),
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
      u(
        "经核实，双方对房屋损坏赔偿存在争议，属于民事合同纠纷，已建议来电人通过人民调解或诉讼途径解决。已向来电人解释。",
      ),
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
      r(
        "经{district}城市管理综合行政执法部门现场核查，该搭建物未取得规划许可，已下达限期拆除通知书，当事人已自行拆除。",
      ),
      e(
        "经核实，执法部门已对该违建立案调查，并依法送达限期拆除决定，逾期不拆除将依法强制拆除。已向来电人说明。",
      ),
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
      u(
        "经核实，该项目涉及司法查封，复工需待法院裁定后方可推进，目前暂无法确定交付时间。区政府将继续协调，并保障过渡期安置费发放。",
      ),
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
      e(
        "经{district}住房和城乡建设部门核实，{compound}已列入本区老旧小区改造项目储备库，将根据年度计划和资金安排分批实施。感谢您的建议。",
      ),
      r(
        "经核实，{compound}已纳入今年老旧小区改造计划，改造内容包括外墙保温、屋面防水及管网更新，预计年内开工。",
      ),
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
      r(
        "经{district}发展改革部门和住建部门联合核查，{propertyCo}调价未履行业主共同决定程序，已责令其暂停执行新标准。",
      ),
      e(
        "经核实，该小区停车收费标准经业主大会表决通过并已公示，收费行为符合规定。已向来电人出示相关材料并解释。",
      ),
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
      e(
        "经{district}交通运输部门核实，{village}该路段已纳入下一年度农村公路建设项目库，待资金落实后组织实施。感谢您的建议。",
      ),
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
      r(
        "经{district}建设工程质量安全监督机构现场检查，已责令施工单位加固围挡、设置防护棚，并禁止跨越人行道吊运，现场已整改完毕。",
      ),
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
      r(
        "经{district}营商环境建设部门协调，供电公司已开辟绿色通道，对{company}用电工程优先安排施工，已完成送电。",
      ),
      e(
        "经核实，{company}外线工程需跨越{road}，道路挖掘手续正在办理，供电公司已安排临时用电保障企业设备调试。已向企业说明进度。",
      ),
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
    titles: ["{district}{park}晚间广场舞音响声音过大", "{district}{compound}附近广场舞噪音扰民"],
    bodies: [
      "每天晚上七点到九点半，{park}有好几拨人跳广场舞，音响开得震天响，{compound}的住户隔着双层窗户都能听见，家里孩子要考试根本没法学习。希望有关部门协调一下音量和时间。",
      "{compound}旁边的{park}每天早上五点多就有人放音乐跳舞，声音特别大，我们上夜班的人根本睡不了觉。说了几次他们也不听，请帮忙解决。",
    ],
    replies: [
      r(
        "经{street}办事处协调，已与{park}内各健身团队负责人沟通，约定使用低噪音音响并控制活动时间，{district}公安分局将加强巡查。",
      ),
      e(
        "经核实，社区已在{park}划定远离居民楼的活动区域并张贴文明健身倡议，已向来电人说明，如仍有扰民情况可随时反映。",
      ),
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
      r(
        "经{district}生态环境执法人员夜间现场检查，该工地未办理夜间施工许可，已责令立即停止夜间作业并依法立案处罚。",
      ),
      e(
        "经核实，该工地因混凝土连续浇筑工艺需要办理了夜间施工许可，已要求施工单位采取降噪措施并提前公告。已向来电人解释。",
      ),
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
    titles: ["{compound}{bbq}油烟直排影响楼上居民", "{district}{compound}楼下烧烤店油烟扰民"],
    bodies: [
      "{compound}{buildingNo}一楼开了一家{bbq}，油烟管道直接通到后窗，每天从下午到半夜烟熏火燎，我们家根本不敢开窗，衣服都晾不了。请环保部门检查他们有没有安装油烟净化设备。",
      "我家楼下的{bbq}在门口露天烧烤，烟顺着窗户往屋里飘，晚上还有客人喝酒吵闹到半夜。希望相关部门依法处理。",
    ],
    replies: [
      r(
        "经{district}城市管理综合行政执法部门检查，{bbq}未安装油烟净化设施并存在露天烧烤行为，已责令整改，店主已安装净化设备并将烧烤移入室内。",
      ),
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
      r(
        "经{cityShort}生态环境部门执法人员夜间现场检查，{factory}废气处理设施未正常运行，已依法责令其停产整改并立案调查。",
      ),
      e(
        "经执法人员现场检查及监测，该企业废气排放浓度符合标准，异味主要来源于原料堆存，已要求企业加强密闭管理，将持续跟踪监测。",
      ),
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
    titles: ["举报{district}{village}附近焚烧秸秆", "{district}{village}露天焚烧垃圾浓烟滚滚"],
    bodies: [
      "{district}{town}{village}附近的地里这几天一直有人烧秸秆，浓烟飘到公路上，能见度很低，开车非常危险，城里都能闻到烟味。请有关部门尽快制止。",
      "{village}村口有人把生活垃圾和秸秆堆在一起露天焚烧，黑烟滚滚，气味刺鼻，附近居民都不敢开窗。希望相关部门加强巡查。",
    ],
    replies: [
      r(
        "经{town}政府组织人员赶赴现场，火点已扑灭，已对焚烧人员进行批评教育，并在{village}加强秸秆禁烧网格化巡查。",
      ),
      r(
        "经核实，镇村两级已对焚烧行为予以制止，并清理了现场垃圾堆，将协调环卫部门定期清运{village}生活垃圾。",
      ),
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
      r(
        "经{cityShort}生态环境部门现场检查和采样监测，{factory}存在通过暗管排放未经处理废水的行为，已依法查封排污设施并移送公安机关。",
      ),
      e(
        "经核实，该河段水体发黑系雨污合流管道溢流所致，{district}已启动排口截污改造，同时加强河道保洁。已向来电人解释。",
      ),
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
      r(
        "经{district}城市管理部门核实，已组织清运该处建筑垃圾约{n2}车，并在周边设置监控和警示牌，将对偷倒车辆依法查处。",
      ),
      r("经核实，执法部门已调取周边监控锁定两辆违规倾倒车辆并立案处罚，现场垃圾已清理完毕。"),
    ],
  },
  {
    id: "air-quality",
    l1: ENV,
    l2: "环保管理",
    l3: ["环境监测"],
    kind: "consult",
    titles: ["{compound}居民咨询{district}空气质量数据查询方式", "{compound}居民咨询附近是否有空气监测点"],
    bodies: [
      "最近几天感觉{district}空气不太好，有时候雾蒙蒙的。想问一下在哪里可以查到实时空气质量数据，我们{compound}附近有没有监测站点？",
      "您好，我想了解一下{cityShort}每天发布的空气质量指数是怎么监测的，{district}有几个监测点，重污染天气预警在哪里能看到？",
    ],
    replies: [
      e(
        "您好，{cityShort}环境空气质量实时数据可通过生态环境部门官方网站及公众号查询，{district}设有国控和省控监测点位，重污染天气预警信息通过政府网站和媒体同步发布。已向来电人解答。",
      ),
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
      e(
        "您好，建设项目环评类别依据《建设项目环境影响评价分类管理名录》确定，报告书、报告表可在省政务服务网申报，登记表在全国建设项目环境影响登记表备案系统填报。{cityShort}生态环境部门已安排专人为{company}提供预审服务。",
      ),
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
      r(
        "经{cityShort}生态环境部门核查，{factory}新建项目未依法报批环评文件擅自开工，已责令停止建设并依法处罚。",
      ),
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
    titles: [
      "{compound}居民表扬{district}生态环境执法人员快速处置",
      "感谢环保部门解决{compound}附近异味问题",
    ],
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
      e(
        "经{district}生态环境部门现场监测，已责令{factory}对料场实施全封闭改造。关于农作物损失，已会同{town}政府组织双方调解，并告知村民可委托评估机构进行损失鉴定。",
      ),
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
      r(
        "经{cityShort}交通运输部门核查，该订单存在绕路行为，已督促网约车平台退还多收费用，并对驾驶员予以处理。",
      ),
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
    titles: ["{plate}出租车拒载且不打表", "投诉{station}出租车拼客议价，车牌{plate}"],
    bodies: [
      "{date}晚上在{station}打车，车牌号{plate}的出租车司机问我去哪，听说去{district}就说不顺路不拉。后来上了另一辆车也不打表，张口要{fare}元。希望管理部门整治一下。",
      "在{station}出站口，出租车司机们都不打表，一口价还要拼客，不同意就不拉，其中{plate}的司机态度尤其恶劣。请交通执法部门加强管理。",
    ],
    replies: [
      r(
        "经{cityShort}交通运输综合行政执法部门调查，{plate}驾驶员拒载情况属实，已依法处罚并记入服务质量信誉考核。",
      ),
      r(
        "经核实，执法部门已在{station}开展出租车专项整治，对不打表、议价行为进行查处，并安排现场调度员维持秩序。",
      ),
    ],
  },
  {
    id: "coach-schedule",
    l1: TRANSPORT,
    l2: "客货运输",
    l3: ["旅客运输"],
    kind: "consult",
    place: "village",
    titles: [
      "咨询{cityShort}到{district}{town}的客运班车时间",
      "{district}{town}居民咨询到{cityShort}市区的班车",
    ],
    bodies: [
      "您好，我想问一下从{cityShort}长途客运站到{district}{town}现在每天有几趟班车，最早一班几点发车，能不能网上买票？",
      "家里老人要从{town}到{cityShort}市里看病，以前的班车停了，想咨询一下现在还有没有直达的客车，在哪里坐车。",
    ],
    replies: [
      e(
        "您好，{cityShort}至{town}客运班线每日发车{n}班，首班早六点半，可通过客运站售票窗口或官方购票平台购票。已向来电人解答。",
      ),
      e(
        "经{district}交通运输部门答复，原班线已改为城乡公交，从{town}客运站乘车可直达市区，约四十分钟一班。已告知来电人。",
      ),
    ],
  },
  {
    id: "courier-doorstep",
    l1: TRANSPORT,
    l2: "邮政管理",
    l3: ["快递市场管理"],
    kind: "complaint",
    titles: ["{compound}居民投诉{express}快递员不送货上门", "投诉{district}{express}网点不派送到{compound}"],
    bodies: [
      "我网购的东西收件地址写的是{compound}{buildingNo}，{express}的快递员不打电话直接放到几公里外的驿站，也不通知，我家里老人腿脚不便根本取不了。请邮政管理部门处理。",
      "{express}{district}网点的快递员从来不送上门，短信通知一发就算完事。我是付了运费的，请监管部门督促他们按约定投递。",
    ],
    replies: [
      r(
        "经{cityShort}邮政管理部门核实，{express}该网点未经收件人同意将快件投放至驿站，已责令整改，网点承诺今后按址投递。",
      ),
      e("经核实，该网点已与小区签订代收协议，邮政管理部门已要求其投放驿站前征得收件人同意。已向来电人解释。"),
    ],
  },
  {
    id: "courier-lost",
    l1: TRANSPORT,
    l2: "邮政管理",
    l3: ["快递市场管理"],
    kind: "help",
    titles: ["{compound}居民寄出的{express}包裹丢失无人负责", "{compound}居民包裹被{express}弄丢求助"],
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
      r(
        "经{district}道路养护部门核实，已对{road}受损护栏进行更换，现场恢复正常，损坏护栏的赔偿由交警部门依事故责任追偿。",
      ),
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
      r(
        "经{district}交通运输部门会同公安交管部门现场踏勘，已在{school}门前施划人行横道、设置信号灯和减速带。",
      ),
      e(
        "经研究，{road}过街天桥项目已纳入{cityShort}城市交通设施建设计划，在建成前将安排交通协管员在上下学时段疏导。已向来电人说明。",
      ),
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
      r(
        "经{cityShort}交通运输综合行政执法部门联合公安交管部门开展夜查，在{road}查处超载车辆{n}台，已依法处罚并通报运输企业。",
      ),
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
      e(
        "您好，重大节假日期间七座及以下小型客车免收高速通行费，具体时段以当年通知为准；使用ETC通行可享受相应折扣，货车ETC优惠政策可通过高速公路客服热线查询。已向来电人解答。",
      ),
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
      r(
        "经{cityShort}营商环境建设部门协调公安交管部门，{company}城市配送车辆通行证已办理完毕，可在规定时段通行。",
      ),
      e(
        "经核实，{company}部分车辆排放标准不符合通行证核发条件，已告知企业整改要求，符合条件的车辆已先行办理。",
      ),
    ],
  },
  {
    id: "taxi-praise",
    l1: TRANSPORT,
    l2: TAXI,
    l3: ["行业监管", "其他"],
    kind: "praise",
    titles: ["表扬{plate}出租车司机拾金不昧", "感谢{plate}出租车{surname}师傅归还遗失物品"],
    bodies: [
      "{date}我打车从{dest}回{compound}，下车时把装着证件和现金的手包落在了车上，车牌号{plate}的{surname}师傅主动联系我，专门把包送了回来，分文不取。特此表扬。",
      "我{date}晚上乘坐{plate}出租车，把手机和钱包落在了后座上，回家后才发现。没想到{surname}师傅通过车上的票据找到了我的联系方式，连夜把东西送到{compound}门口。这样的好司机应该表扬。",
    ],
    replies: [r("感谢您的表扬，已转达{cityShort}出租汽车行业管理部门，将对{surname}师傅予以通报表扬。")],
  },
];

const EDU = "教育文体";
const EDU_ADMIN = "教育行政管理";

const education: AppealTemplate[] = [
  {
    id: "training-refund",
    l1: EDU,
    l2: EDU_ADMIN,
    l3: ["校外机构管理"],
    kind: "complaint",
    weight: 1.2,
    place: "shop",
    titles: ["{district}{training}拒不退还剩余课时费", "投诉{district}{training}停课后不退费"],
    bodies: [
      "我给孩子在{training}报了一年的课，交了{amountM}元，上了不到{n}个月机构就说要搬迁停课，剩下的钱一直不退，现在电话也打不通了。请教育部门帮我们家长维权。",
      "{training}突然关门，几十个家长交的学费都退不了，负责人说等新校区开了再上课，可是一直没有消息。希望主管部门介入处理。",
    ],
    replies: [
      r(
        "经{district}教育部门约谈{training}负责人，机构已制定退费方案并按剩余课时向家长退费，来电人已收到退款。",
      ),
      u(
        "经核实，{training}负责人已失联，教育、市场监管部门已将线索移交公安机关，并指导家长通过诉讼途径维权。已向来电人解释。",
      ),
    ],
  },
  {
    id: "school-fees",
    l1: EDU,
    l2: "教育收费",
    l3: ["乱收费"],
    kind: "report",
    place: "school",
    titles: ["举报{school}强制收取教辅资料费", "{school}以班费名义向学生收费"],
    bodies: [
      "{school}有的班主任要求每个学生交{amountXS}元买指定的教辅资料，说是自愿，但不买的孩子会被点名。我们不知道这样收费是否合规，请教育部门核查。",
      "孩子在{school}上学，老师在家长群里通知每人交{amountXS}元，用途说是班级活动和资料费，也没有收据。请有关部门查一下。",
    ],
    replies: [
      r(
        "经{district}教育部门调查，{school}个别班级存在违规代购教辅行为，已责令全额退还所收费用，并对相关教师进行批评教育。",
      ),
      e(
        "经核实，该费用为家长委员会自愿组织的班级活动经费，学校未参与收取。教育部门已要求学校规范家委会管理。已向来电人解释。",
      ),
    ],
  },
  {
    id: "school-zoning",
    l1: EDU,
    l2: "考试招生",
    l3: ["招生录取"],
    kind: "consult",
    season: "enrollment",
    weight: 1.5,
    titles: ["咨询{compound}对应的小学学区划片", "{district}{compound}家长咨询孩子入学报名材料"],
    bodies: [
      "我家在{district}{compound}，孩子今年九月上一年级，想问一下我们小区对应的是哪个学校，入学报名需要准备户口本、房产证还是居住证明，什么时间开始网上报名？",
      "您好，我们刚在{compound}买了房，户口还没迁过来，孩子今年该上小学了，不知道这种情况能不能在这边学校报名，需要什么材料。",
    ],
    replies: [
      e(
        "您好，{district}义务教育阶段学校招生按照划片招生、免试就近入学原则进行，{compound}对应学校以区教育部门公布的当年学区划分为准。报名一般需提供户口簿、房屋产权证明等材料，具体时间请关注区教育部门发布的招生公告。已向来电人解释。",
      ),
    ],
  },
  {
    id: "migrant-schooling",
    l1: EDU,
    l2: "教育体制",
    l3: ["异地升学", "教育资源配置"],
    kind: "consult",
    season: "enrollment",
    titles: [
      "务工{years}年家长咨询随迁子女在{district}就读初中",
      "外地户籍家长咨询孩子转学到{district}{school}",
    ],
    bodies: [
      "我是外省户口，在{cityShort}打工{years}年了，有居住证，孩子明年小学毕业，想问一下能不能在{district}读初中，需要提供哪些证明材料？",
      "我们一家在{district}租房住，孩子户口在老家，现在想转到这边的小学读书，请问随迁子女入学需要什么条件，找哪个部门办理？",
    ],
    replies: [
      e(
        "您好，进城务工人员随迁子女凭居住证、务工或经营证明等材料，可向居住地{district}教育部门申请入学，由教育部门统筹安排学位。已向来电人详细说明。",
      ),
    ],
  },
  {
    id: "homework-load",
    l1: EDU,
    l2: EDU_ADMIN,
    l3: ["学生负担"],
    kind: "complaint",
    place: "school",
    titles: ["{school}{grade}作业量过大学生负担重", "反映{school}{grade}作业太多"],
    bodies: [
      "孩子在{school}读{grade}，每天作业要写到晚上十一点多，还有很多需要家长打印、批改的任务，孩子睡眠严重不足。希望教育部门检查一下学校作业管理。",
      "{school}{grade}的老师每天布置大量抄写和练习册，孩子周末两天也都在写作业，没有时间休息和锻炼。这与减负要求不符，请有关部门督促整改。",
    ],
    replies: [
      r(
        "经{district}教育部门核查，已要求{school}严格落实作业总量控制，不得要求家长批改作业，并将纳入督导检查。",
      ),
      e(
        "经核实，学校已建立作业公示制度，{grade}书面作业时长控制在规定范围内，已将各科作业安排反馈来电人，并开通家长意见渠道。",
      ),
    ],
  },
  {
    id: "school-gate-traffic",
    l1: EDU,
    l2: EDU_ADMIN,
    l3: ["校园安全"],
    kind: "suggestion",
    place: "school",
    titles: ["建议在{school}门口设置护学岗和减速带", "{school}放学时段门前交通拥堵"],
    bodies: [
      "每天下午放学时，{school}门口的{road}上停满了接孩子的车，孩子们在车缝里穿行，非常危险。建议在学校门口设置减速带，上下学时段安排交警或护学岗疏导。",
      "{school}门前道路很窄，家长车辆乱停乱放，早上经常堵得水泄不通。建议学校和交管部门一起规划一个临时停车接送区。",
    ],
    replies: [
      r("经{district}教育部门协调公安交管部门，已在{school}门前设置护学岗和减速带，上下学时段安排警力疏导。"),
      e("经研究，学校将实行错峰放学，并与周边商场协商开放临时接送停车区域。已向来电人说明。"),
    ],
  },
  {
    id: "fitness-equipment",
    l1: EDU,
    l2: "体育",
    l3: ["体育事业"],
    kind: "suggestion",
    place: "park",
    titles: ["建议在{compound}附近增设健身器材", "{district}{park}健身器材损坏建议维修更新"],
    bodies: [
      "{compound}周边居民很多，但附近只有一小块空地放了几件健身器材，其中两件已经坏了好久。建议有关部门维修更换，再增加一些适合老年人的器材。",
      "{park}里的健身路径很多器材锈迹斑斑，有的螺丝都松了，老人孩子用起来很危险。希望体育部门及时检修，更新一批新器材。",
    ],
    replies: [
      r("经{district}体育部门核实，已对损坏器材进行维修，并新增健身器材{n}件。感谢您的建议。"),
      e(
        "经核实，该处健身器材已超过使用年限，已列入明年全民健身设施更新计划，现已拆除损坏器材以防意外。已向来电人解释。",
      ),
    ],
  },
  {
    id: "library-card",
    l1: EDU,
    l2: "文化",
    l3: ["公共文化"],
    kind: "consult",
    titles: ["{compound}居民咨询{district}图书馆借书证办理", "{compound}居民咨询图书馆开放时间"],
    bodies: [
      "您好，我想给孩子办一张{district}图书馆的借书证，想问一下需要带什么证件，押金多少，周末和节假日开不开门？",
      "请问{district}图书馆晚上开放到几点，周末能不能去自习？我在{cityShort}市图书馆办的借书证，在区图书馆能不能通借通还？",
    ],
    replies: [
      e(
        "您好，{district}图书馆凭身份证或社保卡即可免押金办理读者证，未成年人由监护人陪同办理，周一闭馆，其余时间正常开放，与市图书馆实行通借通还。已向来电人解答。",
      ),
    ],
  },
  {
    id: "netcafe-minors",
    l1: EDU,
    l2: "文化",
    l3: ["文化市场与文化执法"],
    kind: "report",
    place: "shop",
    titles: ["举报{netcafe}接纳未成年人上网", "{district}{netcafe}允许中小学生进入"],
    bodies: [
      "{road}上的{netcafe}经常有穿校服的中学生进出，晚上十点多还有孩子在里面打游戏，网吧也不查身份证。请文化执法部门查处。",
      "我发现孩子放学后经常去{netcafe}上网，问了才知道那里根本不登记身份证。希望执法部门加强检查，保护未成年人。",
    ],
    replies: [
      r(
        "经{district}文化市场综合执法部门检查，{netcafe}存在接纳未成年人行为，已依法给予警告、罚款并责令停业整顿。",
      ),
      e("经执法人员多次暗访，暂未发现该场所接纳未成年人，已要求经营者严格落实实名登记制度，将持续跟踪检查。"),
    ],
  },
  {
    id: "teacher-praise",
    l1: EDU,
    l2: "教师队伍和待遇",
    l3: ["师资力量"],
    kind: "praise",
    place: "school",
    titles: ["表扬{school}{surname}老师关爱学生", "感谢{school}{surname}老师义务为孩子补课"],
    bodies: [
      "我家孩子在{school}上学，前段时间孩子生病住院落下了功课，班主任{surname}老师每天放学后利用自己的时间给孩子补课，坚持了两个多星期。我们全家非常感动，特此表扬。",
      "孩子因为骨折在家休养一个多月，{school}的{surname}老师每周都来家里辅导功课，还把课堂笔记整理好送来。希望学校表扬这位好老师。",
    ],
    replies: [r("感谢您对教育工作的肯定，您的表扬已转达{school}，学校将对{surname}老师予以表彰。")],
  },
  {
    id: "kindergarten-fee",
    l1: EDU,
    l2: "教育收费",
    l3: ["收费标准"],
    kind: "consult",
    place: "school",
    titles: [
      "{district}家长咨询{kindergarten}保教费收费标准",
      "{district}{street}家长咨询{kindergarten}是否属于普惠园",
    ],
    bodies: [
      "孩子在{kindergarten}上学，这学期保教费每月{amountKg}元，比去年涨了不少，想问一下普惠性幼儿园的收费标准是多少，涨价需要经过审批吗？",
      "想咨询一下{district}公办幼儿园和普惠性民办幼儿园的收费标准分别是多少，{kindergarten}这种属于哪一类？",
    ],
    replies: [
      e(
        "您好，{district}普惠性民办幼儿园保教费实行政府指导价，调整须报价格主管部门和教育部门备案并公示。经核实，{kindergarten}为普惠性幼儿园，其收费已备案。已向来电人解释。",
      ),
      r("经{district}教育部门核查，{kindergarten}上调收费未按规定备案，已责令恢复原收费标准并退还多收费用。"),
    ],
  },
  {
    id: "heritage-building",
    l1: EDU,
    l2: "文物管理",
    l3: ["文物保护"],
    kind: "report",
    urgent: 0.1,
    place: "road",
    titles: ["反映{district}{road}一处老建筑被擅自拆改", "举报{road}附近历史建筑遭到破坏"],
    bodies: [
      "{district}{road}有一栋上世纪二三十年代的老房子，外墙上还有文物保护标志，这几天有施工队在拆里面的结构，墙体已经开了好几个大口子。请文物部门赶紧核实制止。",
      "{road}附近一处老洋楼被围挡了起来，听说要改建商铺，工人正在拆屋顶。这栋楼据说是文物保护单位，希望有关部门查一查手续。",
    ],
    replies: [
      r("经{cityShort}文物行政部门现场检查，该建筑修缮施工未经批准，已责令立即停工，并依法立案调查。"),
      e("经核实，该建筑为区级文物保护单位，修缮方案已经文物部门批准，施工为保护性修缮。已向来电人解释。"),
    ],
  },
  {
    id: "rural-teacher-allowance",
    l1: EDU,
    l2: "教师队伍和待遇",
    l3: ["工资福利"],
    kind: "consult",
    place: "village",
    titles: ["{district}{town}乡村教师咨询生活补助发放标准", "{town}中心小学教师咨询任教{years}年补助政策"],
    bodies: [
      "我是{district}{town}中心小学的老师，在乡村学校任教{years}年了，想咨询一下乡村教师生活补助是按什么标准发放的，任教年限长的有没有提高？",
      "您好，我在{town}的学校当老师，听说乡村教师有专门的生活补助和职称评聘倾斜政策，想了解一下具体的规定。",
    ],
    replies: [
      e(
        "您好，{district}乡村教师生活补助按学校艰苦边远程度和任教年限分档发放，职称评聘向乡村教师倾斜，具体标准可向区教育部门人事科室查询。已向来电人解答。",
      ),
    ],
  },
  {
    id: "school-playground",
    l1: EDU,
    l2: "体育",
    l3: ["体育事业", "其他"],
    kind: "suggestion",
    place: "school",
    titles: ["建议{school}操场课余时间向居民开放", "{compound}居民希望{school}体育场地错时开放"],
    bodies: [
      "{compound}附近没有像样的运动场地，旁边的{school}有标准操场，但放学后和周末一直锁着门。建议在确保安全的前提下，学校体育场地在课余时间向周边居民开放。",
      "很多城市都在推行学校体育设施错时开放，希望{school}能在寒暑假和周末开放操场，方便{compound}的居民锻炼。",
    ],
    replies: [
      r(
        "经{district}教育部门研究，{school}已纳入体育场地开放试点，居民凭身份证登记后可在周末和假期指定时段入校锻炼。",
      ),
      e("经核实，{school}正在进行校园改造，暂不具备开放条件，改造完成后将按规定有序开放。感谢您的建议。"),
    ],
  },
  {
    id: "student-aid",
    l1: EDU,
    l2: "失学辍学",
    l3: ["教育救助"],
    kind: "help",
    place: "school",
    titles: ["{district}{street}困难家庭学生求助学费资助", "{school}学生家长因家庭困难请求教育救助"],
    bodies: [
      "我是{district}的低保户，爱人去年生病去世，孩子在{school}读书，家里实在拿不出生活费和学杂费了。想问一下有没有助学政策，孩子不能因为钱的事上不了学。",
      "我家孩子马上要读高中，家里只靠我打零工，母亲常年卧床，学费和住宿费负担不起。请问{district}有哪些资助政策，怎么申请？",
    ],
    replies: [
      r(
        "经{district}教育部门核实，来电人家庭符合家庭经济困难学生认定条件，已将孩子纳入资助范围，按规定享受国家助学金并免除相关费用。",
      ),
      e(
        "经核实，家庭经济困难学生可向就读学校提出资助申请，由学校认定后享受国家助学金和学费减免，{district}教育部门已联系学校为其办理。已向来电人说明。",
      ),
    ],
  },
];

const LABOR = "劳动和社会保障";
const WORKER_INSURANCE = "城镇职工社会保险";

const labor: AppealTemplate[] = [
  {
    id: "migrant-wages",
    l1: LABOR,
    l2: "劳动关系",
    l3: ["农民工权益"],
    kind: "help",
    season: "winter",
    weight: 2,
    urgent: 0.25,
    titles: ["{compound}工地拖欠农民工工资", "反映{district}{compound}项目{n2}名工人工资未发"],
    bodies: [
      "我们{n2}个人在{district}{compound}工地干瓦工活，从{month}月干到现在，包工头一直拖着不给工资，一共欠了{amountW}。快过年了，家里都等着钱用，请政府帮我们讨回工钱。",
      "我在{compound}项目干了{months}个月的木工，工资一分钱没拿到，找项目部说是总包没给钱，找总包又说已经付给劳务公司了，互相推。请人社部门帮忙。",
    ],
    replies: [
      r(
        "经{district}人力资源和社会保障部门劳动保障监察机构调查核实，该项目拖欠农民工工资问题属实，已约谈总承包单位，督促其通过农民工工资专用账户足额支付，工资已全部发放到位。",
      ),
      e(
        "经劳动保障监察机构核查，该纠纷涉及工程量结算争议，监察机构已立案调查，并告知农民工可同时申请劳动争议仲裁，已为其提供法律援助渠道。",
      ),
    ],
  },
  {
    id: "company-wages",
    l1: LABOR,
    l2: "工资福利",
    l3: ["工资发放"],
    kind: "complaint",
    weight: 1.5,
    place: "company",
    titles: ["{factory}拖欠员工{months}个月工资", "投诉{factory}长期拖欠工资"],
    bodies: [
      "我在{factory}上班，公司从今年{month}月开始就不按时发工资了，已经欠了{months}个月，老板总说资金紧张下个月一起发，可一拖再拖。我们这些员工还要还房贷养孩子，请劳动监察部门帮忙。",
      "{factory}有几十名员工的工资拖了好几个月没发，找老板也见不着人，公司现在基本停工了，我们担心工资彻底要不回来，请有关部门尽快介入。",
    ],
    replies: [
      r(
        "经{district}劳动保障监察机构调查，{factory}拖欠工资情况属实，已下达劳动保障监察限期整改指令书，企业已分期结清所欠工资。",
      ),
      e(
        "经核实，{factory}已进入破产清算程序，劳动保障监察机构已协助职工申报债权，并指导其依法申请劳动仲裁。已向来电人解释。",
      ),
    ],
  },
  {
    id: "pension-transfer",
    l1: LABOR,
    l2: WORKER_INSURANCE,
    l3: ["职工养老保险"],
    kind: "consult",
    weight: 1.3,
    titles: [
      "{district}{street}职工咨询外省{years}年养老保险转入手续",
      "{compound}居民咨询跨省转移{years}年养老保险关系",
    ],
    bodies: [
      "我之前在外省工作交了{years}年养老保险，现在回到{cityShort}上班，想问一下养老保险关系怎么转过来，需要本人去外省办理吗，转移后缴费年限能不能合并计算？",
      "您好，我在外地参加过职工养老保险，现在在{district}一家单位工作，想把之前的社保转回来，请问具体流程是什么，可以在网上申请吗？",
    ],
    replies: [
      e(
        "您好，跨省转移养老保险关系可通过国家社会保险公共服务平台或掌上12333在线申请，由转入地社保经办机构办理，无需本人往返两地，缴费年限合并计算。已向来电人详细解答。",
      ),
    ],
  },
  {
    id: "resident-medical",
    l1: LABOR,
    l2: "城镇居民社会保险",
    l3: ["城镇居民医疗保险"],
    kind: "consult",
    season: "insurance",
    weight: 1.3,
    titles: ["{compound}居民咨询{district}居民医保缴费时间和标准", "{compound}居民咨询新生儿参加居民医保"],
    bodies: [
      "您好，我想问一下明年的城乡居民医疗保险什么时候开始交，每个人交多少钱，家里老人和孩子可以在手机上直接交吗？我们住{district}{compound}。",
      "孩子{date}刚出生，户口落在{district}，想给孩子办理居民医保，请问新生儿参保需要什么材料，出生多长时间内参保可以报销住院费用？",
    ],
    replies: [
      e(
        "您好，城乡居民医保集中缴费期一般为每年第四季度，缴费标准以当年公布为准，可通过税务部门手机客户端、银行网点等渠道缴纳。新生儿在出生后规定时间内参保的，自出生之日起享受待遇。已向来电人解答。",
      ),
    ],
  },
  {
    id: "medical-filing",
    l1: LABOR,
    l2: WORKER_INSURANCE,
    l3: ["职工医疗保险"],
    kind: "consult",
    titles: [
      "{compound}居民咨询到{otherCity}就医如何备案",
      "{district}{street}参保职工咨询在{otherCity}住院直接结算",
    ],
    bodies: [
      "我父亲退休后跟我们在{otherCity}长期居住，医保关系在{cityShort}，想问一下异地就医备案怎么办理，在{otherCity}住院能不能直接结算？",
      "我要去{otherCity}的医院做手术，医保是{cityShort}的职工医保，请问需要提前办理什么手续，报销比例和本地一样吗？",
    ],
    replies: [
      e(
        "您好，异地就医备案可通过国家医保服务平台或当地医保经办机构线上办理，备案后在{otherCity}定点医疗机构住院可直接结算，报销执行就医地目录、参保地待遇政策。已向来电人详细说明。",
      ),
    ],
  },
  {
    id: "no-contract",
    l1: LABOR,
    l2: "劳动关系",
    l3: ["劳动合同纠纷"],
    kind: "complaint",
    place: "company",
    titles: ["{factory}入职{months}个月不签劳动合同", "投诉{factory}拒绝与员工签订劳动合同"],
    bodies: [
      "我在{factory}工作已经{months}个月了，公司一直没有和我签劳动合同，也没给交社保。问人事说试用期过了再签，可现在早就过了试用期。请问我该怎么维权？",
      "{factory}招了很多员工都不签合同，说签了就要交社保，工资会少。我们觉得这样不合法，希望劳动监察部门查一查。",
    ],
    replies: [
      r(
        "经{district}劳动保障监察机构调查，已责令{factory}限期与员工补签劳动合同并依法参保，企业已完成整改。",
      ),
      e(
        "经核实，来电人可就未签劳动合同期间的二倍工资差额向{district}劳动人事争议仲裁委员会申请仲裁，已告知申请材料和流程。",
      ),
    ],
  },
  {
    id: "dismissal",
    l1: LABOR,
    l2: "劳动关系",
    l3: ["辞职辞退", "协议解除劳动关系"],
    kind: "help",
    place: "company",
    titles: ["{factory}违法辞退员工不给经济补偿", "员工被{factory}无故辞退求助"],
    bodies: [
      "我在{factory}干了{years}年，前几天公司突然通知我明天不用来了，没有任何理由，也不给经济补偿，连这个月的工资都说要扣。请问我该去哪里申请仲裁，需要准备什么证据？",
      "{factory}以业务调整为由让我们几个老员工自己写辞职信，不写就调到外地，我们不同意就被停了工作。请有关部门帮助我们维护合法权益。",
    ],
    replies: [
      e(
        "您好，用人单位违法解除劳动合同的，劳动者可向{district}劳动人事争议仲裁委员会申请仲裁，需准备劳动合同、工资流水、解除通知等证据材料。已向来电人详细说明。",
      ),
      r("经{district}人社部门调解，{factory}同意依法支付来电人经济补偿金及当月工资。"),
    ],
  },
  {
    id: "skills-training",
    l1: LABOR,
    l2: "就业培训",
    l3: ["职业培训", "职业技能鉴定"],
    kind: "consult",
    titles: [
      "{district}{street}{age}岁失业人员咨询免费职业技能培训",
      "{district}{street}失业人员咨询技能培训补贴",
    ],
    bodies: [
      "我今年{age}岁，刚失业，想学一门手艺，比如电工或者家政服务，听说政府有免费的职业技能培训，想问一下在{district}去哪里报名，培训完能不能发证书？",
      "您好，我是登记失业人员，住在{district}{compound}，想咨询一下参加职业技能培训有没有补贴，考取职业技能等级证书后补贴怎么申请？",
    ],
    replies: [
      e(
        "您好，登记失业人员可到{district}公共就业服务机构或{street}社区服务中心报名参加补贴性职业技能培训，培训合格取得证书的按规定享受培训补贴。已向来电人解答。",
      ),
    ],
  },
  {
    id: "job-retention",
    l1: LABOR,
    l2: "就业培训",
    l3: ["就业和再就业"],
    kind: "consult",
    enterprise: true,
    place: "company",
    titles: ["{company}咨询失业保险稳岗返还政策", "{company}咨询稳岗返还资金到账进度"],
    bodies: [
      "我们{company}有职工{staff}人，一直正常缴纳失业保险，没有裁员，想咨询一下今年的稳岗返还政策是不是免申即享，资金什么时候能到账？",
      "我公司一直按时足额缴纳失业保险费，上一年度裁员率也不高，听说符合条件的企业可以享受稳岗返还，想问一下需不需要企业主动申报，怎么查询返还进度。",
    ],
    replies: [
      e(
        "您好，稳岗返还实行免申即享，人社部门通过数据比对确定符合条件的企业，资金直接返还至企业对公账户，无需企业申报。经查询，{company}已在返还名单中，资金将于近期拨付。",
      ),
      e(
        "您好，稳岗返还依据企业上年度失业保险缴费和裁员率情况自动核定，结果在人社部门网站公示，企业可通过单位网上服务大厅查询进度。已向企业解答。",
      ),
    ],
  },
  {
    id: "pension-adjustment",
    l1: LABOR,
    l2: "退休政策及待遇",
    l3: ["退休金发放", "退休人员待遇"],
    kind: "consult",
    weight: 1.3,
    titles: [
      "{district}{street}退休职工咨询养老金调整到账时间",
      "{district}退休{years}年老人咨询今年养老金调整",
    ],
    bodies: [
      "我是{district}的退休职工，退休{years}年了，听说今年又涨养老金了，想问一下我们这边什么时候能发到卡里，是按什么标准调整的，能不能补发前几个月的？",
      "您好，我爱人今年{month}月刚办完退休，想问一下第一个月的养老金什么时候发放，今年的调整政策她能不能享受。",
    ],
    replies: [
      e(
        "您好，基本养老金调整按照国家和省统一部署执行，采取定额调整、挂钩调整与适当倾斜相结合的办法，调整后的待遇将在文件下发后统一发放并补发。已向来电人解释。",
      ),
    ],
  },
  {
    id: "forced-overtime",
    l1: LABOR,
    l2: "劳动保护",
    l3: ["工作时间和休息休假"],
    kind: "report",
    place: "company",
    titles: ["举报{factory}强制员工加班", "{factory}员工长期无休且无加班费"],
    bodies: [
      "{factory}要求我们一线员工每天工作十二个小时，一个月只休两天，加班费也不按规定给，谁不加班就扣钱。请劳动监察部门来查一查。",
      "我们公司长期让员工周末上班，不给调休也不给加班费，已经好几个月了，大家敢怒不敢言。希望有关部门依法处理{factory}。",
    ],
    replies: [
      r(
        "经{district}劳动保障监察机构调查，{factory}存在超时加班且未足额支付加班费问题，已责令改正并补发加班工资。",
      ),
      e(
        "经核实，{factory}实行经批准的综合计算工时制度，监察机构已要求企业合理安排休息并依法支付延长工时工资。已向来电人说明。",
      ),
    ],
  },
  {
    id: "unemployment-benefit",
    l1: LABOR,
    l2: WORKER_INSURANCE,
    l3: ["职工失业保险"],
    kind: "consult",
    titles: [
      "{district}居民缴纳失业保险{years}年咨询失业金领取期限",
      "{district}{street}失业人员咨询失业金申领",
    ],
    bodies: [
      "我在公司交了{years}年失业保险，上个月合同到期公司没有续签，想问一下我能不能领失业保险金，能领多少个月，在哪里申请？",
      "您好，我是非本人意愿中断就业，住在{district}，想办理失业登记并申领失业金，请问在手机上能不能办，需要单位出具什么证明？",
    ],
    replies: [
      e(
        "您好，失业保险金领取期限根据累计缴费年限确定，符合条件的可通过人社部门网上服务大厅或手机客户端申领，无需单位出具证明。已向来电人详细说明。",
      ),
    ],
  },
  {
    id: "work-injury",
    l1: LABOR,
    l2: WORKER_INSURANCE,
    l3: ["职工工伤保险"],
    kind: "help",
    place: "company",
    titles: ["{factory}员工工伤认定遇到困难", "员工在{factory}受伤后单位不申报工伤"],
    bodies: [
      "我{date}在{factory}车间干活时手被机器压伤了，住院花了{amountM}元，公司只给垫了一部分钱，现在也不给申报工伤，说让我自己想办法。请问我自己能申请工伤认定吗？",
      "我爱人在{factory}上班时从架子上摔下来，腰椎骨折，单位说他没签合同不算工伤。现在还在住院，请相关部门帮帮我们。",
    ],
    replies: [
      e(
        "您好，用人单位未在规定时限内申报工伤的，受伤职工或其近亲属可在事故伤害发生之日起一年内向{cityShort}人社部门直接申请工伤认定。未签订劳动合同的，可提供工资记录、工作证等证明劳动关系。已向来电人说明。",
      ),
      r("经{district}人社部门督促，{factory}已为来电人提交工伤认定申请，并补缴了工伤保险。"),
    ],
  },
  {
    id: "social-security-praise",
    l1: LABOR,
    l2: WORKER_INSURANCE,
    l3: ["其他", "职工养老保险"],
    kind: "praise",
    titles: [
      "表扬{district}社保服务大厅{surname}同志热情周到",
      "感谢{district}人社窗口{surname}同志耐心服务",
    ],
    bodies: [
      "我{date}到{district}社保服务大厅给母亲办理退休手续，材料不全，窗口的{surname}同志不但耐心讲解，还帮我打电话联系原单位补材料，当天就办好了。服务态度非常好，特此表扬。",
      "我年纪大了不会用手机，去社保大厅办认证，{surname}同志手把手教我，还帮我把后面要办的事都记在纸上。这样的工作人员值得表扬。",
    ],
    replies: [
      r("感谢您对人社服务工作的肯定，您的表扬已转达{district}社会保险经办机构，将对{surname}同志予以表扬。"),
    ],
  },
  {
    id: "self-service-terminal",
    l1: LABOR,
    l2: "城镇居民社会保险",
    l3: ["其他"],
    kind: "suggestion",
    titles: ["建议在{street}社区设置社保自助服务终端", "{district}{street}居民建议社保业务就近办理"],
    bodies: [
      "我们{street}离区社保大厅很远，老人办个社保卡挂失、查询缴费都要坐好几站公交车。建议在社区服务中心放一台自助服务终端，方便附近居民就近办理。",
      "现在很多社保业务都能在手机上办，但老年人不会操作，建议在{street}社区服务中心安排专人帮助老人办理，或者设立自助服务点。",
    ],
    replies: [
      r(
        "感谢您的建议。{district}人社部门已在{street}社区服务中心布设社保自助服务终端，并安排社区工作人员提供帮办服务。",
      ),
      e("经研究，{district}正在推进社保服务进社区，{street}已列入下一批布点计划。已向来电人说明。"),
    ],
  },
  {
    id: "minimum-wage",
    l1: LABOR,
    l2: "工资福利",
    l3: ["最低工资标准"],
    kind: "consult",
    place: "company",
    titles: ["{factory}员工咨询{cityShort}最低工资标准", "{factory}员工咨询最低工资是否包含加班费"],
    bodies: [
      "我在{factory}做保洁，每天干八个小时，一个月到手才{lowPay}元，想问一下{cityShort}现在的最低工资标准是多少，公司这样给钱合不合法？",
      "您好，想咨询一下{district}执行的是哪一档最低工资标准，加班费和社保个人缴纳部分算不算在最低工资里面？",
    ],
    replies: [
      e(
        "您好，{district}执行全省统一公布的对应档次月最低工资标准，延长工作时间工资、特殊工作环境津贴等不计入最低工资，个人缴纳的社会保险费包含在内。如用人单位低于标准支付，可向劳动保障监察机构投诉。已向来电人解答。",
      ),
    ],
  },
];

const TRADE = "商贸旅游";
const MARKET = "市场监管";
const TOURISM = "旅游管理";

const trade: AppealTemplate[] = [
  {
    id: "defective-appliance",
    l1: TRADE,
    l2: MARKET,
    l3: ["商品质量"],
    kind: "complaint",
    weight: 1.3,
    place: "shop",
    titles: ["{mall}售出的{product}质量问题拒绝退换", "投诉{mall}{product}出现故障商家推诿"],
    bodies: [
      "我{date}在{mall}花{amountS}元买了一台{product}，用了不到一个月就坏了，去找商家要求退换，商家说必须寄回厂家检测，一拖就是半个月。请市场监管部门帮忙协调。",
      "在{mall}买的{product}刚用几天就出现故障，按三包规定应该可以换货，可商家一直推说是人为损坏。希望有关部门主持公道。",
    ],
    replies: [
      r("经{district}市场监督管理部门组织调解，{mall}同意为来电人更换同型号{product}，来电人表示满意。"),
      e(
        "经核实，商家已委托厂家售后检测，检测结论为非质量问题，双方未达成一致，已告知来电人可申请第三方检验或通过诉讼途径解决。",
      ),
    ],
  },
  {
    id: "price-tag",
    l1: TRADE,
    l2: MARKET,
    l3: ["物价监督"],
    kind: "report",
    place: "shop",
    titles: ["举报{district}{shop}标价与结账价格不符", "{district}{shop}虚构原价促销"],
    bodies: [
      "{date}我在{district}{shop}买东西，货架上标的促销价和结账时的价格不一样，收银员说是系统没改过来，多收了钱。我发现好几样商品都是这样，怀疑存在价格欺诈，请市场监管部门查处。",
      "{shop}经常在价签上写原价和现价，可所谓的原价根本没卖过，就是虚构折扣吸引顾客。请物价部门检查一下。",
    ],
    replies: [
      r(
        "经{district}市场监督管理部门现场检查，{shop}存在价签与结算价格不一致问题，已责令整改并依法立案，来电人多付款项已退还。",
      ),
      e(
        "经核实，系商家价签更换不及时所致，执法人员已督促其全面核对价签，暂未发现虚构原价行为。已向来电人说明。",
      ),
    ],
  },
  {
    id: "scenic-parking",
    l1: TRADE,
    l2: TOURISM,
    l3: ["景区管理"],
    kind: "complaint",
    season: "tourism",
    place: "park",
    titles: ["{district}{scenic}周边停车场收费过高", "投诉{district}{scenic}门口私人停车场乱收费"],
    bodies: [
      "{date}带家人去{scenic}游玩，景区门口的停车场一次收了{fee}元，也没有明码标价和发票，问工作人员说是私人承包的。希望旅游和物价部门管一管。",
      "{scenic}周边的停车场都是临时圈起来的，收费员随口要价，有的还强行引导车辆进场。这样影响景区形象，请有关部门规范管理。",
    ],
    replies: [
      r(
        "经{district}文化旅游和市场监管部门联合检查，已取缔{scenic}周边无资质临时停车场，并督促景区公示停车收费标准。",
      ),
      e(
        "经核实，该停车场为村集体经营，收费标准已备案，但未按规定公示，已责令其公示标准并开具票据。已向来电人说明。",
      ),
    ],
  },
  {
    id: "tour-shopping",
    l1: TRADE,
    l2: TOURISM,
    l3: ["旅游市场管理"],
    kind: "complaint",
    season: "tourism",
    place: "shop",
    titles: ["{travelAgency}{days2}日游低价团强制购物", "投诉{travelAgency}{scenic}线路擅自删减景点"],
    bodies: [
      "我在{travelAgency}报名参加了一个{days2}日游，团费才{amountS}元，结果导游一天带我们进了三个购物店，不买东西就甩脸色，原定的景点还少去了一个。请文旅部门查处。",
      "参加{travelAgency}组织的旅游团，行程单上写的景点有两个没去成，导游说是时间不够，却安排了很长时间的购物。希望主管部门督促旅行社退还相应费用。",
    ],
    replies: [
      r(
        "经{cityShort}文化旅游部门调查，{travelAgency}存在擅自变更行程、安排购物问题，已责令退还游客未游览景点费用并依法处罚。",
      ),
      e("经核实，行程变更系景区临时限流所致，旅行社已按合同约定退还门票差价。已向来电人解释。"),
    ],
  },
  {
    id: "prepaid-gym",
    l1: TRADE,
    l2: MARKET,
    l3: ["其他"],
    kind: "help",
    place: "shop",
    titles: ["{district}{gym}突然关门会员卡余额无法退还", "{district}{gym}经营者失联会员求助"],
    bodies: [
      "我在{district}{gym}办了一张{amountS}元的年卡，才去了几次，门店突然贴了停业通知，老板电话也打不通，现在好几百名会员的钱都退不回来，请有关部门帮我们维权。",
      "{gym}前段时间还在大力推销私教课，很多人刚续了费，结果上周突然关门了，说是装修，可现在人都找不到了。请市场监管部门介入。",
    ],
    replies: [
      r(
        "经{district}市场监督管理部门约谈，{gym}经营者已制定退费方案，会员可凭卡登记办理退费或转至合作门店继续使用。",
      ),
      u(
        "经核实，{gym}经营者已失联，市场监管部门已将情况通报公安机关，并指导会员登记债权、依法诉讼维权。已向来电人解释。",
      ),
    ],
  },
  {
    id: "health-product-ads",
    l1: TRADE,
    l2: MARKET,
    l3: ["广告监管"],
    kind: "report",
    place: "shop",
    titles: [
      "举报{district}{street}一家店向老人宣传保健品能治病",
      "{district}{compound}老人被商家虚假宣传保健品",
    ],
    bodies: [
      "{street}附近有一家店天天给老年人免费送鸡蛋、讲健康课，然后宣传他们的保健品能治高血压、糖尿病，一盒卖好几千，我母亲已经花了{amountM}元。请市场监管部门查处虚假宣传。",
      "最近{compound}很多老人被拉去听所谓的养生讲座，讲课的人说他们卖的产品可以代替药物，老人们都信了。希望有关部门调查这家店。",
    ],
    replies: [
      r(
        "经{district}市场监督管理部门检查，该店存在宣传保健食品具有疾病治疗功能的违法行为，已依法立案查处并责令停止销售。",
      ),
      r("经核实，执法人员已对该会场进行检查并取缔，同时联合社区开展防范老年人消费陷阱宣传。"),
    ],
  },
  {
    id: "escalator-inspection",
    l1: TRADE,
    l2: "质监检验检疫",
    l3: ["特种设备管理"],
    kind: "report",
    urgent: 0.1,
    place: "shop",
    titles: ["{district}{mall}自动扶梯存在安全隐患", "举报{district}{mall}电梯超期未检"],
    bodies: [
      "{mall}的自动扶梯经常突然停下来，上周还有一个老人在扶梯上摔倒了，扶梯旁边贴的检验合格标志也已经过期了。请特种设备监管部门检查。",
      "我发现{mall}好几部电梯里张贴的使用标志显示检验有效期已经过了，电梯运行时还有异响，担心安全问题，请有关部门核查。",
    ],
    replies: [
      r(
        "经{district}市场监督管理部门现场检查，{mall}部分电梯超期未检，已责令停止使用，经检验合格后方可恢复运行。",
      ),
      e("经核实，{mall}电梯已按期检验合格，现场张贴的为旧版标志，已要求更换。维保单位已对异响部位进行检修。"),
    ],
  },
  {
    id: "export-support",
    l1: TRADE,
    l2: "商业贸易",
    l3: ["进出口管理", "贸易发展战略"],
    kind: "consult",
    enterprise: true,
    place: "company",
    titles: ["{company}咨询外贸企业出口信用保险补贴", "{company}咨询参加境外展会补贴政策"],
    bodies: [
      "我们{company}今年开始做出口业务，想了解一下{cityShort}对外贸企业有哪些支持政策，出口信用保险保费补贴怎么申请，是不是需要企业自己申报？",
      "{company}准备拓展海外市场，想咨询一下参加境外展会有没有补贴，外贸发展专项资金的申报时间和条件是什么。",
    ],
    replies: [
      e(
        "您好，{cityShort}商务部门对符合条件的外贸企业给予出口信用保险保费补贴和境外展会展位费补贴，申报通知在商务部门网站发布，部分项目已实行免申即享。已安排专人与{company}对接。",
      ),
    ],
  },
  {
    id: "registration-returned",
    l1: TRADE,
    l2: MARKET,
    l3: ["其他"],
    kind: "complaint",
    enterprise: true,
    place: "company",
    titles: ["{company}反映变更登记多次被退回", "{company}反映食品经营许可办理反复补材料"],
    bodies: [
      "我们{company}办理经营范围变更登记，网上提交了三次都被退回，每次都只说材料不规范，没有一次性告知要改哪里，耽误了快一个月，影响和客户签合同。希望相关部门改进服务。",
      "{company}申请食品经营许可证，窗口工作人员说要补材料，补完又说还缺别的，前后跑了{n}趟还没办下来。希望能落实一次性告知制度。",
    ],
    replies: [
      r(
        "经{district}市场监督管理部门核实，已安排专人与{company}对接，一次性告知所需材料，相关登记已办结，并对窗口人员进行了提醒谈话。",
      ),
      e(
        "经核实，企业提交的材料与经营场所实际情况不符，窗口已出具书面一次性告知单，企业补正后即可办结。已向企业说明。",
      ),
    ],
  },
  {
    id: "pyramid-scheme",
    l1: TRADE,
    l2: MARKET,
    l3: ["传销"],
    kind: "report",
    urgent: 0.1,
    titles: ["举报{district}{compound}疑似传销窝点", "{compound}出租房内有人聚集搞传销"],
    bodies: [
      "{district}{compound}{buildingNo}的一套出租房里住了十几个年轻人，每天早出晚归，白天还在屋里上课喊口号，听口音都是外地的。怀疑是传销组织，请有关部门调查。",
      "我的亲戚被朋友骗到{cityShort}说介绍工作，结果手机被收走，每天被逼着听课、交钱入会，地点在{compound}附近。请公安和市场监管部门尽快解救。",
    ],
    replies: [
      r("经{district}市场监督管理部门会同公安机关核查，该处确为传销窝点，已依法取缔，涉案人员已遣返。"),
      e(
        "经公安和市场监管部门联合走访，暂未发现该处存在传销活动，已将该地址纳入重点关注，请来电人发现线索后及时报告。",
      ),
    ],
  },
  {
    id: "market-regulator-praise",
    l1: TRADE,
    l2: MARKET,
    l3: ["其他"],
    kind: "praise",
    titles: [
      "表扬{district}市场监管所高效处理{shop}消费投诉",
      "感谢{district}市场监管部门{surname}同志帮忙退款",
    ],
    bodies: [
      "前段时间我在{shop}买到了过期商品，打了12345反映，{district}市场监管所的工作人员第二天就去现场调查，很快帮我拿到了赔偿。办事效率很高，特此表扬。",
      "我买的家电出了问题和商家协商不成，{district}市场监管所的{surname}同志多次打电话协调，最终商家同意退货。感谢他们认真负责的工作。",
    ],
    replies: [r("感谢您对市场监管工作的肯定，您的表扬已转达{district}市场监督管理部门。")],
  },
  {
    id: "morning-market",
    l1: TRADE,
    l2: "商业贸易",
    l3: ["其他"],
    kind: "suggestion",
    place: "road",
    titles: ["建议规范{road}早市经营秩序", "{district}{road}早市建议设置固定摊位"],
    bodies: [
      "{road}早市很方便附近居民买菜，但摊位越摆越多，占了整条马路，车辆无法通行，散市后垃圾满地。建议划定固定区域和时间，安排专人管理。",
      "{district}{road}早市每天早上热闹是热闹，可是卫生条件很差，也没有公平秤。建议有关部门统一规划，建一个规范的便民市场。",
    ],
    replies: [
      r(
        "感谢您的建议。{street}办事处已对{road}早市划定经营区域和时段，设置公平秤并安排保洁人员在散市后清扫。",
      ),
      e(
        "经研究，{district}已将{road}附近便民市场建设纳入规划，在建成前由街道加强早市现场管理。已向来电人说明。",
      ),
    ],
  },
  {
    id: "scenic-facilities",
    l1: TRADE,
    l2: TOURISM,
    l3: ["景区管理"],
    kind: "suggestion",
    season: "tourism",
    place: "park",
    titles: ["建议{district}{scenic}增加观光车和休息点", "关于完善{district}{scenic}游客服务设施的建议"],
    bodies: [
      "{scenic}面积大，老人孩子走不了太远，景区内观光车少，排队要一个多小时。建议增加车辆和沿途休息点，再多设几个卫生间。",
      "带父母去{scenic}，感觉景区内的指示牌和休息设施不够，很多路段没有遮阳的地方。建议景区完善一下服务设施。",
    ],
    replies: [
      r("感谢您的建议。{scenic}已增加观光车辆并在主要游览线路增设休息亭和指示牌。"),
      e(
        "经{district}文化旅游部门研究，{scenic}提升改造工程已列入计划，旺季期间将先行增加临时休息点。已向来电人说明。",
      ),
    ],
  },
  {
    id: "business-service-praise",
    l1: TRADE,
    l2: "其他",
    kind: "praise",
    enterprise: true,
    place: "company",
    titles: ["{company}感谢{district}营商环境部门帮助企业解决难题", "{company}表扬惠企政策服务专员"],
    bodies: [
      "我们{company}前段时间遇到用地手续问题，{district}营商环境建设部门主动上门服务，协调多个部门联合办理，一周内就解决了。企业全体员工表示感谢。",
      "{company}申请惠企政策资金时遇到困难，相关部门的工作人员多次上门指导，帮我们梳理材料，资金很快就到账了。在这里对他们的服务表示感谢。",
    ],
    replies: [
      r("感谢企业对营商环境工作的肯定，您的表扬已转达{district}营商环境建设部门，我们将继续做好惠企服务。"),
    ],
  },
  {
    id: "subsidy-delay",
    l1: TRADE,
    l2: "商业贸易",
    l3: ["贸易发展战略", "其他"],
    kind: "complaint",
    enterprise: true,
    place: "company",
    titles: ["{company}反映惠企补贴资金迟迟未兑现", "{company}反映专项扶持资金公示后未拨付"],
    bodies: [
      "我们{company}去年按要求申报了{district}的技术改造专项补贴，项目已经通过验收并公示，承诺的{amountL}补贴到现在还没有拨付，问了几次都说在走流程。希望政府兑现承诺。",
      "{company}符合条件被列入扶持名单，公示已经过去好几个月了，资金一直没到位。企业正是用钱的时候，请有关部门给个明确答复。",
    ],
    replies: [
      r(
        "经{district}营商环境建设部门督办，财政部门已完成资金拨付，{company}补贴已到账。该事项已纳入政府履约践诺台账销号管理。",
      ),
      e(
        "经核实，该笔资金需待上级专项资金下达后拨付，预计本季度内到位，已向企业书面说明时间安排，并纳入履约践诺台账跟踪。",
      ),
    ],
  },
  {
    id: "trademark-counterfeit",
    l1: TRADE,
    l2: MARKET,
    l3: ["商标管理", "不正当竞争"],
    kind: "report",
    enterprise: true,
    place: "company",
    titles: ["{company}举报他人仿冒注册商标", "{company}反映市场上出现仿冒产品"],
    bodies: [
      "我们{company}的注册商标产品在{cityShort}卖得不错，最近发现{district}有商户销售包装几乎一样的仿冒产品，价格低很多，严重影响我们的声誉和销量。请市场监管部门查处。",
      "{company}接到客户反映，在{mall}买到了贴着我们商标的劣质产品，经核对不是我公司生产的。希望执法部门追查源头。",
    ],
    replies: [
      r("经{district}市场监督管理部门检查，查扣涉嫌侵犯{company}注册商标专用权的商品一批，已依法立案调查。"),
      e(
        "经核实，涉事商品使用的标识与{company}注册商标存在区别，是否构成侵权需进一步认定，已告知企业可申请商标侵权判定或提起诉讼。",
      ),
    ],
  },
];

const HEALTH = "卫生计生";
const MEDICAL = "医政监管";
const FOOD_DRUG = "食品药品监管";

const health: AppealTemplate[] = [
  {
    id: "food-poisoning",
    l1: HEALTH,
    l2: FOOD_DRUG,
    l3: ["食品安全"],
    kind: "complaint",
    weight: 1.3,
    urgent: 0.05,
    place: "shop",
    titles: ["投诉{district}{restaurant}饭菜不卫生导致腹泻", "{district}{restaurant}饭菜疑似变质"],
    bodies: [
      "{date}中午我们一家在{restaurant}吃饭，回家后三个人都上吐下泻，去医院说是急性肠胃炎。找饭店协商，老板不承认是他们的问题。请市场监管部门调查该店的食品卫生情况。",
      "在{restaurant}点的凉菜有股馊味，吃了没多久就肚子疼。我看到他们后厨就在走廊边上，苍蝇乱飞，生熟都放在一起。希望有关部门检查一下。",
    ],
    replies: [
      r(
        "经{district}市场监督管理部门现场检查，{restaurant}存在生熟混放、冷藏设施不足等问题，已责令停业整改并依法立案，已协调店方承担来电人医疗费用。",
      ),
      e(
        "经执法人员现场检查并抽检留样，未发现食品不合格情况，已责令该店完善留样和消毒制度。已告知来电人可凭就诊记录通过民事途径主张赔偿。",
      ),
    ],
  },
  {
    id: "expired-goods",
    l1: HEALTH,
    l2: FOOD_DRUG,
    l3: ["食品安全"],
    kind: "report",
    place: "shop",
    titles: ["举报{district}{shop}销售过期食品", "{district}{shop}货架上有过期商品"],
    bodies: [
      "{date}在{shop}买了一箱牛奶，回家才发现已经过期好几天了，再去看货架上还有不少过期的面包和饮料。请市场监管部门查处。",
      "我经常在{district}{shop}买东西，最近连续两次买到过期的零食，跟店员说了也没人理。希望执法部门检查一下这家店。",
    ],
    replies: [
      r(
        "经{district}市场监督管理部门检查，{shop}货架上存在超过保质期食品，已当场下架并依法立案处罚，已督促商家按规定向来电人赔偿。",
      ),
      r("经核实，执法人员已对{shop}进行检查，责令其建立临期食品检查制度，并对过期食品进行销毁。"),
    ],
  },
  {
    id: "hospital-queues",
    l1: HEALTH,
    l2: MEDICAL,
    l3: ["医疗技术和服务", "医疗机构管理"],
    kind: "complaint",
    weight: 1.2,
    place: "hospital",
    titles: [
      "{compound}居民反映{hospital}挂号缴费排队时间太长",
      "投诉{hospital}门诊叫号混乱，{surname}姓患者家属反映",
    ],
    bodies: [
      "{date}带母亲去{hospital}看病，早上六点就去排队，挂号、候诊、缴费、取药每个环节都要排很长时间，一上午只看了一个科。医院能不能多开几个窗口，优化一下流程？",
      "{hospital}门诊叫号系统经常出错，有人插队也没人管，老人不会用手机预约只能现场排队。希望卫生健康部门督促医院改进。",
    ],
    replies: [
      r(
        "经{cityShort}卫生健康部门督促，{hospital}已增设自助机和人工窗口，推行诊间缴费，并安排志愿者在高峰时段帮助老年患者。",
      ),
      e(
        "经核实，{hospital}已开通分时段预约和老年人绿色通道，已向来电人介绍预约方式，医院将持续优化就诊流程。",
      ),
    ],
  },
  {
    id: "hospital-billing",
    l1: HEALTH,
    l2: MEDICAL,
    l3: ["医疗收费"],
    kind: "complaint",
    place: "hospital",
    titles: ["{hospital}{ward}住院费用清单疑似重复收费", "质疑{hospital}{ward}住院收费项目不合理"],
    bodies: [
      "我父亲在{hospital}住院{n2}天，出院时拿到的费用清单上有好几项检查是重复收的，还有没做过的治疗项目，总共花了{amountM}元。找医院一直没给说法，请卫生部门核查。",
      "家人在{hospital}做完手术，住院清单里有很多看不懂的收费项目，问护士也说不清楚。希望有关部门帮忙核实收费是否合规。",
    ],
    replies: [
      r(
        "经{cityShort}卫生健康部门和医保部门核查，{hospital}存在重复计费问题，已责令退还多收费用，并对相关科室进行通报。",
      ),
      e("经核实，清单所列项目均为实际发生的诊疗项目，医院已安排专人向家属逐项解释收费依据。已回复来电人。"),
    ],
  },
  {
    id: "medical-dispute",
    l1: HEALTH,
    l2: "医患纠纷",
    l3: ["患者权益", "医疗事故争议"],
    kind: "help",
    place: "hospital",
    titles: ["患者家属与{hospital}发生医疗纠纷求助", "{hospital}术后出现并发症家属求助"],
    bodies: [
      "我母亲{date}在{hospital}做了膝关节手术，术后一直发烧，伤口感染又做了一次手术，医院说是个人体质问题。我们想申请医疗纠纷调解，不知道该找哪个部门。",
      "我父亲在{hospital}治疗期间病情加重，我们认为医院有延误治疗的情况，医院让我们去法院起诉。请问除了诉讼还有没有其他解决途径？",
    ],
    replies: [
      e(
        "您好，医疗纠纷可通过双方自愿协商、申请{cityShort}医疗纠纷人民调解委员会调解、申请卫生健康行政部门行政调解或依法提起诉讼等途径解决，需要鉴定的可依法委托鉴定机构。已向来电人详细告知。",
      ),
    ],
  },
  {
    id: "rabies-vaccine",
    l1: HEALTH,
    l2: "公共卫生",
    l3: ["疾病预防控制"],
    kind: "consult",
    urgent: 0.1,
    titles: ["{compound}居民被狗咬伤咨询疫苗接种", "{compound}居民咨询{district}哪里可以接种狂犬疫苗"],
    bodies: [
      "我今天在{compound}楼下被邻居家的狗咬了一口，破了点皮，想问一下{district}哪个医院或者社区卫生服务中心能打狂犬疫苗，需要打几针，要不要打免疫球蛋白？",
      "孩子在{compound}小区里玩的时候被流浪猫抓伤了手，出了点血，请问{district}的犬伤处置门诊在哪里，晚上能不能接种，需要带什么证件？",
    ],
    replies: [
      e(
        "您好，{district}设有犬伤处置门诊，可提供伤口处置和狂犬病疫苗接种服务，是否需要注射免疫球蛋白由接诊医生根据暴露级别判断。请尽快就诊。已向来电人告知门诊地址和接诊时间。",
      ),
    ],
  },
  {
    id: "only-child-reward",
    l1: HEALTH,
    l2: "人口计生",
    l3: ["独生子女父母奖励政策"],
    kind: "consult",
    titles: [
      "{district}{street}退休职工咨询独生子女父母奖励领取",
      "{district}{street}居民咨询原单位改制后独生子女奖励领取",
    ],
    bodies: [
      "我是{district}的退休职工，退休时原单位已经改制了，独生子女父母一次性奖励一直没领到，想问一下现在应该找谁申请，需要什么材料？",
      "您好，我和爱人只有一个孩子，持有独生子女父母光荣证，今年刚退休，想了解一下奖励政策是怎么规定的，在哪里办理。",
    ],
    replies: [
      e(
        "您好，企业退休人员独生子女父母奖励由原单位发放，原单位已改制或破产的，可持光荣证、退休证明等材料向户籍所在地{street}办事处申请，由卫生健康部门审核发放。已向来电人详细说明。",
      ),
    ],
  },
  {
    id: "unlicensed-clinic",
    l1: HEALTH,
    l2: MEDICAL,
    l3: ["非法行医"],
    kind: "report",
    titles: ["举报{compound}附近无证诊所", "{district}{road}一家理疗店疑似非法行医"],
    bodies: [
      "{compound}附近的一家小门市没有挂任何牌子，里面却给人输液打针，来看病的多是附近的老人。听说坐诊的人没有医师资格证，请卫生监督部门查一查。",
      "{district}{road}有一家所谓的中医理疗店，宣称能治各种慢性病，还给人开药、扎针。怀疑是无证行医，希望有关部门依法查处。",
    ],
    replies: [
      r(
        "经{district}卫生健康监督机构现场检查，该场所未取得医疗机构执业许可证擅自开展诊疗活动，已依法取缔并没收药品器械。",
      ),
      e(
        "经核实，该场所持有合法的医疗机构执业许可证，坐诊人员具备执业资格，已要求其在显著位置公示证照。已向来电人说明。",
      ),
    ],
  },
  {
    id: "prescription-drugs",
    l1: HEALTH,
    l2: FOOD_DRUG,
    l3: ["药品和医疗器械管理"],
    kind: "report",
    place: "shop",
    titles: ["举报{district}{pharmacy}无处方销售处方药", "{district}{pharmacy}执业药师长期不在岗"],
    bodies: [
      "我在{pharmacy}买抗生素，店员不要处方就直接卖了，还推荐我买一堆别的药。店里执业药师的照片挂在墙上，人却从来没见过。请药监部门检查。",
      "{district}{pharmacy}处方药随便卖，店里只有一个收银员，根本没有药师指导用药，存在安全隐患。希望执法人员去查看。",
    ],
    replies: [
      r(
        "经{district}市场监督管理部门检查，{pharmacy}存在未凭处方销售处方药及执业药师不在岗问题，已依法立案查处。",
      ),
      r("经核实，执法人员已责令{pharmacy}限期整改，落实处方药凭处方销售和执业药师在岗制度，将开展复查。"),
    ],
  },
  {
    id: "doctor-praise",
    l1: HEALTH,
    l2: MEDICAL,
    l3: ["医务人员管理", "医疗技术和服务"],
    kind: "praise",
    place: "hospital",
    titles: ["表扬{hospital}{ward}{surname}医生医德高尚", "感谢{hospital}{ward}医护团队"],
    bodies: [
      "我父亲{date}突发脑梗住进{hospital}{ward}，{surname}医生连夜组织抢救，后来每天查房都耐心和我们沟通病情。现在父亲已经能下床走路了，全家非常感激，特此表扬。",
      "母亲在{hospital}{ward}住院期间，{surname}医生和护士们照顾得非常细心，还经常安慰老人。我们家属看在眼里，记在心里，希望医院给予表扬。",
    ],
    replies: [
      r(
        "感谢您对医务工作者的肯定，您的表扬已转达{hospital}，医院将对{ward}{surname}医生及医护团队予以表扬。",
      ),
    ],
  },
  {
    id: "community-clinic-hours",
    l1: HEALTH,
    l2: MEDICAL,
    l3: ["医疗机构管理"],
    kind: "suggestion",
    titles: [
      "建议{district}{street}社区卫生服务中心延长服务时间",
      "建议{district}{street}社区医院开设夜间门诊",
    ],
    bodies: [
      "{street}社区卫生服务中心下午四点半就停诊了，上班族根本没时间去，孩子晚上发烧只能跑大医院排急诊。建议社区卫生服务中心延长门诊时间，或者周末开诊。",
      "{street}社区医院晚上和周末都不开门，老人孩子有个头疼脑热只能去大医院挂急诊，费用高还要排很久。希望能在社区医院开设夜间门诊。",
    ],
    replies: [
      r(
        "感谢您的建议。{district}卫生健康部门已安排{street}社区卫生服务中心实行弹性门诊，工作日延长至晚七点，周六上午开诊。",
      ),
      e(
        "经研究，受人员编制限制，{street}社区卫生服务中心暂无法开设夜间门诊，{district}正在推进家庭医生签约服务，签约居民可电话咨询。已向来电人解释。",
      ),
    ],
  },
  {
    id: "birth-registration",
    l1: HEALTH,
    l2: "人口计生",
    l3: ["计划生育服务管理", "人口政策"],
    kind: "consult",
    titles: ["{compound}居民咨询在{district}办理生育登记", "{compound}居民咨询异地户籍夫妻生育登记"],
    bodies: [
      "我和爱人准备要第二个孩子，听说现在生育登记可以网上办理，想问一下在哪个平台登记，需要提供哪些信息，登记以后孕检和住院分娩有什么优惠？我们住在{district}。",
      "您好，我们夫妻双方户口不在同一个城市，现在在{district}{compound}居住，想办理生育登记，请问可以在居住地办吗，需要什么材料？",
    ],
    replies: [
      e(
        "您好，生育登记实行网上办理，夫妻双方可在户籍地或现居住地通过政务服务平台登记，只需填写基本信息并作出承诺，无需提交证明材料。登记后可按规定享受孕产期保健服务。已向来电人详细解答。",
      ),
    ],
  },
];

/** Department-style name of who answers, per level-1 category, for the generic templates. */
const GENERIC_DEPARTMENTS: Readonly<Record<string, string>> = {
  [URBAN]: "住房和城乡建设",
  [ENV]: "生态环境",
  [TRANSPORT]: "交通运输",
  [EDU]: "教育和文化旅游",
  [LABOR]: "人力资源和社会保障",
  [TRADE]: "市场监督管理",
  [HEALTH]: "卫生健康",
  "*": "相关职能",
};

/**
 * Generic templates of a level-1 category, for its level-2 nodes that have no template of their
 * own: they speak of the `{topic}` (the leaf name, or the level-2 or level-1 name when the leaf is
 * "其他").
 */
function genericTemplates(l1: string): AppealTemplate[] {
  const dept = GENERIC_DEPARTMENTS[l1] ?? "相关职能";
  const key = l1 === "*" ? "any" : l1;
  const fill = (text: string): string => text.replaceAll("{dept}", dept);
  const templates: AppealTemplate[] = [
    {
      id: `generic-consult-${key}`,
      l1,
      l2: null,
      kind: "consult",
      titles: ["{compound}居民咨询{topic}相关政策", "{district}{street}居民咨询{topic}办理渠道"],
      bodies: [
        "您好，我家住{district}{compound}，最近遇到一件{topic}方面的事，不太清楚相关政策是怎么规定的，想问一下应该找哪个部门办理，需要准备什么材料？",
        "我想咨询一下{cityShort}在{topic}方面有什么具体规定，我们{street}有不少居民都关心这件事，麻烦给解答一下，能在网上办的话更好。",
      ],
      replies: [
        e(
          "您好，您咨询的{topic}相关问题，经{district}{dept}部门答复：具体政策及办理流程可登录辽宁政务服务网查询，或携带有效身份证件到{district}政务服务中心相应窗口咨询办理。已向来电人解释说明。",
        ),
      ],
    },
    {
      id: `generic-complaint-${key}`,
      l1,
      l2: null,
      kind: "complaint",
      titles: ["反映{district}{compound}{topic}问题长期未解决", "{compound}居民反映{topic}方面的问题"],
      bodies: [
        "{district}{compound}的居民反映，我们这里在{topic}方面存在的问题已经有{months}个月了，向有关单位反映过多次，一直没有得到解决，请相关部门尽快核实处理。",
        "我们{compound}关于{topic}的问题反映很久了，相关单位一直推来推去，希望主管部门能够重视，给居民一个明确的答复。",
      ],
      replies: [
        r(
          "经{district}{dept}部门核实，来电人反映的{topic}问题属实，已督促责任单位整改完毕，并向来电人反馈了处理结果。",
        ),
        e(
          "经{district}{dept}部门核实，该问题涉及多个责任主体，已由{street}办事处牵头协调，制定了解决方案并分步推进。已向来电人说明进展。",
        ),
      ],
    },
    {
      id: `generic-help-${key}`,
      l1,
      l2: null,
      kind: "help",
      titles: ["{district}{compound}居民就{topic}问题求助", "{district}{street}居民遇到{topic}困难请求帮助"],
      bodies: [
        "我是{district}{street}的居民，家里遇到了{topic}方面的困难，自己跑了几个地方都没弄明白该找谁，家里老人身体也不好，希望政府部门能帮帮忙。",
        "因为{topic}的事情，我已经来回跑了{n}趟了，每次都说缺材料，现在实在没办法了，请12345帮忙协调一下有关部门。",
      ],
      replies: [
        r("经{district}{dept}部门核实，已安排工作人员与来电人联系，协助其办理相关手续，问题已解决。"),
        e(
          "经核实，来电人所需办理的事项须由本人提交申请，{street}办事处已安排网格员上门指导，并告知所需材料清单。",
        ),
      ],
    },
    {
      id: `generic-suggestion-${key}`,
      l1,
      l2: null,
      kind: "suggestion",
      titles: ["{street}居民关于改进{district}{topic}工作的建议", "{compound}居民就{topic}提出建议"],
      bodies: [
        "我觉得我们{district}在{topic}方面还有不少可以改进的地方，比如办事指南写得不够清楚，咨询电话经常占线。建议相关部门多听听群众的意见，把服务做得更细一些。",
        "作为{compound}的老住户，我想就{topic}提一点建议：希望政府把相关政策在社区多宣传宣传，很多老年人根本不知道自己能享受哪些服务。",
      ],
      replies: [
        e("感谢您的建议。{district}{dept}部门已将您的建议纳入工作改进参考，并将加强政策宣传和服务指引。"),
      ],
    },
  ];
  return templates.map((t) => ({ ...t, replies: t.replies.map((v) => ({ ...v, text: fill(v.text) })) }));
}

/** Level-1 names that have their own templates. */
export const TEMPLATE_LEVEL1_NAMES: readonly string[] = [URBAN, ENV, TRANSPORT, EDU, LABOR, TRADE, HEALTH];

/** Templates of a specific level-2 category (or a level-1 "其他"). */
export const SPECIFIC_TEMPLATES: readonly AppealTemplate[] = [
  ...urbanConstruction,
  ...environment,
  ...transport,
  ...education,
  ...labor,
  ...trade,
  ...health,
];

/** Generic templates, per level-1 name, for level-2 nodes without a template of their own. */
export const GENERIC_TEMPLATES: readonly AppealTemplate[] = TEMPLATE_LEVEL1_NAMES.flatMap(genericTemplates);

/** Generic templates usable with any category tree (when none of the known level-1 names exists). */
export const FALLBACK_TEMPLATES: readonly AppealTemplate[] = genericTemplates("*");

/** Every template, for tests and counting. */
export const ALL_TEMPLATES: readonly AppealTemplate[] = [
  ...SPECIFIC_TEMPLATES,
  ...GENERIC_TEMPLATES,
  ...FALLBACK_TEMPLATES,
];
