/**
 * Learning from corrections at once (纠错即学): a return (退单), a transfer (转派) or an agent's
 * change of the suggested category is a labelled example the moment it happens. Until the next
 * retrain folds it into the model, this layer remembers the corrected texts (the last few days),
 * and a new text much like one of them (character-bigram Jaccard ≥ 0.4) has its scores moved: the
 * right label up, the wrong one down — so the same mistake is not made for the rest of the day.
 *
 * The corrections are read from what the appeals and their events already record (no hook in the
 * dispatch handlers): `RoutingModels.refresh`, every minute in each process, calls `catchUp`.
 */
import { sql } from "kysely";
import { foldText } from "../../platform/chinese-text.ts";
import { jaccard, maskAndStrip, shingleSet, signature } from "../../platform/minhash.ts";
import type { Db, Tx } from "../../storage/database.ts";
import type { ModelTarget } from "./routing-models.ts";

/** One correction: the text, the label it should have had, the label(s) it should not have had. */
export interface Correction {
  /** The appeal it came from (a later correction of the same appeal replaces it). */
  key: string;
  text: string;
  right: string | null;
  wrong: readonly string[];
}

interface Held extends Correction {
  sig: Uint8Array;
  set: Uint32Array;
}

/** Jaccard of character bigrams from which a correction applies. */
export const SIMILAR = 0.4;
/** Corrections kept per target (the newest). */
const MAX_HELD = 3000;
/** How far back corrections are read (appeals received in the last days). */
const LOOKBACK_MS = 3 * 24 * 3600 * 1000;

/** Share of equal signature bins from which the exact Jaccard is worth computing. */
const PREFILTER = 0.25;

function prepare(text: string): { sig: Uint8Array | null; set: Uint32Array } {
  const t = maskAndStrip(foldText(text));
  return { sig: signature(t), set: shingleSet(t) };
}

/**
 * The model's label for a corrected label: itself, or the longest label it lies under (a model of
 * level-1 categories learns "01" from a correction to the leaf "010208"); −1 when none.
 */
function labelIndex(labels: readonly string[], label: string): number {
  const exact = labels.indexOf(label);
  if (exact >= 0) return exact;
  let best = -1;
  for (let c = 0; c < labels.length; c++)
    if (label.startsWith(labels[c]!) && (best < 0 || labels[c]!.length > labels[best]!.length)) best = c;
  return best;
}

export class CorrectionLayer {
  private held: Record<ModelTarget, Map<string, Held>> = { category: new Map(), department: new Map() };
  /** Appeals updated up to here have been read. */
  private readUpTo: Date | null = null;

  /** How many corrections are held for a target. */
  size(target: ModelTarget): number {
    return this.held[target].size;
  }

  /** Remembers a correction (replacing an earlier one of the same key). */
  add(target: ModelTarget, c: Correction): void {
    const { sig, set } = prepare(c.text);
    if (!sig || (c.right === null && c.wrong.length === 0)) return;
    const map = this.held[target];
    map.delete(c.key);
    map.set(c.key, { ...c, sig, set });
    if (map.size > MAX_HELD) map.delete(map.keys().next().value!);
  }

  /**
   * Moves `probs` (in `labels` order, in place) by the most similar held correction, if any is
   * similar enough: the right label gets a share α of the mass, the wrong ones lose the share α,
   * where α grows with the similarity (0.6 at 0.4, 0.9 from 0.7). Returns the similarity used, or 0.
   */
  adjust(target: ModelTarget, text: string, labels: readonly string[], probs: Float64Array): number {
    const map = this.held[target];
    if (map.size === 0) return 0;
    const { sig, set } = prepare(text);
    if (!sig) return 0;
    let best: Held | null = null;
    let bestJ = 0;
    for (const h of map.values()) {
      let same = 0;
      for (let b = 0; b < sig.length; b++) if (sig[b] === h.sig[b]) same++;
      if (same / sig.length < PREFILTER) continue;
      const j = jaccard(set, h.set);
      // Ties: the newer correction (later in the map) wins.
      if (j >= bestJ) {
        bestJ = j;
        best = h;
      }
    }
    if (!best || bestJ < SIMILAR) return 0;
    const alpha = Math.min(0.9, 0.6 + (bestJ - SIMILAR));
    for (const w of best.wrong) {
      const c = labelIndex(labels, w);
      if (c >= 0) probs[c]! *= 1 - alpha;
    }
    let sum = 0;
    for (const p of probs) sum += p;
    if (sum > 0) for (let c = 0; c < probs.length; c++) probs[c]! /= sum;
    const r = best.right === null ? -1 : labelIndex(labels, best.right);
    if (r >= 0) {
      for (let c = 0; c < probs.length; c++) probs[c]! *= 1 - alpha;
      probs[r]! += alpha;
    }
    return bestJ;
  }

  /**
   * Reads the corrections recorded since the last call: appeals received in the last three days
   * and changed since, that were returned or transferred (department: the final lead department
   * is right, the ones it was returned or transferred from are wrong) or whose category is not
   * under the suggested one (category: the final category is right, the suggestion wrong).
   */
  async catchUp(db: Db | Tx): Promise<number> {
    // "Now" is the newest appeal's receipt (the database's clock, not this machine's).
    const newest = await db
      .selectFrom("appeals")
      .select("created_at")
      .orderBy("created_at", "desc")
      .limit(1)
      .executeTakeFirst();
    if (!newest) return 0;
    const since = new Date(new Date(newest.created_at).getTime() - LOOKBACK_MS);
    const changedSince = this.readUpTo ?? since;
    const rows = await db
      .selectFrom("appeals")
      .select([
        "city_code",
        "id",
        "title",
        "body",
        "category_code",
        "lead_department_id",
        "return_count",
        "transfer_count",
        "updated_at",
        sql<string | null>`category_suggestions->0->>'code'`.as("suggested"),
      ])
      .where("created_at", ">=", since)
      .where("updated_at", ">", changedSince)
      .where("merged_into", "is", null)
      .where((eb) =>
        eb.or([
          eb("return_count", ">", 0),
          eb("transfer_count", ">", 0),
          sql<boolean>`not starts_with(coalesce(category_code, ''), coalesce(category_suggestions->0->>'code', coalesce(category_code, '')))`,
        ]),
      )
      .orderBy("updated_at")
      .limit(5000)
      .execute();
    let added = 0;
    let latest = changedSince;
    const moved = rows.filter((r) => r.return_count > 0 || r.transfer_count > 0);
    const wrongDepts = new Map<string, string[]>();
    if (moved.length > 0) {
      const events = await db
        .selectFrom("appeal_events")
        .select(["appeal_id", "type", "data"])
        .where(
          "appeal_id",
          "in",
          moved.map((r) => r.id),
        )
        .where("type", "in", ["returned", "transferred"])
        .execute();
      for (const e of events) {
        const d = e.data as { departmentId?: string | null; fromDepartmentId?: string | null };
        const wrong = e.type === "returned" ? d.departmentId : d.fromDepartmentId;
        if (wrong) wrongDepts.set(e.appeal_id, [...(wrongDepts.get(e.appeal_id) ?? []), wrong]);
      }
    }
    for (const r of rows) {
      const at = new Date(r.updated_at);
      if (at > latest) latest = at;
      const text = `${r.title}\n${r.body}`;
      const key = `${r.city_code}:${r.id}`;
      const wrong = (wrongDepts.get(r.id) ?? []).filter((d) => d !== r.lead_department_id);
      if (wrong.length > 0) {
        this.add("department", { key, text, right: r.lead_department_id, wrong });
        added++;
      }
      if (r.suggested && r.category_code && !r.category_code.startsWith(r.suggested)) {
        this.add("category", { key, text, right: r.category_code, wrong: [r.suggested] });
        added++;
      }
    }
    this.readUpTo = latest;
    return added;
  }
}
