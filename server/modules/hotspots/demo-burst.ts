/**
 * Demo content for hot spots (小苗头): a burst of similar appeals in one street within the last
 * day — a water cut on one road of Shenyang's Heping district, told by ten different callers in
 * their own words — so that the first `hotspot-scan` of a demo shows an early warning. Texts are
 * the project's own.
 */
import type { AppContext } from "../../app-context.ts";
import type { EventActor } from "../appeals/appeal.repo.ts";
import { receiveAppeal } from "../intake/receive-appeal.ts";

const OPENINGS = ["", "您好，", "反映一下，", "市民来电：", "再次反映，"];
const BODIES = [
  "南京南街{n}号楼从昨天下午开始停水，一直没有通知，家里老人做饭都没水，请自来水公司尽快处理。",
  "南京南街{n}号楼突然停水，没有任何通知，到现在还没来水，请自来水公司尽快处理。",
  "反映南京南街{n}号楼停水问题，从昨天开始没水，也没有提前通知，请尽快恢复供水。",
  "南京南街{n}号楼停水快一天了，物业说不清楚原因，孩子上学洗漱都成问题，请自来水公司处理。",
];
const HOUR = 3600_000;

/**
 * Receives `count` (default 10) water-cut appeals in 和平区 (210102) spread over the `hours` (20)
 * before `now`, each from its own caller. Returns their ids. Category: the given leaf (the caller
 * picks one of its catalog, e.g. the demo's water-supply leaf), or none.
 */
export async function seedHotspotBurst(
  ctx: AppContext,
  opts: { now: Date; actor: EventActor; categoryCode?: string | null; count?: number; hours?: number },
): Promise<string[]> {
  const count = opts.count ?? 10;
  const hours = opts.hours ?? 20;
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const body =
      OPENINGS[i % OPENINGS.length]! + BODIES[i % BODIES.length]!.replace("{n}", String(20 + (i % 7)));
    const rec = await receiveAppeal(
      ctx,
      {
        kind: "complaint",
        title: i % 2 ? "南京南街停水" : "南京南街停水无通知",
        body,
        citizen: { name: `市民${i + 1}`, phone: `1380024${String(1000 + i).padStart(4, "0")}` },
        location: { regionCode: "210102", address: `和平区南京南街${20 + (i % 7)}号楼` },
        ...(opts.categoryCode ? { categoryCode: opts.categoryCode } : {}),
      } as Parameters<typeof receiveAppeal>[1],
      { actor: opts.actor, receivedAt: new Date(opts.now.getTime() - ((count - i) * hours * HOUR) / count) },
    );
    ids.push(rec.id);
  }
  return ids;
}
