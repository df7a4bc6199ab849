import type { Kysely } from "kysely";
import { execStatements } from "../migrate.ts";

/**
 * 一件事一次办 (bundles of procedures run as one case) and the generic case engine under them.
 *
 * Definitions (`bundles`, `bundle_versions`) are small reference tables: a version's definition is
 * one JSON document (procedures → situations → materials → fields), validated in TypeScript when
 * published and never changed afterwards, so a case pinned to it reads what it started on.
 *
 * Case tables (`cases`, `subcases`, `case_events`, `case_counters`, `appeal_case_links`) carry
 * `city_code` first in every primary and unique key, as the appeal tables do, so a case, its
 * sub-cases and its history can be distributed and co-located by city (Citus) later. CHECKs mirror
 * the closed unions of `common/case-state.ts`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(
    db,
    `
    create table bundles (
      id text primary key check (id ~ '^[a-z0-9][a-z0-9-]{0,63}$'),
      name text not null check (length(name) between 1 and 100),
      lead_department_id text not null references departments(id),
      sample boolean not null default false,
      published_version integer,
      created_at timestamptz not null,
      updated_at timestamptz not null
    );

    create table bundle_versions (
      bundle_id text not null references bundles(id),
      version integer not null check (version >= 1),
      status text not null check (status in ('draft','published','retired')),
      definition jsonb not null,
      created_by_id uuid,
      created_at timestamptz not null,
      published_by_id uuid,
      published_at timestamptz,
      primary key (bundle_id, version)
    );
    create unique index bundle_versions_one_draft on bundle_versions(bundle_id) where status = 'draft';

    create table cases (
      city_code text not null check (city_code ~ '^[0-9]{4}$'),
      id uuid not null,
      kind text not null check (kind in ('bundle')),
      case_no text not null,
      secret_hash text not null,
      definition_id text not null,
      definition_version integer not null,
      lead_department_id text not null references departments(id),
      status text not null check (status in ('submitted','accepted','completed','rejected','withdrawn')),
      version integer not null check (version >= 1),
      applicant_name text not null,
      application jsonb not null,
      pending_materials text[] not null default '{}',
      supply_by timestamptz,
      reason text,
      submitted_at timestamptz not null,
      accepted_at timestamptz,
      completed_at timestamptz,
      closed_at timestamptz,
      created_by_id uuid,
      updated_at timestamptz not null,
      primary key (city_code, id),
      unique (city_code, case_no),
      foreign key (definition_id, definition_version) references bundle_versions(bundle_id, version)
    );
    create index cases_id on cases(id);
    create index cases_definition on cases(definition_id, status);
    create index cases_submitted on cases(submitted_at desc, id desc);

    create table subcases (
      city_code text not null,
      case_id uuid not null,
      id text not null check (id ~ '^[a-z0-9][a-z0-9-]{0,63}$'),
      position smallint not null,
      name text not null,
      department_id text not null references departments(id),
      depends_on text[] not null default '{}',
      status text not null check (status in ('waiting','dispatched','accepted','correction','suspended','approved','issued','refused','cancelled')),
      version integer not null check (version >= 1),
      legal_days integer not null check (legal_days >= 1),
      promised_days integer not null check (promised_days >= 1 and promised_days <= legal_days),
      dispatched_at timestamptz,
      legal_due_at timestamptz,
      promised_due_at timestamptz,
      suspended_at timestamptz,
      suspension_reason text check (suspension_reason in ('correction','publicity','expert_review')),
      suspended_days integer not null default 0 check (suspended_days >= 0),
      correction_count integer not null default 0 check (correction_count >= 0),
      result_at timestamptz,
      result_no text,
      reason text,
      updated_at timestamptz not null,
      primary key (city_code, case_id, id),
      foreign key (city_code, case_id) references cases(city_code, id),
      check ((suspended_at is null) = (status not in ('correction','suspended'))),
      check ((result_at is null) = (status not in ('issued','refused','cancelled')))
    );
    create index subcases_department on subcases(department_id, status);

    create table case_events (
      city_code text not null,
      case_id uuid not null,
      seq integer not null check (seq >= 1),
      subcase_id text,
      type text not null,
      at timestamptz not null,
      actor_id uuid,
      actor_role text,
      actor_name text,
      from_status text,
      to_status text,
      data jsonb not null,
      primary key (city_code, case_id, seq),
      foreign key (city_code, case_id) references cases(city_code, id)
    );

    create table case_counters (
      city_code text not null,
      day text not null,
      n integer not null,
      primary key (city_code, day)
    );

    create table appeal_case_links (
      city_code text not null,
      appeal_id uuid not null,
      case_city_code text not null,
      case_id uuid not null,
      created_by_id uuid,
      created_at timestamptz not null,
      primary key (city_code, appeal_id, case_id),
      foreign key (city_code, appeal_id) references appeals(city_code, id),
      foreign key (case_city_code, case_id) references cases(city_code, id)
    );
    `,
  );
}
