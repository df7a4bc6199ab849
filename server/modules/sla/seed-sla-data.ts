import type { Db, Tx } from "../../storage/database.ts";
import { CHINESE_DAYS_YEARS, calendarDaysFromChineseDays } from "./calendar-seed.ts";
import { DEFAULT_SLA_PROFILE, GUANGDONG_DEFAULT_RULES, SLA_PROFILE_SETTING } from "./rule-profiles.ts";

/**
 * Loads the SLA data on first start: the working calendar from `chinese-days`, the default
 * profile's rules (Guangdong's) and the active profile setting, in one transaction. Does nothing
 * (returns false) once the profile setting exists, so an admin's later edits are never overwritten.
 */
export async function seedSlaData(db: Db): Promise<boolean> {
  return db.transaction().execute(async (tx: Tx) => {
    const has = await tx
      .selectFrom("settings")
      .select("key")
      .where("key", "=", SLA_PROFILE_SETTING)
      .executeTakeFirst();
    if (has) return false;
    const days = calendarDaysFromChineseDays(CHINESE_DAYS_YEARS);
    for (let i = 0; i < days.length; i += 1000) {
      await tx
        .insertInto("calendar_days")
        .values(days.slice(i, i + 1000))
        .execute();
    }
    await tx
      .insertInto("sla_rules")
      .values(
        GUANGDONG_DEFAULT_RULES.map((r) => ({
          id: r.id,
          profile: r.profile,
          clock: r.clock,
          kind: r.kind,
          urgency: r.urgency,
          category_prefix: r.categoryPrefix,
          unit: r.unit,
          amount: r.amount,
          source: r.source,
        })),
      )
      .execute();
    await tx
      .insertInto("settings")
      .values({ key: SLA_PROFILE_SETTING, value: JSON.stringify(DEFAULT_SLA_PROFILE) })
      .execute();
    return true;
  });
}
