import type { AppealDtoT } from "../../../common/contracts/appeals.ts";
import { maskPhone } from "../../../common/phone.ts";
import type { Directory } from "../directory/directory-cache.ts";
import type { AuthUser } from "../users/auth-user.ts";
import { abilitiesOf, canRevealContact } from "./appeal.policy.ts";
import type { AppealRecord, loadEvents } from "./appeal.repo.ts";

/** `张三` → `张*`: names are personal data too; the full name comes with the audited reveal. */
export function maskName(name: string | null): string | null {
  if (!name) return null;
  const chars = [...name];
  return chars.length <= 1 ? "*" : `${chars[0]}${"*".repeat(chars.length - 1)}`;
}

type Events = Awaited<ReturnType<typeof loadEvents>>;

/** The wire shape of an appeal for one user: personal data masked, `abilities` from the policy. */
export function presentAppeal(
  rec: AppealRecord,
  user: AuthUser,
  dir: Directory,
  extra: { events?: Events; deadlineExplanation?: string[] } = {},
): AppealDtoT {
  return {
    id: rec.id,
    ticketNo: rec.ticketNo,
    version: rec.version,
    status: rec.status,
    kind: rec.kind,
    channel: rec.channel,
    urgency: rec.urgency,
    title: rec.title,
    body: rec.body,
    citizen: {
      name: rec.citizenAnonymous ? null : maskName(rec.citizenName),
      phone: rec.citizenPhone ? maskPhone(rec.citizenPhone) : null,
      anonymous: rec.citizenAnonymous,
    },
    enterprise: rec.enterpriseUscc ? { uscc: rec.enterpriseUscc, name: rec.enterpriseName ?? "" } : null,
    location: { regionCode: rec.regionCode, address: rec.address, lat: rec.lat, lng: rec.lng },
    categoryCode: rec.categoryCode,
    categorySuggestions: rec.categorySuggestions,
    autoDispatched: rec.autoDispatched,
    leadDepartmentId: rec.leadDepartmentId,
    coDepartmentIds: rec.coDepartmentIds,
    deadlines: {
      signBy: rec.signBy,
      replyBy: rec.replyBy,
      warnAt: rec.warnAt,
      pendingExtension: rec.pendingExtension,
      extensionDays: rec.extensionDays,
    },
    overdue: rec.overdue,
    supervised: rec.supervised,
    mergedInto: rec.mergedInto,
    businessEnvironment: rec.businessEnvironment,
    answeredDirectly: rec.answeredDirectly,
    reply: rec.replyText ? { text: rec.replyText, outcome: rec.replyOutcome } : null,
    satisfaction: rec.satisfaction,
    resolved: rec.resolved,
    returnCount: rec.returnCount,
    transferCount: rec.transferCount,
    createdAt: rec.createdAt,
    updatedAt: rec.updatedAt,
    closedAt: rec.closedAt,
    abilities: abilitiesOf(user, rec, dir),
    canRevealContact: canRevealContact(user, rec, dir),
    ...(extra.events
      ? {
          events: extra.events.map((e) => ({
            seq: e.seq,
            type: e.event.type,
            at: e.event.at,
            actor: e.actorRole ? { id: e.actor?.id ?? "", name: e.actorName ?? "", role: e.actorRole } : null,
            fromStatus: e.fromStatus,
            toStatus: e.toStatus,
            data: e.event.data as Record<string, unknown>,
          })),
        }
      : {}),
    ...(extra.deadlineExplanation ? { deadlineExplanation: extra.deadlineExplanation } : {}),
  };
}
