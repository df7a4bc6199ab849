import type { AppContext } from "../../app-context.ts";
import { badInput } from "../../platform/errors.ts";
import { knowledgeIndex } from "./knowledge-index.ts";
import { SAMPLE_ARTICLES, sampleBody } from "./sample-articles.ts";
import { type ArticleFields, checkArticle, insertArticles } from "./save-article.ts";

/** The editor recorded on the sample articles' first versions. */
const SEEDER = { id: null, name: "示例数据 (demo seed)" };

/**
 * Loads the sample articles (示例知识, `sample: true`) once: a database that already holds sample
 * articles is left alone, so the demo seeder can call this on every start. Every article goes
 * through the same validation as one written through the API; all are written in one transaction.
 * Returns how many were created.
 *
 * @example await seedKnowledge(ctx) // in the demo seeder, after the catalog is loaded
 */
export async function seedKnowledge(ctx: AppContext): Promise<number> {
  const existing = await ctx.db
    .selectFrom("knowledge_articles")
    .select("id")
    .where("sample", "=", true)
    .limit(1)
    .executeTakeFirst();
  if (existing) return 0;
  const items: ArticleFields[] = [];
  for (const [i, a] of SAMPLE_ARTICLES.entries()) {
    const { fields, problems } = checkArticle(
      ctx,
      {
        title: a.title,
        body: sampleBody(a),
        categoryCodes: a.categoryCodes,
        regionCodes: a.regionCodes ?? [],
        departmentId: a.departmentId,
        source: a.source ? { title: a.source.title, number: a.source.number ?? null } : null,
        effectiveFrom: a.effectiveFrom ?? "2024-01-01",
        effectiveTo: a.effectiveTo ?? null,
        reviewBy: a.reviewBy ?? null,
        status: "published",
        sample: true,
      },
      (field) => `sample ${i} (${a.title}) ${field}`,
    );
    if (!fields) throw badInput("A sample article is invalid.", problems);
    items.push(fields);
  }
  await ctx.db.transaction().execute((tx) => insertArticles(tx, items, SEEDER, ctx.clock.now()));
  await knowledgeIndex(ctx, true);
  return items.length;
}
