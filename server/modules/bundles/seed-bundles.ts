import type { SubcaseAction } from "../../../common/case-state.ts";
import type { StartCaseBody } from "../../../common/contracts/bundles.ts";
import type { AppContext } from "../../app-context.ts";
import { FixedClock } from "../../platform/clock.ts";
import { newId } from "../../platform/ids.ts";
import { type CaseRecord, findCase, runCaseAction } from "../cases/index.ts";
import type { AuthUser } from "../users/auth-user.ts";
import { BUNDLE_CASE_HANDLERS } from "./bundle-case-actions.ts";
import { findBundleRow } from "./bundles.repo.ts";
import { createBundle, publishVersion } from "./edit-definitions.ts";
import { SAMPLE_BUNDLES } from "./samples.ts";
import { startBundleCase } from "./start-bundle-case.ts";

/** The sample bundles, created and published (validated like any version); existing ones are kept. */
export async function seedSampleBundles(ctx: AppContext): Promise<string[]> {
  const created: string[] = [];
  for (const [id, def] of Object.entries(SAMPLE_BUNDLES)) {
    await ctx.db.transaction().execute(async (tx) => {
      if (await findBundleRow(tx, id)) return;
      await createBundle(ctx, tx, null, id, def, true);
      await publishVersion(ctx, tx, null, id, 1);
      created.push(id);
    });
  }
  return created;
}

/** A person acting in the demo: the window (an agent), or a handler of a department. */
const actor = (role: AuthUser["role"], departmentId: string | null, name: string): AuthUser => ({
  id: newId(),
  username: `demo-${role}-${departmentId ?? "window"}`,
  name,
  role,
  departmentId,
});

/** One scripted step of a demo case. */
type Step =
  | { sub: string; action: SubcaseAction; input?: Record<string, string> }
  | { case: "accept"; tolerateMissing?: boolean }
  | { case: "reject" | "withdraw"; reason: string }
  | { case: "supply-materials"; materials: string[] };

/** Issue a sub-case: accept → approve → issue-result. */
const issue = (sub: string, no: string): Step[] => [
  { sub, action: "accept" },
  { sub, action: "approve", input: { note: "审查通过" } },
  { sub, action: "issue-result", input: { resultNo: no } },
];

interface DemoCase {
  start: StartCaseBody;
  /** Days before now the case was submitted; each step is two working hours later. */
  daysAgo: number;
  steps: Step[];
}

const REGION = "210102";
const who = { name: "李明", phone: "13800001111" };

/** Demo cases in every state of the life cycle, each moved through the engine. */
function demoCases(): DemoCase[] {
  const newbornValues = {
    "baby-name": "李小满",
    phone: who.phone,
    "mother-id-no": "210102199001011234",
    "household-address": "沈阳市和平区南京街1号",
    "mother-name": "王芳",
  };
  const newbornMaterials = ["mother-id", "father-id", "father-household", "photo"];
  const restaurantValues = {
    "shop-name": "和平小厨",
    uscc: "91210102MA0TEST01X",
    "operator-name": "赵强",
    "operator-id": "210102198505051234",
    phone: "13900002222",
    address: "沈阳市和平区太原街8号",
    "floor-area": "120",
    "food-category": "热食类食品制售",
  };
  const restaurantMaterials = [
    "id-card",
    "food-application",
    "layout-plan",
    "food-safety-rules",
    "signboard-design",
    "property-proof",
  ];
  const deathValues = {
    "deceased-name": "张桂兰",
    "deceased-id": "210102194001011234",
    "death-date": "2025-02-20",
    phone: who.phone,
    "agent-name": "张伟",
    "agent-id-no": "210102197001011234",
    relationship: "子女",
    "bank-account": "6222000011112222",
  };
  const deathMaterials = ["agent-id", "kinship", "bank-card", "vehicle-licence"];
  const retireValues = {
    name: "刘建国",
    "id-no": "210102196503011234",
    "bank-account": "6222000033334444",
    phone: "13700003333",
  };
  const changeValues = {
    "company-name": "沈阳示例商贸有限公司",
    uscc: "91210102MA0TEST02X",
    "changed-item": "名称",
    "change-content": "更名为沈阳示例科技有限公司",
    "contact-phone": "13600004444",
  };
  const newborn = (daysAgo: number, steps: Step[]): DemoCase => ({
    start: {
      bundleId: "newborn",
      applicant: { name: "王芳", phone: who.phone },
      regionCode: REGION,
      values: newbornValues,
      materials: newbornMaterials,
    },
    daysAgo,
    steps,
  });
  return [
    newborn(25, [
      { case: "accept" },
      ...issue("birth-cert", "CS2101-0001"),
      ...issue("vaccination", "YM-0001"),
      ...issue("hukou", "HK-0001"),
      ...issue("medical", "YB-0001"),
      ...issue("ss-card", "SB-0001"),
    ]),
    newborn(6, [
      { case: "accept" },
      ...issue("birth-cert", "CS2101-0002"),
      { sub: "hukou", action: "accept" },
      { sub: "hukou", action: "request-correction", input: { note: "请补充父母结婚证原件照片" } },
      { sub: "vaccination", action: "accept" },
    ]),
    newborn(1, []),
    {
      start: {
        bundleId: "open-restaurant",
        applicant: { name: "赵强", phone: "13900002222" },
        regionCode: REGION,
        answers: { signboard: "yes", "large-venue": "no" },
        values: restaurantValues,
        materials: restaurantMaterials,
      },
      daysAgo: 12,
      steps: [
        { case: "accept" },
        ...issue("licence-check", "HY-0001"),
        { sub: "food-licence", action: "accept" },
        {
          sub: "food-licence",
          action: "suspend",
          input: { suspension: "expert_review", note: "后厨布局需专家现场评审" },
        },
        { sub: "signboard", action: "accept" },
        { sub: "signboard", action: "approve", input: { note: "招牌尺寸符合规范" } },
        { sub: "fire-check", action: "accept" },
      ],
    },
    {
      start: {
        bundleId: "open-restaurant",
        applicant: { name: "孙丽", phone: "13900005555" },
        regionCode: REGION,
        answers: { signboard: "no" },
        values: { ...restaurantValues, "shop-name": "丽姐面馆" },
        materials: ["id-card", "food-application", "layout-plan"],
      },
      daysAgo: 3,
      steps: [
        { case: "accept", tolerateMissing: true },
        { sub: "licence-check", action: "accept" },
      ],
    },
    {
      start: {
        bundleId: "after-death",
        applicant: { name: "张伟", phone: who.phone },
        regionCode: REGION,
        answers: { "has-vehicle": "yes" },
        values: { ...deathValues, "plate-no": "辽A12345" },
        materials: deathMaterials,
      },
      daysAgo: 30,
      steps: [
        { case: "accept" },
        ...issue("death-cert", "SW-0001"),
        ...issue("cremation", "HH-0001"),
        ...issue("id-recover", "HS-0001"),
        ...issue("hukou-cancel", "ZX-0001"),
        ...issue("pension", "YL-0001"),
        ...issue("medical", "YB-0002"),
        ...issue("fund", "GJJ-0001"),
        { sub: "vehicle", action: "accept" },
        {
          sub: "vehicle",
          action: "refuse",
          input: { reason: "车辆存在未处理的违法记录，需先处理后再申请转移登记" },
        },
      ],
    },
    {
      start: {
        bundleId: "after-death",
        applicant: { name: "陈静", phone: "13500006666" },
        regionCode: REGION,
        values: { ...deathValues, "deceased-name": "陈长海" },
        materials: ["agent-id", "kinship", "bank-card"],
      },
      daysAgo: 4,
      steps: [
        { case: "accept" },
        ...issue("death-cert", "SW-0002"),
        { sub: "cremation", action: "accept" },
        { sub: "hukou-cancel", action: "accept" },
      ],
    },
    {
      start: {
        bundleId: "retirement",
        applicant: { name: "刘建国", phone: "13700003333" },
        regionCode: REGION,
        values: retireValues,
        materials: ["id-card", "bank-card"],
      },
      daysAgo: 2,
      steps: [],
    },
    {
      start: {
        bundleId: "retirement",
        applicant: { name: "周敏", phone: "13700007777" },
        regionCode: REGION,
        values: { ...retireValues, name: "周敏" },
        materials: ["id-card", "bank-card"],
      },
      daysAgo: 9,
      steps: [
        { case: "accept" },
        { sub: "approval", action: "accept" },
        { case: "withdraw", reason: "申请人决定延迟退休，撤回申请" },
      ],
    },
    {
      start: {
        bundleId: "enterprise-change",
        applicant: { name: "吴刚", phone: "13600004444", uscc: "91210102MA0TEST02X" },
        regionCode: REGION,
        values: changeValues,
        materials: ["change-application"],
      },
      daysAgo: 7,
      steps: [{ case: "reject", reason: "股东会决议缺失且无法容缺，请备齐后重新申请" }],
    },
    {
      start: {
        bundleId: "enterprise-change",
        applicant: { name: "吴刚", phone: "13600004444", uscc: "91210102MA0TEST02X" },
        regionCode: REGION,
        values: changeValues,
        materials: ["change-application", "resolution"],
      },
      daysAgo: 15,
      steps: [
        { case: "accept" },
        ...issue("licence-change", "YYZZ-0001"),
        ...issue("seal", "YZ-0001"),
        ...issue("social-insurance", "SBBG-0001"),
        ...issue("housing-fund", "GJJBG-0001"),
      ],
    },
  ];
}

/**
 * Seeds the sample bundles and, with `cases`, demo cases in every state, each moved through the
 * case engine (the same checks of state, version and role) by the people who would act: the
 * window starts and accepts, each sub-case's department handles it, with a back-dated clock.
 */
export async function seedBundles(
  ctx: AppContext,
  opts: { now?: Date; cases?: boolean } = {},
): Promise<{ bundles: string[]; cases: number }> {
  const bundles = await seedSampleBundles(ctx);
  if (opts.cases === false || bundles.length === 0) return { bundles, cases: 0 };
  const now = opts.now ?? ctx.clock.now();
  const clock = new FixedClock(now);
  const at: AppContext = { ...ctx, clock };
  const windowUser = actor("agent", null, "综合受理窗口（演示）");
  const handlers = new Map<string, AuthUser>();
  const handlerOf = (dep: string) => {
    const known = handlers.get(dep);
    if (known) return known;
    const u = actor("handler", dep, `${ctx.directory.departments.get(dep)?.name ?? dep}（演示）`);
    handlers.set(dep, u);
    return u;
  };
  let count = 0;
  for (const d of demoCases()) {
    const t = new Date(
      ctx.sla.calendar.addWorkingDays(new Date(now.getTime() - d.daysAgo * 86_400_000), 0).getTime() +
        9 * 3_600_000 -
        86_400_000,
    );
    clock.set(t < now ? t : new Date(now.getTime() - 3_600_000));
    let rec: CaseRecord = await ctx.db
      .transaction()
      .execute(async (tx) => (await startBundleCase(at, tx, windowUser, d.start)).rec);
    for (const step of d.steps) {
      const next = new Date(clock.now().getTime() + 2 * 3_600_000);
      clock.set(next < now ? next : now);
      rec = (await findCase(ctx.db, rec.id))!;
      if ("sub" in step) {
        const sub = rec.state.subcases.find((s) => s.id === step.sub)!;
        rec = await ctx.db.transaction().execute((tx) =>
          runCaseAction(at, tx, handlerOf(sub.departmentId), rec.id, {
            target: "subcase",
            subcaseId: sub.id,
            action: step.action,
            version: sub.version,
            input: step.input ?? {},
          }),
        );
      } else {
        const { case: action, ...input } = step;
        rec = await ctx.db
          .transaction()
          .execute((tx) =>
            runCaseAction(
              at,
              tx,
              windowUser,
              rec.id,
              { target: "case", action, version: rec.state.case.version, input },
              BUNDLE_CASE_HANDLERS,
            ),
          );
      }
    }
    count++;
  }
  return { bundles, cases: count };
}
