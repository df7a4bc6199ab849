import type { AppContext } from "../../app-context.ts";
import { mulberry32 } from "../../platform/seeded-random.ts";
import {
  type EnterpriseRecord,
  saveEnterprises,
  syntheticEnterprise,
  validateEnterprise,
} from "../enterprises/index.ts";
import { approveVersion } from "./approve-version.ts";
import { createVersion } from "./create-version.ts";
import { chinaToday } from "./matching.ts";
import { deliverOutbox } from "./outbox-delivery.job.ts";
import { previewVersion } from "./preview-version.ts";
import { publishVersion } from "./publish-version.ts";
import { SAMPLE_POLICIES } from "./samples.ts";
import { runTests } from "./test-version.ts";

const SYSTEM = { id: null, name: "示例数据 seeder" } as const;

/** Adds `n` synthetic enterprises (labelled, valid USCCs) in the directory's Liaoning districts. */
export async function seedSyntheticEnterprises(
  ctx: AppContext,
  n: number,
  opts: { seed?: number; onProgress?: (done: number) => void } = {},
): Promise<number> {
  const regions = [...ctx.directory.regions.values()].filter((r) => r.level === 3).map((r) => r.code);
  const cityNames = new Map(
    [...ctx.directory.regions.values()].filter((r) => r.level === 2).map((r) => [r.code, r.name]),
  );
  const rnd = mulberry32(opts.seed ?? 20250303);
  const evalDate = chinaToday(ctx);
  let done = 0;
  for (let i = 0; i < n; i += 1000) {
    const batch: EnterpriseRecord[] = [];
    for (let k = i; k < Math.min(n, i + 1000); k++) {
      const e = syntheticEnterprise(k + 1, rnd, regions, evalDate, cityNames);
      const { record, problems } = validateEnterprise({ ...e, synthetic: true }, ctx.directory);
      if (problems.length)
        throw new Error(`synthetic enterprise ${k + 1}: ${problems[0]?.field} ${problems[0]?.message}`);
      batch.push(record);
    }
    await ctx.db
      .transaction()
      .execute((tx) => saveEnterprises(ctx, tx, batch, { source: "synthetic", changedBy: SYSTEM.name }));
    done += batch.length;
    opts.onProgress?.(done);
  }
  return done;
}

/**
 * The 免申即享 demo content: `enterprises` synthetic enterprises and the sample policies, each
 * taken the officer's way (create → test → preview → approve → publish), so the ledger fills
 * with pending entitlements and the outbox with notices.
 */
export async function seedPolicies(
  ctx: AppContext,
  opts: { enterprises: number; onProgress?: (step: string, done: number, total: number) => void },
): Promise<{ enterprises: number; policies: number; entitlements: number }> {
  await seedSyntheticEnterprises(ctx, opts.enterprises, {
    onProgress: (d) => opts.onProgress?.("enterprises", d, opts.enterprises),
  });
  let entitlements = 0;
  for (const [i, s] of SAMPLE_POLICIES.entries()) {
    const { version } = await createVersion(ctx, SYSTEM, s.id, s.table);
    const report = await runTests(ctx, s.id, version);
    if (!report.passed) throw new Error(`sample policy ${s.id} fails its tests`);
    await previewVersion(ctx, s.id, version);
    await approveVersion(ctx, SYSTEM, s.id, version);
    entitlements += (await publishVersion(ctx, SYSTEM, s.id, version)).created;
    opts.onProgress?.("policies", i + 1, SAMPLE_POLICIES.length);
  }
  await deliverOutbox(ctx, undefined, 1_000_000);
  return { enterprises: opts.enterprises, policies: SAMPLE_POLICIES.length, entitlements };
}
