import type { ApiKeyDto } from "../../../common/contracts/users.ts";
import type { AppContext } from "../../app-context.ts";
import { notFound } from "../../platform/errors.ts";
import { isUuid, newId, newSecret, sha256 } from "../../platform/ids.ts";
import { presentApiKey } from "./user.presenter.ts";

/** Issues a key for an integration; the clear key is returned once and stored only as a hash. */
export async function issueApiKey(
  ctx: AppContext,
  name: string,
  createdBy: string,
): Promise<{ id: string; key: string }> {
  const id = newId();
  const key = `hk_${newSecret(30)}`;
  await ctx.db
    .insertInto("api_keys")
    .values({ id, name, key_hash: sha256(key), created_by: createdBy, created_at: ctx.clock.now() })
    .execute();
  return { id, key };
}

/** Lists keys (never the key itself). */
export async function listApiKeys(ctx: AppContext): Promise<ApiKeyDto[]> {
  const rows = await ctx.db.selectFrom("api_keys").selectAll().orderBy("created_at", "desc").execute();
  return rows.map(presentApiKey);
}

/** Revokes a key; later calls with it get 401. */
export async function revokeApiKey(ctx: AppContext, id: string): Promise<void> {
  const res = isUuid(id)
    ? await ctx.db
        .updateTable("api_keys")
        .set({ revoked_at: ctx.clock.now() })
        .where("id", "=", id)
        .where("revoked_at", "is", null)
        .executeTakeFirst()
    : undefined;
  if (!res || Number(res.numUpdatedRows) === 0) throw notFound("api key", id);
}

/** The key's record when it is valid and not revoked. */
export async function findApiKey(ctx: AppContext, key: string): Promise<{ id: string; name: string } | null> {
  const row = await ctx.db
    .selectFrom("api_keys")
    .select(["id", "name"])
    .where("key_hash", "=", sha256(key))
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return row ?? null;
}
