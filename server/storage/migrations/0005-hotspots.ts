import type { Kysely } from "kysely";
import { execStatements } from "../migrate.ts";

/**
 * Hot spots (热点 / 小苗头): clusters of similar recent appeals found by the `hotspot-scan` job,
 * with their heat, early-warning flag, the baseline they were compared with, and the supervised
 * master appeal once a supervisor turned one into supervised work. Keyed by city first, like the
 * appeal tables, so a hot spot and its members could live on the city's shard.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(
    db,
    `
    create table hotspots (
      city_code text not null check (city_code ~ '^[0-9]{4}$'),
      id uuid not null,
      status text not null check (status in ('open','supervised','expired')),
      title text not null,
      keywords text[] not null default '{}',
      region_code text references regions(code),
      place text,
      size integer not null check (size >= 1),
      callers integer not null,
      votes integer not null default 0,
      heat double precision not null,
      recent integer not null,
      expected double precision not null,
      warning boolean not null default false,
      warning_reason text,
      baseline jsonb not null,
      trend jsonb not null,
      first_at timestamptz not null,
      last_at timestamptz not null,
      scanned_at timestamptz not null,
      supervised_appeal_id uuid,
      supervised_by uuid references users(id),
      supervised_at timestamptz,
      created_at timestamptz not null,
      primary key (city_code, id)
    );
    create unique index hotspots_id on hotspots(id);
    create index hotspots_rank on hotspots(status, heat desc);
    create index hotspots_time on hotspots(last_at desc);

    create table hotspot_members (
      city_code text not null,
      hotspot_id uuid not null,
      appeal_id uuid not null,
      primary key (city_code, hotspot_id, appeal_id),
      foreign key (city_code, hotspot_id) references hotspots(city_code, id) on delete cascade
    );
    create index hotspot_members_appeal on hotspot_members(appeal_id)
    `,
  );
}
