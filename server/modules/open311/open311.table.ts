import type { ColumnType } from "kysely";

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/**
 * `open311_requests`: what an Open311 client sent beside the appeal it became: the token that
 * resolves to the ticket number, the submitter's own description, media URL and attributes (shown
 * back in GET output), and the client's account and device ids. Keyed like `appeals` (city first).
 */
export interface Open311RequestsTable {
  city_code: string;
  appeal_id: string;
  ticket_no: string;
  /** `city_code-random`: the city prefix keeps token lookups on one shard. */
  token: string;
  api_key_id: string;
  service_code: string;
  description: string | null;
  media_url: string | null;
  /** `[{ code, name, values: string[] }]` as submitted (names from the service definition). */
  attributes: ColumnType<unknown, string, string>;
  account_id: string | null;
  device_id: string | null;
  /** Personal data: kept for contacting the submitter, never in any Open311 answer. */
  email: string | null;
  created_at: Timestamp;
}
