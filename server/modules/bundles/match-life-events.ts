import type { MatchesDto } from "../../../common/contracts/bundles.ts";
import type { Tx } from "../../storage/database.ts";
import { findVersion, listBundleRows } from "./bundles.repo.ts";

/**
 * Bundles whose life event the text reveals (a death in the family, a birth, opening a shop,
 * retirement …): each published bundle's keywords found in the text, most found first. The score
 * is the share of distinct keywords found, weighted so that one clear word is enough to show.
 */
export async function matchLifeEvents(db: Tx, text: string): Promise<MatchesDto> {
  const t = text.normalize("NFKC");
  const items: MatchesDto["items"] = [];
  for (const b of await listBundleRows(db)) {
    if (!b.publishedVersion) continue;
    const v = await findVersion(db, b.id, b.publishedVersion);
    if (!v) continue;
    const matched = [...new Set(v.definition.keywords)].filter((k) => t.includes(k.normalize("NFKC")));
    if (matched.length === 0) continue;
    items.push({
      bundleId: b.id,
      name: v.definition.name,
      score: Math.min(1, 0.5 + 0.25 * (matched.length - 1)),
      matched,
    });
  }
  items.sort(
    (a, b) =>
      b.score - a.score || b.matched.length - a.matched.length || a.bundleId.localeCompare(b.bundleId),
  );
  return { items };
}
