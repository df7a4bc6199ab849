import { sql } from "kysely";
import {
  type CreateArticleInput,
  MAX_ARTICLE_BODY_BYTES,
  type PatchArticleInput,
} from "../../../common/contracts/knowledge.ts";
import type { AppContext } from "../../app-context.ts";
import { chinaDate } from "../../platform/china-time.ts";
import { badInput, conflict, type FieldProblem, forbidden, notFound } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import type { Tx } from "../../storage/database.ts";
import type { AuthUser } from "../users/auth-user.ts";
import { type Article, type ArticleStatus, findArticle } from "./article.repo.ts";
import { canEditArticle } from "./knowledge.policy.ts";
import { knowledgeIndex } from "./knowledge-index.ts";
import { bodyText, cleanTitle, sanitizeBody } from "./sanitize-article.ts";

/** The fields of an article after validation: what is stored. */
export interface ArticleFields {
  title: string;
  body: string;
  bodyText: string;
  categoryCodes: string[];
  regionCodes: string[];
  departmentId: string;
  source: { title: string | null; url: string | null; number: string | null };
  effectiveFrom: string;
  effectiveTo: string | null;
  reviewBy: string | null;
  status: ArticleStatus;
  sample: boolean;
}

/** Who writes: a user, or the system (seeding, with no user). */
export interface Editor {
  id: string | null;
  name: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function validDate(s: string): boolean {
  if (!DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/**
 * Checks and cleans an article's fields against the catalog. Every problem is collected and
 * named by its field (`prefix` + name, e.g. `body.title` or `row 3 column 标题`).
 */
export function checkArticle(
  ctx: AppContext,
  raw: {
    title: string;
    body: string;
    categoryCodes: string[];
    regionCodes: string[];
    departmentId: string;
    source: { title?: string | null; url?: string | null; number?: string | null } | null;
    effectiveFrom: string;
    effectiveTo: string | null;
    reviewBy: string | null;
    status: string;
    sample: boolean;
  },
  field: (name: string) => string = (n) => `body.${n}`,
): { fields: ArticleFields | null; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const bad = (name: string, message: string) => problems.push({ field: field(name), message });
  const title = cleanTitle(raw.title);
  if (!title) bad("title", "must not be empty");
  else if (title.length > 200) bad("title", "must be at most 200 characters");
  let body = "";
  let text = "";
  if (Buffer.byteLength(raw.body, "utf8") > MAX_ARTICLE_BODY_BYTES) {
    bad("body", `is larger than ${MAX_ARTICLE_BODY_BYTES / 1024} KB; split the article`);
  } else {
    body = sanitizeBody(raw.body);
    text = bodyText(body);
    if (!text) bad("body", "must contain some text (markup alone, or only removed markup, is empty)");
  }
  const categoryCodes = [...new Set(raw.categoryCodes)];
  for (const c of categoryCodes)
    if (!ctx.directory.categories.has(c)) bad("categoryCodes", `unknown category ${c}`);
  const regionCodes = [...new Set(raw.regionCodes)];
  for (const r of regionCodes) if (!ctx.directory.regions.has(r)) bad("regionCodes", `unknown region ${r}`);
  const dep = ctx.directory.departments.get(raw.departmentId);
  if (!dep) bad("departmentId", `unknown department ${raw.departmentId}`);
  else if (dep.disabled) bad("departmentId", `department ${raw.departmentId} is disabled`);
  const src = {
    title: raw.source?.title?.trim() || null,
    url: raw.source?.url?.trim() || null,
    number: raw.source?.number?.trim() || null,
  };
  if (src.url && !/^https?:\/\/[^\s/]+\S*$/i.test(src.url))
    bad("source.url", "must be an http or https address");
  for (const [name, v] of [
    ["effectiveFrom", raw.effectiveFrom],
    ["effectiveTo", raw.effectiveTo],
    ["reviewBy", raw.reviewBy],
  ] as const) {
    if (v !== null && !validDate(v)) bad(name, "must be a date YYYY-MM-DD");
  }
  if (raw.effectiveTo && raw.effectiveTo < raw.effectiveFrom)
    bad("effectiveTo", "must not be before effectiveFrom");
  if (!["draft", "published", "archived"].includes(raw.status))
    bad("status", "must be draft, published or archived");
  if (problems.length) return { fields: null, problems };
  return {
    fields: {
      title,
      body,
      bodyText: text,
      categoryCodes,
      regionCodes,
      departmentId: raw.departmentId,
      source: src,
      effectiveFrom: raw.effectiveFrom,
      effectiveTo: raw.effectiveTo,
      reviewBy: raw.reviewBy,
      status: raw.status as ArticleStatus,
      sample: raw.sample,
    },
    problems,
  };
}

function columns(f: ArticleFields) {
  return {
    status: f.status,
    title: f.title,
    body: f.body,
    body_text: f.bodyText,
    category_codes: f.categoryCodes,
    region_codes: f.regionCodes,
    department_id: f.departmentId,
    source_title: f.source.title,
    source_url: f.source.url,
    source_number: f.source.number,
    effective_from: f.effectiveFrom,
    effective_to: f.effectiveTo,
    review_by: f.reviewBy,
    sample: f.sample,
  };
}

/** Appends the version row: the history of an article, written with every change. */
async function appendVersion(
  tx: Tx,
  id: string,
  version: number,
  f: ArticleFields,
  editor: Editor,
  at: Date,
) {
  const meta = {
    categoryCodes: f.categoryCodes,
    regionCodes: f.regionCodes,
    departmentId: f.departmentId,
    source: f.source,
    effectiveFrom: f.effectiveFrom,
    effectiveTo: f.effectiveTo,
    reviewBy: f.reviewBy,
    sample: f.sample,
  };
  await tx
    .insertInto("knowledge_article_versions")
    .values({
      article_id: id,
      version,
      status: f.status,
      title: f.title,
      body: f.body,
      meta: JSON.stringify(meta),
      editor_id: editor.id,
      editor_name: editor.name,
      at,
    })
    .execute();
}

/**
 * Inserts validated articles with their first versions (the caller holds the transaction).
 * `ids` keeps given ids (an import from another installation); others get new ones.
 */
export async function insertArticles(
  tx: Tx,
  items: readonly ArticleFields[],
  editor: Editor,
  at: Date,
  givenIds: readonly (string | null)[] = [],
): Promise<string[]> {
  const ids: string[] = [];
  for (const [i, f] of items.entries()) {
    const id = givenIds[i] ?? newId();
    await tx
      .insertInto("knowledge_articles")
      .values({
        id,
        version: 1,
        ...columns(f),
        created_by: editor.id,
        updated_by: editor.id,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await appendVersion(tx, id, 1, f, editor, at);
    ids.push(id);
  }
  return ids;
}

/** The defaults of a new article: published, province-wide, in effect from today, no review date. */
function withDefaults(ctx: AppContext, input: CreateArticleInput) {
  return {
    title: input.title,
    body: input.body,
    categoryCodes: input.categoryCodes ?? [],
    regionCodes: input.regionCodes ?? [],
    departmentId: input.departmentId,
    source: input.source ?? null,
    effectiveFrom: input.effectiveFrom ?? chinaDate(ctx.clock.now()),
    effectiveTo: input.effectiveTo ?? null,
    reviewBy: input.reviewBy ?? null,
    status: input.status ?? "published",
    sample: input.sample ?? false,
  };
}

/**
 * Creates an article (version 1) for its owning department. Inside the caller's transaction when
 * `tx` is given (the caller then brings the index up to date after commit: {@link knowledgeIndex}
 * with `force`); otherwise in its own, and the index follows at once.
 */
export async function createArticle(
  ctx: AppContext,
  user: AuthUser,
  input: CreateArticleInput,
  tx?: Tx,
): Promise<Article> {
  const { fields, problems } = checkArticle(ctx, withDefaults(ctx, input));
  if (!fields)
    throw badInput(
      `The article is invalid: ${problems.map((p) => `${p.field} ${p.message}`).join("; ")}`,
      problems,
    );
  if (!canEditArticle(user, fields.departmentId, ctx.directory)) {
    throw forbidden(`You may not write articles for department ${fields.departmentId}.`, [
      { field: "body.departmentId", departmentId: fields.departmentId, role: user.role },
    ]);
  }
  const write = async (t: Tx) => {
    const [id] = await insertArticles(t, [fields], { id: user.id, name: user.name }, ctx.clock.now());
    return (await findArticle(t, id!))!;
  };
  if (tx) return write(tx);
  const article = await ctx.db.transaction().execute(write);
  await knowledgeIndex(ctx, true);
  return article;
}

/**
 * Changes an article: checks the `version` the editor saw (409 STALE_VERSION otherwise), that
 * the editor may write both the current and (when it moves) the new owning department, then
 * stores the next version beside the article in one transaction.
 */
export async function updateArticle(
  ctx: AppContext,
  user: AuthUser,
  id: string,
  patch: PatchArticleInput,
): Promise<Article> {
  const updated = await ctx.db.transaction().execute(async (tx) => {
    const cur = await findArticle(tx, id, true);
    if (!cur) throw notFound("article", id);
    if (!canEditArticle(user, cur.departmentId, ctx.directory)) {
      throw forbidden(
        `Only the owning department (${cur.departmentId}), a supervisor or an admin may change this article.`,
        [{ departmentId: cur.departmentId, role: user.role }],
      );
    }
    if (patch.version !== cur.version) {
      throw conflict(
        "STALE_VERSION",
        `The article changed since you loaded it (your version ${patch.version}, now ${cur.version}). Reload and try again.`,
        [{ field: "version", expected: cur.version, got: patch.version }],
      );
    }
    const { fields, problems } = checkArticle(ctx, {
      title: patch.title ?? cur.title,
      body: patch.body ?? cur.body,
      categoryCodes: patch.categoryCodes ?? cur.categoryCodes,
      regionCodes: patch.regionCodes ?? cur.regionCodes,
      departmentId: patch.departmentId ?? cur.departmentId,
      source: patch.source === undefined ? cur.source : patch.source,
      effectiveFrom: patch.effectiveFrom ?? cur.effectiveFrom,
      effectiveTo: patch.effectiveTo === undefined ? cur.effectiveTo : patch.effectiveTo,
      reviewBy: patch.reviewBy === undefined ? cur.reviewBy : patch.reviewBy,
      status: patch.status ?? cur.status,
      sample: patch.sample ?? cur.sample,
    });
    if (!fields)
      throw badInput(
        `The change is invalid: ${problems.map((p) => `${p.field} ${p.message}`).join("; ")}`,
        problems,
      );
    if (!canEditArticle(user, fields.departmentId, ctx.directory)) {
      throw forbidden(`You may not hand the article to department ${fields.departmentId}.`, [
        { field: "body.departmentId", departmentId: fields.departmentId, role: user.role },
      ]);
    }
    await storeNextVersion(tx, cur, fields, { id: user.id, name: user.name }, ctx.clock.now());
    return id;
  });
  await knowledgeIndex(ctx, true);
  return (await findArticle(ctx.db, updated))!;
}

/**
 * Stores the next version of an article (row guarded by the version read under lock) and its
 * version row. Throws 409 STALE_VERSION when the row moved on meanwhile.
 */
export async function storeNextVersion(
  tx: Tx,
  cur: Article,
  fields: ArticleFields,
  editor: Editor,
  now: Date,
) {
  const next = cur.version + 1;
  const res = await tx
    .updateTable("knowledge_articles")
    .set({
      ...columns(fields),
      version: next,
      revision: sql<number>`nextval('knowledge_revision_seq')`,
      updated_by: editor.id,
      updated_at: now,
    })
    .where("id", "=", cur.id)
    .where("version", "=", cur.version)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) {
    throw conflict("STALE_VERSION", "The article changed while you were editing it. Reload and try again.", [
      { field: "version" },
    ]);
  }
  await appendVersion(tx, cur.id, next, fields, editor, now);
}

/** True when the fields would store exactly what the article holds (an import skips such rows). */
export function sameContent(cur: Article, f: ArticleFields): boolean {
  return (
    cur.title === f.title &&
    cur.body === f.body &&
    cur.status === f.status &&
    cur.departmentId === f.departmentId &&
    cur.categoryCodes.join() === f.categoryCodes.join() &&
    cur.regionCodes.join() === f.regionCodes.join() &&
    cur.source.title === f.source.title &&
    cur.source.url === f.source.url &&
    cur.source.number === f.source.number &&
    cur.effectiveFrom === f.effectiveFrom &&
    cur.effectiveTo === f.effectiveTo &&
    cur.reviewBy === f.reviewBy &&
    cur.sample === f.sample
  );
}
