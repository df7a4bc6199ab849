/**
 * Hot spots as supervisors see them: the ranked list, and one hot spot with its appeals (for the
 * map and the trend line). Supervising one is {@link superviseHotspot} (`supervise-hotspot.ts`).
 */
import type { Hotspot, HotspotDetail, HotspotListQueryInput } from "../../../common/contracts/hotspots.ts";
import type { AppContext } from "../../app-context.ts";
import { badField, notFound } from "../../platform/errors.ts";
import { isUuid } from "../../platform/ids.ts";
import type { AuthUser } from "../users/auth-user.ts";
import { presentHotspot, presentHotspotDetail } from "./hotspot.presenter.ts";

/** `GET /api/v1/hotspots`' filter. */
export type HotspotFilter = HotspotListQueryInput;

async function membersOf(ctx: AppContext, ids: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (!ids.length) return out;
  const rows = await ctx.db
    .selectFrom("hotspot_members as m")
    .innerJoin("appeals as a", "a.id", "m.appeal_id")
    .select(["m.hotspot_id", "m.appeal_id"])
    .where("m.hotspot_id", "in", ids)
    .orderBy("a.created_at")
    .execute();
  for (const r of rows) {
    const l = out.get(r.hotspot_id) ?? [];
    l.push(r.appeal_id);
    out.set(r.hotspot_id, l);
  }
  return out;
}

/** Hot spots overlapping [from, to], in a region (prefix), ranked by heat (open and supervised by default). */
export async function listHotspots(ctx: AppContext, user: AuthUser, f: HotspotFilter): Promise<Hotspot[]> {
  const from = f.from ? new Date(f.from) : null;
  const to = f.to ? new Date(f.to) : null;
  if (from && to && from > to) throw badField("querystring.from", "must not be after to");
  let q = ctx.db.selectFrom("hotspots").selectAll();
  q = f.status ? q.where("status", "=", f.status) : q.where("status", "in", ["open", "supervised"]);
  if (from) q = q.where("last_at", ">=", from);
  if (to) q = q.where("first_at", "<=", to);
  if (f.regionCode) q = q.where("region_code", "like", `${f.regionCode}%`);
  if (f.warning !== undefined) q = q.where("warning", "=", f.warning);
  const rows = await q
    .orderBy("heat", "desc")
    .orderBy("size", "desc")
    .orderBy("id")
    .limit(f.limit ?? 50)
    .execute();
  const members = await membersOf(
    ctx,
    rows.map((r) => r.id),
  );
  return rows.map((r) => presentHotspot(r, members.get(r.id) ?? [], user));
}

/** One hot spot with its appeals (number, title, status, place, coordinates for the map). */
export async function getHotspot(ctx: AppContext, user: AuthUser, id: string): Promise<HotspotDetail> {
  if (!isUuid(id)) throw notFound("hot spot", id);
  const row = await ctx.db.selectFrom("hotspots").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) throw notFound("hot spot", id);
  const appeals = await ctx.db
    .selectFrom("hotspot_members as m")
    .innerJoin("appeals as a", "a.id", "m.appeal_id")
    .select([
      "a.id",
      "a.ticket_no",
      "a.title",
      "a.status",
      "a.region_code",
      "a.lat",
      "a.lng",
      "a.created_at",
      "a.merged_into",
      "a.supervised",
    ])
    .where("m.hotspot_id", "=", id)
    .orderBy("a.created_at")
    .execute();
  return presentHotspotDetail(row, appeals, user);
}
