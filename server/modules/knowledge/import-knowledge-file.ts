import type { ImportKnowledgeResultDto } from "../../../common/contracts/knowledge.ts";
import type { AppContext } from "../../app-context.ts";
import { badField } from "../../platform/errors.ts";
import type { AuthUser } from "../users/auth-user.ts";
import { importArticlesXlsx } from "./article-xlsx.ts";

/**
 * `POST /api/v1/knowledge/import`: the sheet arrives as base64 (a `data:` URL prefix and line
 * breaks are tolerated), then {@link importArticlesXlsx} imports it all or nothing.
 */
export async function importKnowledgeFile(
  ctx: AppContext,
  user: AuthUser,
  base64: string,
): Promise<ImportKnowledgeResultDto> {
  const text = base64.replace(/^data:[^,]*,/, "").replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text)) throw badField("body.file", "is not base64");
  return importArticlesXlsx(ctx, user, Buffer.from(text, "base64"));
}
