/** The knowledge base's shapes, from the shared contract (common/contracts/knowledge.ts), and its reads. */
import type { Static } from "@sinclair/typebox";
import type { ArticleDto, KnowledgeHitDto, KnowledgeStats } from "../../../../common/contracts/knowledge.ts";
import { api } from "../../shared/api.ts";

/** An article of `GET /api/v1/knowledge/{id}`. */
export type Article = Static<typeof ArticleDto>;
/** A ranked hit of `GET /api/v1/knowledge?q=`. */
export type KnowledgeHit = Static<typeof KnowledgeHitDto>;
/** `GET /api/v1/knowledge/stats`: usage and misses for the owners. */
export type { KnowledgeStats };

export const getArticle = (id: string) => api<Article>("GET", `/api/v1/knowledge/${encodeURIComponent(id)}`);

/** `POST /api/v1/knowledge/import`: an XLSX file (the layout of `GET /api/v1/knowledge.xlsx`) as base64. */
export async function importKnowledgeXlsx(file: File) {
  const buf = new Uint8Array(await file.arrayBuffer());
  let bin = "";
  for (let i = 0; i < buf.length; i += 0x8000) bin += String.fromCharCode(...buf.subarray(i, i + 0x8000));
  return api<{ created: number; updated: number; unchanged: number }>("POST", "/api/v1/knowledge/import", {
    file: btoa(bin),
  });
}
