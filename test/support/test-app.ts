import type { FastifyInstance } from "fastify";
import type { Role } from "../../common/appeal-state.ts";
import type { AppContext } from "../../server/app-context.ts";
import { openContext } from "../../server/bootstrap.ts";
import { buildApp } from "../../server/http/app.ts";
import { createUser } from "../../server/modules/users/manage-users.ts";
import { FixedClock } from "../../server/platform/clock.ts";
import type { Storage, StorageTarget } from "../../server/storage/connect.ts";

/** A frozen Monday morning in China: 2025-03-03 09:00 +08:00. */
export const T0 = "2025-03-03T01:00:00.000Z";
export const PASSWORD = "test-password-1";

/** Departments the factories use: Shenyang's housing bureau, a Shenyang district, Dalian's housing bureau. */
export const DEP = {
  housing: "c2101-housing",
  district: "g210102",
  dalianHousing: "c2102-housing",
  cityOffice: "c2101-office",
};

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  storage: Storage;
  clock: FixedClock;
  tokens: Record<
    "admin" | "agent" | "supervisor" | "handler" | "handler2" | "cityHandler" | "policy" | "policy2",
    string
  >;
  close(): Promise<void>;
  /** `app.inject` with a user's bearer token and JSON. */
  call(
    who: keyof TestApp["tokens"] | null,
    method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE",
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; json: any; headers: Record<string, unknown> }>;
}

/** A fresh platform on embedded PGlite in memory (or the given target), with one user per role. */
export async function startTestApp(target: StorageTarget = { memory: true }): Promise<TestApp> {
  const clock = new FixedClock(T0);
  const { ctx, storage } = await openContext(target, clock);
  const app = await buildApp(ctx);
  const users: [keyof TestApp["tokens"], Role, string | null][] = [
    ["admin", "admin", null],
    ["agent", "agent", null],
    ["supervisor", "supervisor", null],
    ["handler", "handler", DEP.housing],
    ["handler2", "handler", DEP.dalianHousing],
    ["cityHandler", "handler", DEP.cityOffice],
    ["policy", "policy_officer", null],
    ["policy2", "policy_officer", null],
  ];
  const tokens = {} as TestApp["tokens"];
  for (const [key, role, dep] of users) {
    await createUser(ctx, {
      username: `t-${key}`,
      password: PASSWORD,
      name: `测试${key}`,
      role,
      departmentId: dep,
    });
    const res = await app.inject({
      method: "POST",
      url: "/api/v1/session",
      payload: { username: `t-${key}`, password: PASSWORD },
    });
    tokens[key] = res.json().token;
  }
  const call: TestApp["call"] = async (who, method, url, body, headers = {}) => {
    const res = await app.inject({
      method,
      url,
      ...(body !== undefined ? { payload: body as object } : {}),
      headers: { ...(who ? { authorization: `Bearer ${tokens[who]}` } : {}), ...headers },
    });
    let json: unknown = null;
    try {
      json = res.body ? JSON.parse(res.body) : null;
    } catch {
      json = res.body;
    }
    return { status: res.statusCode, json, headers: res.headers };
  };
  return {
    app,
    ctx,
    storage,
    clock,
    tokens,
    call,
    close: async () => {
      await app.close();
      await storage.close();
    },
  };
}

/** A valid appeal body; override what a test cares about. */
export function appealBody(over: Record<string, unknown> = {}) {
  return {
    kind: "complaint",
    title: "小区供暖温度不达标",
    body: "和平区幸福里小区3号楼室内温度只有14度，已经持续一周，请尽快处理。",
    citizen: { name: "王建国", phone: "13812345678" },
    location: { regionCode: "210102", address: "和平区幸福里小区3号楼" },
    categoryCode: firstLeaf,
    ...over,
  };
}

/** A leaf category of the seed (城乡建设 › 安全生产 › 事故处理), good for any test. */
export const firstLeaf = "010101";
