import type { Tx } from "../../storage/database.ts";
import { findEnterprise } from "../enterprises/registry.ts";
import type { SharedData } from "./merge-form.ts";

/**
 * What the registries the platform already keeps know about the applicant: an enterprise's record
 * by USCC, and a caller's earlier appeal (name, address, region). Missing ones are simply absent.
 */
export async function loadSharedData(tx: Tx, o: { uscc?: string; appealId?: string }): Promise<SharedData> {
  const out: SharedData = {};
  if (o.uscc) {
    const e = await findEnterprise(tx, o.uscc);
    if (e) {
      const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
      out.enterprise = {
        name: e.name,
        uscc: e.uscc,
        regionCode: text(e.attrs.regionCode),
        industryCode: text(e.attrs.industryCode),
        foundedOn: text(e.attrs.foundedOn),
        registeredCapital: text(e.attrs.registeredCapital),
        employees: text(e.attrs.employees),
      };
    }
  }
  if (o.appealId) {
    const a = await findAppealForCase(tx, o.appealId);
    if (a) out.appeal = { name: a.citizenName, address: a.address, regionCode: a.regionCode };
  }
  return out;
}

/** The few facts of an appeal a case needs (its key, for the link, and what prefills the form). */
export async function findAppealForCase(tx: Tx, appealId: string) {
  const r = await tx
    .selectFrom("appeals")
    .select(["city_code", "id", "ticket_no", "citizen_name", "address", "region_code", "title", "body"])
    .where("id", "=", appealId)
    .executeTakeFirst();
  return r
    ? {
        cityCode: r.city_code,
        id: r.id,
        ticketNo: r.ticket_no,
        citizenName: r.citizen_name,
        address: r.address,
        regionCode: r.region_code,
        text: `${r.title}\n${r.body}`,
      }
    : null;
}
