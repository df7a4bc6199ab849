import type { SaveEnterpriseInput } from "../../../common/contracts/enterprises.ts";
import type { LedgerChanges } from "../../../common/contracts/policies.ts";
import type { AppContext } from "../../app-context.ts";
import { badInput } from "../../platform/errors.ts";
import type { AuthUser } from "../users/auth-user.ts";
import { type EnterpriseData, findEnterprise, saveEnterprises } from "./registry.ts";
import { validateEnterprise } from "./validate-enterprise.ts";

/**
 * Creates or updates one enterprise (a new version when anything changed) and re-matches it
 * against every published policy in the same transaction (the registry's followers, wired at the
 * composition root: the policies module's rule), so its
 * ledger rows follow its data. 400 naming every invalid field (`body.name`, `body.attrs.<key>`).
 */
export async function saveEnterprise(
  ctx: AppContext,
  user: AuthUser,
  uscc: string,
  input: SaveEnterpriseInput,
): Promise<EnterpriseData & { rematch: LedgerChanges }> {
  const { record, problems } = validateEnterprise(
    { uscc, name: input.name, attrs: input.attrs },
    ctx.directory,
  );
  if (problems.length) {
    throw badInput(
      `The enterprise is invalid: ${problems.map((p) => `${p.field} ${p.message}`).join("; ")}`,
      problems.map((p) => ({
        field: p.field === "name" ? "body.name" : `body.attrs.${p.field}`,
        message: p.message,
      })),
    );
  }
  const rematch = await ctx.db.transaction().execute(async (tx) => {
    const changed = await saveEnterprises(ctx, tx, [record], { source: "api", changedBy: user.name });
    return ctx.registryFollowers.afterChange(ctx, tx, changed, { id: user.id, name: user.name });
  });
  await ctx.registryFollowers.afterCommit(ctx);
  const saved = await findEnterprise(ctx.db, uscc);
  if (!saved) throw new Error(`enterprise ${uscc} vanished after saving`);
  return { ...saved, rematch };
}
