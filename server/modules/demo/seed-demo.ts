import type { AppealAction, Role } from "../../../common/appeal-state.ts";
import { stateProblem } from "../../../common/appeal-state.ts";
import type { AppContext } from "../../app-context.ts";
import type { Clock } from "../../platform/clock.ts";
import { newId, newSecret } from "../../platform/ids.ts";
import type { Tx } from "../../storage/database.ts";
import type { AppealRecord, EventActor } from "../appeals/appeal.repo.ts";
import { performAction } from "../appeals/perform-action.ts";
import { seedBundles } from "../bundles/index.ts";
import { seedHotspotBurst } from "../hotspots/demo-burst.ts";
import { runHotspotScan } from "../hotspots/hotspot-scan.job.ts";
import { receiveAppeal } from "../intake/receive-appeal.ts";
import { seedKnowledge, suggestForAppeal } from "../knowledge/index.ts";
import { runSlaSweep } from "../sla/sla-sweep.job.ts";
import type { AuthUser } from "../users/auth-user.ts";
import { hashPassword } from "../users/manage-users.ts";
import { composeDemoAppeals, type DemoAppeal } from "./compose-appeals.ts";

/** The demo's logins: printed once at first start. */
export interface DemoLogins {
  users: { username: string; role: Role; password: string; departmentId: string | null }[];
  handlerPassword: string;
  handlerCount: number;
  exampleHandlers: string[];
}

const HOUR = 3600_000;

/**
 * Fills an empty database with demo data: the demo users and about `count` appeals from the
 * project's own generator over the last 90 days, walked through the life cycle by `performAction`
 * with a back-dated clock (the same engine, handlers and role checks as the API), so every state,
 * metric and screen has content; then one SLA sweep.
 */
export async function seedDemo(
  ctx: AppContext,
  opts: {
    count?: number;
    seed?: number;
    password?: string | null;
    onProgress?: (done: number, total: number) => void;
  } = {},
): Promise<DemoLogins> {
  const now = ctx.clock.now();
  const count = opts.count ?? 5000;
  const categories = ctx.directory.categoryTree();
  const regions = [...ctx.directory.regions.values()].map((r) => ({
    code: r.code,
    name: r.name,
    parentCode: r.parentCode,
    level: r.level as 1 | 2 | 3,
  }));
  const demo = composeDemoAppeals({ count, seed: opts.seed ?? 12345, now, days: 90, categories, regions });
  const routes = ctx.directory.routes;

  const pw = (p: string | null | undefined) => p ?? newSecret(9);
  const staff: DemoLogins["users"] = [
    { username: "admin", role: "admin", password: pw(opts.password), departmentId: null },
    { username: "agent", role: "agent", password: pw(opts.password), departmentId: null },
    { username: "supervisor", role: "supervisor", password: pw(opts.password), departmentId: null },
    { username: "policy", role: "policy_officer", password: pw(opts.password), departmentId: null },
    // A second officer: a version one drafts, the other approves (双人复核).
    { username: "policy2", role: "policy_officer", password: pw(opts.password), departmentId: null },
  ];
  const names: Record<string, string> = {
    admin: "系统管理员",
    agent: "话务员小李",
    supervisor: "督办科张科长",
    policy: "政策专员刘老师",
    policy2: "政策专员王老师",
  };
  const handlerPassword = pw(opts.password);
  // argon2 hashes on libuv's thread pool: all at once rather than one after another.
  const [handlerHash, ...staffHashes] = await Promise.all(
    [handlerPassword, ...staff.map((u) => u.password)].map(hashPassword),
  );
  const ids = new Map(staff.map((u) => [u.username, newId()]));
  await ctx.db
    .insertInto("users")
    .values(
      staff.map((u, i) => ({
        id: ids.get(u.username)!,
        username: u.username,
        password_hash: staffHashes[i]!,
        name: names[u.username] ?? u.username,
        role: u.role,
        department_id: null,
        created_at: now,
      })),
    )
    .execute();
  const agent: AuthUser = {
    id: ids.get("agent")!,
    username: "agent",
    name: names.agent!,
    role: "agent",
    departmentId: null,
  };
  const supervisor: AuthUser = {
    id: ids.get("supervisor")!,
    username: "supervisor",
    name: names.supervisor!,
    role: "supervisor",
    departmentId: null,
  };

  // Route every demo appeal first, so there is one handler per department the demo uses.
  const routed = demo.map((d) => ({
    d,
    dep: routes.lookup(d.categoryCode, d.location.regionCode)?.departmentId ?? null,
  }));
  const deps = [...new Set(routed.map((r) => r.dep).filter((x): x is string => !!x))].sort();
  const handlers = new Map<string, AuthUser>(
    deps.map((dep) => [
      dep,
      {
        id: newId(),
        username: `h-${dep}`,
        name: `${ctx.directory.departments.get(dep)?.name ?? dep}承办员`,
        role: "handler",
        departmentId: dep,
      },
    ]),
  );
  if (handlers.size) {
    await ctx.db
      .insertInto("users")
      .values(
        [...handlers.values()].map((h) => ({
          id: h.id,
          username: h.username,
          password_hash: handlerHash!,
          name: h.name,
          role: "handler",
          department_id: h.departmentId,
          created_at: now,
        })),
      )
      .execute();
  }

  // The knowledge base first: consults answered on the spot name the article that answered them.
  await seedKnowledge(ctx);
  const articleFor = new Map<number, string>();
  for (const [i, { d }] of routed.entries()) {
    if (d.fate !== "answered_directly") continue;
    const [hit] = await suggestForAppeal(
      ctx,
      { text: `${d.title}\n${d.body}`, regionCode: d.location.regionCode },
      1,
    );
    if (hit) articleFor.set(i, hit.id);
  }

  const created: AppealRecord[] = [];
  // One transaction per batch of appeals: fewer commits, and a crash leaves whole appeals only.
  const BATCH = 100;
  for (let i = 0; i < routed.length; i += BATCH) {
    await ctx.db.transaction().execute(async (tx) => {
      for (const [j, { d, dep }] of routed.slice(i, i + BATCH).entries()) {
        const rec = await receiveAppeal(
          ctx,
          {
            kind: d.kind,
            channel: d.channel,
            urgency: d.urgency,
            title: d.title,
            body: d.body,
            citizen: { name: d.citizen.name, phone: d.citizen.phone, anonymous: d.citizen.anonymous },
            enterprise: d.enterprise,
            location: {
              regionCode: d.location.regionCode,
              address: d.location.address,
              lat: d.location.lat,
              lng: d.location.lng,
            },
            categoryCode: d.categoryCode,
            businessEnvironment: d.businessEnvironment,
          },
          { actor: actorOf(agent), receivedAt: d.receivedAt, autoDispatch: false },
          tx,
        );
        const master = d.duplicateOfIndex != null ? created[d.duplicateOfIndex] : undefined;
        const handler = dep ? handlers.get(dep) : undefined;
        created[i + j] = await walk(ctx, tx, rec, d, {
          agent,
          supervisor,
          handler,
          dep,
          master,
          now,
          articleId: articleFor.get(i + j),
        });
      }
    });
    opts.onProgress?.(Math.min(i + BATCH, routed.length), routed.length);
  }
  await runSlaSweep(ctx, now);
  // A burst of one matter in one street over the last day (停水 in 和平区), so the supervisor's
  // hot-spot screen shows an early warning (小苗头) on first start.
  await seedHotspotBurst(ctx, { now, actor: actorOf(agent), categoryCode: "010216" });
  await runHotspotScan(ctx, now);
  // 一件事一次办: the sample bundles and demo cases in every state, moved through the case engine.
  await seedBundles(ctx, { now });
  return {
    users: staff,
    handlerPassword,
    handlerCount: handlers.size,
    exampleHandlers: [...handlers.keys()].slice(0, 3).map((d) => `h-${d}`),
  };
}

const actorOf = (u: AuthUser): EventActor => ({ id: u.id, name: u.name, role: u.role });

/** Walks one demo appeal as far as its fate says, with plausible times that never pass `now`. */
async function walk(
  ctx: AppContext,
  tx: Tx,
  rec: AppealRecord,
  d: DemoAppeal,
  p: {
    agent: AuthUser;
    supervisor: AuthUser;
    handler: AuthUser | undefined;
    dep: string | null;
    master: AppealRecord | undefined;
    now: Date;
    /** The knowledge article a direct answer came from. */
    articleId?: string;
  },
): Promise<AppealRecord> {
  let t = d.receivedAt.getTime();
  // The engine reads the time from the context's clock: back-dated to each step's moment.
  const clock: Clock = { now: () => new Date(t) };
  const atStep = { ...ctx, clock };
  const step = async (
    action: AppealAction,
    user: AuthUser,
    input: Record<string, unknown>,
    afterMs: number,
  ) => {
    const at = Math.min(t + afterMs, p.now.getTime() - 60_000);
    // A step the appeal's state does not allow (or one that would pass `now`) is skipped, not an error.
    if (at < t || stateProblem(rec, action, false) !== null) return false;
    t = at;
    rec = await performAction(atStep, user, rec.id, action, { ...input, version: rec.version }, { tx });
    return true;
  };
  const rnd = (seedish: number) =>
    ((rec.ticketNo.charCodeAt(rec.ticketNo.length - 1) * 7919 + seedish * 104729) % 1000) / 1000;
  const fate = d.fate;
  if (fate === "received") return rec;
  if (fate === "answered_directly") {
    const source = p.articleId ? { articleId: p.articleId } : {};
    await step("answer-directly", p.agent, { text: d.replyText, ...source }, 5 * 60_000);
    return rec;
  }
  if (fate === "merged" && p.master && p.master.status !== "closed" && !p.master.mergedInto) {
    await step("merge", p.supervisor, { intoId: p.master.id }, 2 * HOUR);
    return rec;
  }
  if (!p.dep || !p.handler) return rec;
  await step(
    "dispatch",
    p.agent,
    { leadDepartmentId: p.dep, categoryCode: rec.categoryCode },
    (10 + 50 * rnd(1)) * 60_000,
  );
  if (fate === "dispatched") return rec;
  if (fate === "returned") {
    await step("return", p.handler, { reason: "不属于本单位职责范围，请重新派单。" }, 4 * HOUR);
    return rec;
  }
  // Most departments sign within hours; some late (overdue sign in the metrics).
  await step("sign", p.handler, {}, (1 + 30 * rnd(2) ** 3) * HOUR);
  if (fate === "signed") return rec;
  if (fate === "extension_requested") {
    await step(
      "request-extension",
      p.handler,
      { days: 5, reason: "需要协调多个部门现场核查，申请延期。" },
      2 * 24 * HOUR,
    );
    if (rnd(3) < 0.5) await step("approve-extension", p.supervisor, {}, 4 * HOUR);
    return rec;
  }
  // Replies spread over 1–14 days: most on time, a tail late (on-time rate below 100 %).
  await step(
    "reply",
    p.handler,
    { text: d.replyText, outcome: d.replyOutcome },
    (24 + 13 * 24 * rnd(4) ** 2) * HOUR,
  );
  if (fate === "replied") return rec;
  if (fate === "reopened") {
    await step(
      "callback",
      p.agent,
      { satisfaction: "unsatisfied", resolved: false, note: "市民表示问题仍未解决" },
      30 * HOUR,
    );
    return rec;
  }
  if (fate === "closed_unsatisfied_then_closed") {
    await step(
      "callback",
      p.agent,
      { satisfaction: "unsatisfied", resolved: false, note: "市民表示问题仍未解决" },
      30 * HOUR,
    );
    await step("sign", p.handler, {}, 2 * HOUR);
    await step(
      "reply",
      p.handler,
      { text: `再次核查后答复：${d.replyText}`, outcome: "resolved" },
      3 * 24 * HOUR,
    );
    await step("callback", p.agent, { satisfaction: "basically", resolved: true, note: null }, 24 * HOUR);
    return rec;
  }
  await step(
    "callback",
    p.agent,
    { satisfaction: d.satisfaction, resolved: d.callbackResolved, note: null },
    (20 + 30 * rnd(5)) * HOUR,
  );
  return rec;
}
