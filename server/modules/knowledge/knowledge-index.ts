import { performance } from "node:perf_hooks";
import type { AppContext } from "../../app-context.ts";
import type { Db } from "../../storage/database.ts";
import { type Article, articlesChangedSince, toIndexed } from "./article.repo.ts";
import { KnowledgeIndex } from "./search-index.ts";

/**
 * The search index of one database, kept in this process. It is built from the table on first
 * use, brought up to date after every write made here, and otherwise re-synced at most every
 * {@link SYNC_EVERY_MS} by revision, so writes made by another server process show up within a
 * second or two. The knowledge base is at most tens of thousands of articles: it fits in memory,
 * and searching it there is what makes search-as-you-type cheap.
 */
interface IndexState {
  index: KnowledgeIndex;
  watermark: number;
  /** The revision last applied per article, archived ones included (they are not in the index). */
  revisions: Map<string, number>;
  syncedAt: number;
  queue: Promise<void>;
}

const SYNC_EVERY_MS = 1000;
/**
 * Revisions come from a sequence, so a transaction that took revision n may commit after one that
 * took n+1 and was already synced. Each sync therefore re-reads the ids and revisions of this
 * many revisions below the watermark (ids and numbers only) and loads the rows that differ.
 */
const OVERLAP = 200;
const CHUNK = 500;

const STATES = new WeakMap<Db, IndexState>();

/** The index of this context's database, up to date with its table (forced after a write). */
export async function knowledgeIndex(ctx: AppContext, force = false): Promise<KnowledgeIndex> {
  let state = STATES.get(ctx.db);
  if (!state) {
    state = {
      index: new KnowledgeIndex(),
      watermark: -1,
      revisions: new Map(),
      syncedAt: -Infinity,
      queue: Promise.resolve(),
    };
    STATES.set(ctx.db, state);
  }
  const s = state;
  const due = performance.now() - s.syncedAt > SYNC_EVERY_MS;
  if (force || s.watermark < 0) {
    // One sync at a time per index; a failed sync leaves the index as it was and retries next time.
    const run = s.queue.then(() => syncIndex(ctx.db, s));
    s.queue = run.catch(() => undefined);
    await run;
  } else if (due) {
    // Writes of other processes: searched for in the background, so a keystroke never waits on it.
    s.syncedAt = performance.now();
    s.queue = s.queue.then(() => syncIndex(ctx.db, s)).catch(() => undefined);
  }
  return s.index;
}

function apply(s: IndexState, a: Article): void {
  s.revisions.set(a.id, a.revision);
  // Archived articles leave the index: they are history, readable by id, never a search hit.
  if (a.status === "archived") s.index.remove(a.id);
  else s.index.upsert(toIndexed(a));
}

async function syncIndex(db: Db, s: IndexState): Promise<void> {
  const started = performance.now();
  if (s.watermark < 0) {
    const all = await articlesChangedSince(db, -1);
    for (const a of all) apply(s, a);
    s.watermark = all.reduce((m, a) => Math.max(m, a.revision), 0);
  } else {
    const rows = await db
      .selectFrom("knowledge_articles")
      .select((eb) => ["id", eb.cast<string>("revision", "text").as("rev")])
      .where("revision", ">", String(Math.max(0, s.watermark - OVERLAP)) as never)
      .execute();
    const changed = rows.filter((r) => s.revisions.get(r.id) !== Number(r.rev));
    for (let i = 0; i < changed.length; i += CHUNK) {
      const ids = changed.slice(i, i + CHUNK).map((r) => r.id);
      for (const a of await articlesChangedSince(db, 0, ids)) apply(s, a);
    }
    for (const r of rows) s.watermark = Math.max(s.watermark, Number(r.rev));
  }
  s.syncedAt = started;
}
