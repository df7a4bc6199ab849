import type { SuperviseHotspotResultDto } from "../../../common/contracts/hotspots.ts";
import type { AppContext } from "../../app-context.ts";
import { conflict } from "../../platform/errors.ts";
import { rowToRecord } from "../appeals/appeal.repo.ts";
import { performAction } from "../appeals/perform-action.ts";
import type { AuthUser } from "../users/auth-user.ts";
import { getHotspot } from "./query-hotspots.ts";

/**
 * Supervise a hot spot (督办): every open, not-merged member appeal not yet supervised gets the
 * `supervise` action through {@link performAction} (role, state and version checks, its
 * `supervised` event), with a note naming the hot spot; the earliest such appeal is recorded as the
 * hot spot's master. Each appeal is its own transaction, like any action; one that moved meanwhile
 * is skipped and reported. The hot spot is marked supervised once at least one appeal was.
 */
export async function superviseHotspot(
  ctx: AppContext,
  user: AuthUser,
  id: string,
  note: string,
): Promise<SuperviseHotspotResultDto> {
  const spot = await getHotspot(ctx, user, id);
  if (spot.status === "expired")
    throw conflict("HOTSPOT_EXPIRED", "This hot spot is expired; a new scan lists the current ones.");
  const text = `热点督办 / hot spot ${spot.title.slice(0, 60)} (${spot.size}): ${note.trim()}`;
  const supervised: string[] = [];
  const skipped: { id: string; reason: string }[] = [];
  for (const a of spot.appeals) {
    if (a.status === "closed" || a.mergedInto) {
      skipped.push({ id: a.id, reason: a.status === "closed" ? "closed" : "merged into another appeal" });
      continue;
    }
    if (a.supervised) {
      supervised.push(a.id);
      continue;
    }
    const row = await ctx.db.selectFrom("appeals").selectAll().where("id", "=", a.id).executeTakeFirst();
    if (!row) continue;
    const rec = rowToRecord(row);
    try {
      await performAction(ctx, user, rec.id, "supervise", {
        version: rec.version,
        note: text.slice(0, 1000),
      });
      supervised.push(rec.id);
    } catch (e) {
      skipped.push({ id: rec.id, reason: (e as Error).message });
    }
  }
  if (!supervised.length) {
    throw conflict(
      "NOTHING_TO_SUPERVISE",
      "No appeal of this hot spot is open and unmerged, so there is nothing to supervise.",
      skipped,
    );
  }
  const master = supervised[0]!;
  const now = ctx.clock.now();
  await ctx.db
    .updateTable("hotspots")
    .set({ status: "supervised", supervised_appeal_id: master, supervised_by: user.id, supervised_at: now })
    .where("id", "=", id)
    .execute();
  return { hotspot: await getHotspot(ctx, user, id), supervised, skipped };
}
