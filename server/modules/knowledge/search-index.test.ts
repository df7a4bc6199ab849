import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { bodyText, sanitizeBody } from "./sanitize-article.ts";
import {
  categoryApplies,
  currencyOf,
  type IndexedArticle,
  KnowledgeIndex,
  regionFit,
  snippetOf,
} from "./search-index.ts";

let n = 0;
function doc(over: Partial<IndexedArticle> = {}): IndexedArticle {
  n++;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
    revision: n,
    title: "标题",
    bodyText: "正文",
    status: "published",
    categoryCodes: [],
    regionCodes: [],
    departmentId: "p-office",
    effectiveFrom: "2024-01-01",
    effectiveTo: null,
    reviewBy: null,
    sample: false,
    version: 1,
    updatedAt: "2025-01-01T00:00:00.000Z",
    ...over,
  };
}
const today = "2025-03-03";

describe("KnowledgeIndex", () => {
  it("ranks a title match above a body-only match (title boost)", () => {
    const ix = new KnowledgeIndex();
    const inBody = doc({ title: "居民生活缴费指南", bodyText: "燃气费可以在营业厅缴纳。水费按月缴纳。" });
    const inTitle = doc({ title: "燃气费怎么缴纳", bodyText: "可以在营业厅或手机上缴纳。" });
    ix.upsert(inBody);
    ix.upsert(inTitle);
    const hits = ix.search({ q: "燃气费", today, limit: 5 });
    assert.deepEqual(
      hits.map((h) => h.article.id),
      [inTitle.id, inBody.id],
    );
  });

  it("replaces an updated article and forgets a removed one, also after compaction", () => {
    const ix = new KnowledgeIndex();
    const docs = Array.from({ length: 300 }, (_, i) =>
      doc({ title: `文章${i}`, bodyText: `内容 编号${i} 公共词` }),
    );
    for (const d of docs) ix.upsert(d);
    for (const d of docs.slice(0, 200)) ix.remove(d.id);
    assert.equal(ix.size, 100);
    const moved = { ...docs[250]!, title: "改名后的供热文章", bodyText: "供热内容", revision: 999 };
    ix.upsert(moved);
    assert.equal(ix.size, 100);
    const removed = new Set(docs.slice(0, 200).map((d) => d.id));
    const all = ix.search({ q: "公共词", today, limit: 500 });
    assert.equal(all.length, 99, "the removed and the rewritten article are not found by old words");
    assert.ok(!all.some((h) => removed.has(h.article.id) || h.article.id === moved.id));
    assert.equal(ix.search({ q: "供热", today, limit: 5 })[0]?.article.id, moved.id);
  });

  it("filters by status, currency, region and category", () => {
    const ix = new KnowledgeIndex();
    const draft = doc({ title: "供水 草稿", status: "draft" });
    const expired = doc({ title: "供水 过期", effectiveTo: "2024-12-31" });
    const future = doc({ title: "供水 未生效", effectiveFrom: "2025-06-01" });
    const dalian = doc({ title: "供水 大连", regionCodes: ["2102"], categoryCodes: ["010216"] });
    const province = doc({ title: "供水 全省", categoryCodes: ["0102"] });
    for (const d of [draft, expired, future, dalian, province]) ix.upsert(d);
    const ids = (q: Parameters<KnowledgeIndex["search"]>[0]) =>
      ix
        .search(q)
        .map((h) => h.article.id)
        .sort();
    assert.deepEqual(ids({ q: "供水", today, limit: 10 }), [dalian.id, province.id].sort());
    assert.deepEqual(ids({ q: "供水", today, limit: 10, regionCode: "210102" }), [province.id]);
    assert.deepEqual(
      ids({ q: "供水", today, limit: 10, regionCode: "210211" }),
      [dalian.id, province.id].sort(),
    );
    assert.deepEqual(
      ids({ q: "供水", today, limit: 10, categoryCode: "010216" }),
      [dalian.id, province.id].sort(),
    );
    assert.deepEqual(ids({ q: "供水", today, limit: 10, categoryCode: "15" }), []);
    assert.equal(ids({ q: "供水", today, limit: 10, includeExpired: true }).length, 4);
    assert.equal(
      ids({ q: "供水", today, limit: 10, includeExpired: true, statuses: ["draft", "published"] }).length,
      5,
    );
    const local = ix.search({ q: "供水", today, limit: 10, regionCode: "2102" });
    assert.equal(local[0]?.article.id, dalian.id, "a local article beats an equal province-wide one");
  });

  it("gives nothing for a query without words, and never throws on odd input", () => {
    const ix = new KnowledgeIndex();
    ix.upsert(doc({ title: "供暖" }));
    for (const q of ["", "   ", "！？。", "<script>", "\u0001\u0002", "a".repeat(500), "🙂🙂"]) {
      assert.ok(Array.isArray(ix.search({ q, today, limit: 5 })));
    }
    assert.equal(ix.search({ q: "！？", today, limit: 5 }).length, 0);
  });
});

describe("currency, regions, categories, snippets", () => {
  it("flags expired, not yet effective and past-review articles", () => {
    const base = { status: "published", effectiveFrom: "2024-01-01", effectiveTo: null, reviewBy: null };
    assert.equal(currencyOf(base, today).current, true);
    assert.equal(currencyOf({ ...base, effectiveTo: "2025-03-02" }, today).expired, true);
    assert.equal(
      currencyOf({ ...base, effectiveTo: "2025-03-03" }, today).current,
      true,
      "in effect on its last day",
    );
    assert.equal(currencyOf({ ...base, reviewBy: "2025-03-02" }, today).needsReview, true);
    assert.equal(currencyOf({ ...base, effectiveFrom: "2025-03-04" }, today).current, false);
    assert.equal(currencyOf({ ...base, status: "draft" }, today).current, false);
  });

  it("applies a city article to its districts and a province-wide one everywhere", () => {
    assert.equal(regionFit(["2101"], "210102"), 1);
    assert.equal(regionFit(["2101"], "2102"), -1);
    assert.equal(regionFit([], "210102"), 0);
    assert.equal(regionFit(["21"], "210102"), 0);
    assert.equal(regionFit(["210102"], "2101"), 1, "a district article shows for its city");
    assert.equal(categoryApplies(["010208"], "0102"), true);
    assert.equal(categoryApplies(["0102"], "010208"), true);
    assert.equal(categoryApplies(["010208"], "0103"), false);
  });

  it("marks matched words in the snippet", () => {
    const text = `${"前言。".repeat(30)}冬季供暖期为11月1日至次年3月31日，供暖费按面积计收。`;
    const { snippet, highlights } = snippetOf(text, ["供暖", "供暖费"]);
    assert.ok(snippet.startsWith("…"));
    assert.ok(highlights.length >= 2);
    for (const [s, e] of highlights) assert.match(snippet.slice(s, e), /^供暖费?$/);
  });
});

describe("sanitising", () => {
  it("is idempotent and never lets script, event handlers or javascript: links through", () => {
    const piece = fc.constantFrom(
      "<script>alert(1)</script>",
      '<img src=x onerror="alert(1)">',
      '<a href="javascript:alert(1)">x</a>',
      '<a href="https://example.org/?a=1&b=2">ok</a>',
      '<p onclick="x()">段落</p>',
      "<style>p{}</style>",
      "<iframe src=//evil></iframe>",
      "<table><tr><td>格</td></tr></table>",
      "<svg onload=alert(1)>",
      '文字 & < > "',
      "<ul><li>一</li></ul>",
      "<h3>标题</h3>",
      "<",
      ">",
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (parts) => {
        const once = sanitizeBody(parts.join(""));
        assert.equal(sanitizeBody(once), once);
        assert.doesNotMatch(once, /<script|<style|<iframe|<svg|<img|\son\w+=|javascript:/i);
        assert.doesNotMatch(bodyText(once), /<script/i);
      }),
      { numRuns: 300 },
    );
  });
});
