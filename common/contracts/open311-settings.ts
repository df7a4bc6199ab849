/**
 * Wire contract of the Open311 administration (`/api/v1/open311/settings`). The GeoReport v2
 * endpoints themselves follow the standard's own format (`server/modules/open311/wire-schemas.ts`).
 */
import { type Static, Type } from "@sinclair/typebox";
import { StringEnum } from "./shared.ts";

/**
 * How `POST /open311/v2/requests` answers, as the standard's service `type`: `realtime` gives the
 * `service_request_id` at once; `batch` gives a `token` (for clients built for deferred servers).
 */
export const OPEN311_SERVICE_TYPES = ["realtime", "batch"] as const;
export type Open311ServiceType = (typeof OPEN311_SERVICE_TYPES)[number];

/** The Open311 settings an admin reads and writes. */
export const Open311SettingsDto = Type.Object({
  type: StringEnum(OPEN311_SERVICE_TYPES, {
    description: "realtime: answer POSTs with the id; batch: with a token",
  }),
});
export type Open311Settings = Static<typeof Open311SettingsDto>;

/** `PUT /api/v1/open311/settings`. */
export const Open311SettingsBody = Type.Object(
  { type: StringEnum(OPEN311_SERVICE_TYPES) },
  { additionalProperties: false },
);
export type Open311SettingsInput = Static<typeof Open311SettingsBody>;
