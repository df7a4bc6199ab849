/**
 * The near-duplicate index of recent appeals (并案 candidates at intake): one {@link NearDupIndex}
 * per database, in memory, holding the MinHash signatures of the appeals received in the last
 * `windowDays` (30 by default) with their city, district and time; appeal ids sit beside the slots
 * as four Uint32 words each (16 B, no string per entry).
 *
 * Kept current two ways: intake may call {@link noteAppealReceived} right after a receipt commits
 * (the new appeal is findable at once), and every lookup first catches up with the `appeals` table
 * (rows created since the last look, through the `appeals_created` index, with a minute of slack
 * for transactions that committed late), so appeals from other server instances, imports and the
 * portal are found too without any hook. Closed appeals stay in the index (hot spots count them);
 * the duplicates lookup drops them when it reads the shortlist's current rows.
 */
import type { AppContext } from "../../app-context.ts";
import { dedupText, jaccard, shingleSet, signature } from "../../platform/minhash.ts";
import type { Db } from "../../storage/database.ts";
import { dupWords, WordStats } from "./duplicate-score.ts";
import { type Candidate, NearDupIndex } from "./near-dup-index.ts";

const BATCH = 5000;
const SLACK_MS = 60_000;
/** Documents whose words are counted for the IDF (the first of the window, then every new one up to this). */
const WORD_DOCS = 200_000;
const WORD_DOCS_AT_LOAD = 20_000;

export interface AppealIndexOptions {
  windowDays: number;
}

/** What the index needs of an appeal. */
export interface IndexableAppeal {
  id: string;
  title: string;
  body: string;
  regionCode: string | null;
  createdAt: string | Date;
}

const uuidWords = (id: string, out: Uint32Array, at: number) => {
  const hex = id.replaceAll("-", "");
  for (let i = 0; i < 4; i++) out[at + i] = Number.parseInt(hex.slice(i * 8, i * 8 + 8), 16) >>> 0;
};
const wordsUuid = (w: Uint32Array, at: number) => {
  const hex = [0, 1, 2, 3].map((i) => w[at + i]!.toString(16).padStart(8, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

/** The city number (4 digits; 2100 for province level or unknown) and district (6 digits or 0). */
export function placeOf(regionCode: string | null): { city: number; district: number } {
  const city = regionCode && regionCode.length >= 4 ? Number(regionCode.slice(0, 4)) : 2100;
  const district = regionCode && regionCode.length === 6 ? Number(regionCode) : 0;
  return { city, district };
}

export class AppealIndex {
  index = new NearDupIndex();
  /** Document frequencies of words (the IDF of the duplicate score's TF-IDF vectors). */
  words = new WordStats();
  private loading = false;
  private ids = new Uint32Array(4 * 1024);
  /** Ids added since the watermark's slack began: catch-up skips them. */
  private recent = new Map<string, number>();
  private watermark = 0;
  private built = false;
  private building: Promise<void> | null = null;

  constructor(
    private readonly db: Db,
    readonly options: AppealIndexOptions = { windowDays: 30 },
  ) {}

  get size(): number {
    return this.index.size;
  }
  /** Bytes of the index's typed arrays and the id words. */
  get bytes(): number {
    return this.index.bytes + this.ids.byteLength;
  }

  /** Adds an appeal (idempotent for appeals added within the last minutes). */
  add(a: IndexableAppeal): number | null {
    if (this.recent.has(a.id)) return this.recent.get(a.id)!;
    const sig = signature(dedupText(a.title, a.body));
    const t = new Date(a.createdAt).getTime();
    if (!sig) return null;
    if (this.words.docs < (this.loading ? WORD_DOCS_AT_LOAD : WORD_DOCS))
      this.words.addDocument(dupWords(a.title, a.body));
    const slot = this.index.add(sig, { ...placeOf(a.regionCode), minute: Math.floor(t / 60_000) });
    if ((slot + 1) * 4 > this.ids.length) {
      const grown = new Uint32Array(this.ids.length * 2);
      grown.set(this.ids);
      this.ids = grown;
    }
    uuidWords(a.id, this.ids, slot * 4);
    this.recent.set(a.id, slot);
    if (t > this.watermark) this.watermark = t;
    return slot;
  }

  idOf(slot: number): string {
    return wordsUuid(this.ids, slot * 4);
  }

  /**
   * Loads the window from the database (first use), then new rows since the last look. `db` is the
   * executor to read with: intake passes its transaction (an embedded database has one connection).
   */
  async sync(now: Date, db: Db = this.db): Promise<void> {
    if (!this.built) {
      this.building ??= this.load(now, db).then(() => {
        this.built = true;
      });
      await this.building;
      return;
    }
    await this.catchUp(now, db);
  }

  private async load(now: Date, db: Db): Promise<void> {
    this.loading = true;
    try {
      await this.loadWindow(now, db);
    } finally {
      this.loading = false;
    }
  }

  private async loadWindow(now: Date, db: Db): Promise<void> {
    const from = new Date(now.getTime() - this.options.windowDays * 86400_000);
    // Sized once for the window and a fifth more, instead of doubling past it (3 M → 4 M slots).
    const { n } = await db
      .selectFrom("appeals")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("created_at", ">=", from)
      .executeTakeFirstOrThrow();
    const expected = Number(n);
    if (this.index.slots === 0) {
      this.index = new NearDupIndex(
        { bucketBits: expected > 1_000_000 ? 23 : 22 },
        Math.ceil(expected * 1.2),
      );
      this.ids = new Uint32Array(Math.max(4 * 1024, Math.ceil(expected * 1.2) * 4));
    }
    let cursor: { t: Date; id: string } | null = null;
    for (;;) {
      let q = db
        .selectFrom("appeals")
        .select(["id", "title", "body", "region_code", "created_at"])
        .where("created_at", ">=", from)
        .orderBy("created_at")
        .orderBy("id")
        .limit(BATCH);
      if (cursor) {
        const c = cursor;
        q = q.where((eb) =>
          eb.or([eb("created_at", ">", c.t), eb.and([eb("created_at", "=", c.t), eb("id", ">", c.id)])]),
        );
      }
      const rows = await q.execute();
      for (const r of rows) {
        this.add({
          id: r.id,
          title: r.title,
          body: r.body,
          regionCode: r.region_code,
          createdAt: r.created_at,
        });
      }
      const last = rows.at(-1);
      if (!last || rows.length < BATCH) break;
      cursor = { t: new Date(last.created_at), id: last.id };
    }
    this.trimRecent();
  }

  private async catchUp(now: Date, db: Db): Promise<void> {
    const since = new Date(Math.max(0, this.watermark - SLACK_MS));
    const rows = await db
      .selectFrom("appeals")
      .select(["id", "title", "body", "region_code", "created_at"])
      .where("created_at", ">=", since)
      .orderBy("created_at")
      .limit(50_000)
      .execute();
    for (const r of rows) {
      this.add({
        id: r.id,
        title: r.title,
        body: r.body,
        regionCode: r.region_code,
        createdAt: r.created_at,
      });
    }
    this.trimRecent();
    const oldest = Math.floor((now.getTime() - this.options.windowDays * 86400_000) / 60_000);
    this.index.expireBefore(oldest);
    if (this.index.deadCount > 10_000 && this.index.deadCount > this.index.size / 4) this.compact();
  }

  /** Forgets the "recently added" ids that fell out of the catch-up slack. */
  private trimRecent(): void {
    if (this.recent.size < 1000) return;
    const minMinute = Math.floor((this.watermark - 2 * SLACK_MS) / 60_000);
    for (const [id, slot] of this.recent) {
      if (this.index.metaOf(slot).minute < minMinute) this.recent.delete(id);
    }
  }

  private compact(): void {
    const map = this.index.compact();
    const ids = new Uint32Array(Math.max(4 * 1024, this.index.slots * 4 + 4));
    for (let s = 0; s < map.length; s++) {
      const n = map[s]!;
      if (n >= 0) ids.set(this.ids.subarray(s * 4, s * 4 + 4), n * 4);
    }
    this.ids = ids;
    for (const [id, slot] of this.recent) {
      const n = map[slot] ?? -1;
      if (n >= 0) this.recent.set(id, n);
      else this.recent.delete(id);
    }
  }

  /**
   * Appeals like this text in the same city (or district) received within the window, by estimated
   * Jaccard; the caller refines the shortlist with {@link refine}.
   */
  candidates(
    text: { title: string; body: string },
    regionCode: string | null,
    opts: { now: Date; sameDistrict?: boolean; excludeId?: string; limit?: number; minEstimate?: number },
  ): { id: string; estimate: number }[] {
    const sig = signature(dedupText(text.title, text.body));
    if (!sig) return [];
    const { city, district } = placeOf(regionCode);
    const fromMinute = Math.floor((opts.now.getTime() - this.options.windowDays * 86400_000) / 60_000);
    const exclude = opts.excludeId !== undefined ? this.recent.get(opts.excludeId) : undefined;
    const found: Candidate[] = this.index.lookup(
      sig,
      {
        city,
        fromMinute,
        ...(opts.sameDistrict && district ? { district } : {}),
        ...(exclude !== undefined ? { exclude } : {}),
      },
      opts.minEstimate ?? 0.2,
      (opts.limit ?? 20) * 2,
    );
    return found
      .map((c) => ({ id: this.idOf(c.slot), estimate: c.estimate }))
      .filter((c) => c.id !== opts.excludeId);
  }
}

/** The exact Jaccard of two appeals' texts, as the duplicates score. */
export function exactSimilarity(
  a: { title: string; body: string },
  b: { title: string; body: string },
): number {
  return jaccard(shingleSet(dedupText(a.title, a.body)), shingleSet(dedupText(b.title, b.body)));
}

const INDEXES = new WeakMap<Db, AppealIndex>();

/**
 * The index of this context's database, created on first use (no field on AppContext needed). Call
 * `await appealIndexOf(ctx).sync(ctx.clock.now())` at start to build it before the first request.
 */
export function appealIndexOf(ctx: Pick<AppContext, "db">): AppealIndex {
  let idx = INDEXES.get(ctx.db);
  if (!idx) {
    idx = new AppealIndex(ctx.db);
    INDEXES.set(ctx.db, idx);
  }
  return idx;
}

/**
 * For intake, right after a receipt committed: makes the new appeal findable at once (the next
 * lookup would find it anyway). Never throws: the index is an aid, not part of the receipt.
 */
export function noteAppealReceived(ctx: Pick<AppContext, "db">, appeal: IndexableAppeal): void {
  try {
    const idx = INDEXES.get(ctx.db);
    if (idx) idx.add(appeal);
  } catch {
    // The next lookup's catch-up adds it.
  }
}
