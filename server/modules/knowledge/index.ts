/**
 * The knowledge base (知识库), as other modules use it. See README.md in this folder.
 */

export {
  type KnowledgeHit,
  requireCurrentArticle,
  searchKnowledge,
  suggestForAppeal,
} from "./search-knowledge.ts";
export { seedKnowledge } from "./seed-knowledge.ts";
