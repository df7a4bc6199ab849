import type { Kysely } from "kysely";
import { execStatements } from "../migrate.ts";

/**
 * Open311 GeoReport v2 (issue 6): the submissions table beside `appeals`, keyed by city like the
 * appeal tables, and an index for the public request list (appeals of the `open311` channel,
 * newest first, within a 90-day window).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(
    db,
    `
    create table open311_requests (
      city_code text not null,
      appeal_id uuid not null,
      ticket_no text not null,
      token text not null check (token ~ '^[0-9]{4}-[A-Za-z0-9_-]{16,64}$'),
      api_key_id uuid not null references api_keys(id),
      service_code text not null,
      description text check (length(description) <= 4000),
      media_url text check (length(media_url) <= 2000),
      attributes jsonb not null default '[]',
      account_id text,
      device_id text,
      email text,
      created_at timestamptz not null,
      primary key (city_code, appeal_id),
      unique (city_code, token),
      foreign key (city_code, appeal_id) references appeals(city_code, id)
    );
    create index appeals_channel_created on appeals(channel, created_at desc, id desc)
    `,
  );
}
