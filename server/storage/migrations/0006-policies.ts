import type { Kysely } from "kysely";
import { execStatements } from "../migrate.ts";

/**
 * 免申即享: the enterprise registry with its version history, policies as versioned decision
 * tables, the entitlements ledger with its events, and the notification outbox.
 *
 * Distribution (Citus, later): registry, ledger and outbox rows carry `city_code` (4-digit
 * GB/T 2260 city, "2100" = unknown) first in their keys, so an enterprise, its history, its
 * entitlements and their events live on one shard; policies are small reference tables.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(
    db,
    `
    create table enterprises (
      city_code text not null check (city_code ~ '^[0-9]{4}$'),
      uscc text not null check (uscc ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'),
      name text not null,
      region_code text,
      industry_code text,
      size_class text check (size_class in ('large','medium','small','micro')),
      attrs jsonb not null,
      synthetic boolean not null default false,
      version integer not null,
      lookup_code_hash text,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      primary key (city_code, uscc)
    );
    create unique index enterprises_uscc on enterprises(uscc);
    create index enterprises_region on enterprises(region_code);

    create table enterprise_versions (
      city_code text not null,
      uscc text not null,
      version integer not null,
      name text not null,
      attrs jsonb not null,
      valid_from timestamptz not null,
      valid_to timestamptz,
      source text not null,
      changed_by text not null,
      primary key (city_code, uscc, version)
    );
    create index enterprise_versions_uscc on enterprise_versions(uscc, version);

    create table policies (
      id text primary key check (id ~ '^[a-z0-9][a-z0-9-]{0,63}$'),
      title text not null,
      department_id text not null references departments(id),
      sample boolean not null default false,
      published_version integer,
      created_by text not null,
      created_at timestamptz not null,
      updated_at timestamptz not null
    );

    create table policy_versions (
      policy_id text not null references policies(id),
      version integer not null check (version >= 1),
      status text not null check (status in ('draft','approved','published','superseded')),
      decision_table jsonb not null,
      test_report jsonb,
      preview jsonb,
      preview_at timestamptz,
      approved_by text,
      approved_at timestamptz,
      published_by text,
      published_at timestamptz,
      created_by text not null,
      created_at timestamptz not null,
      primary key (policy_id, version)
    );

    create table entitlements (
      city_code text not null,
      id uuid not null,
      uscc text not null,
      policy_id text not null references policies(id),
      policy_version integer not null,
      department_id text not null,
      rule_index integer not null,
      amount numeric(16,2) not null check (amount >= 0),
      inputs jsonb not null,
      status text not null check (status in ('pending','confirmed','disbursed','rejected','withdrawn')),
      reason text,
      version integer not null default 1,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      primary key (city_code, id)
    );
    create unique index entitlements_once on entitlements(city_code, uscc, policy_id, policy_version);
    create index entitlements_status on entitlements(status, department_id);
    create index entitlements_uscc on entitlements(uscc);

    create table entitlement_events (
      city_code text not null,
      entitlement_id uuid not null,
      seq integer not null,
      type text not null,
      from_status text,
      to_status text not null,
      actor_id text,
      actor_name text not null,
      at timestamptz not null,
      data jsonb not null,
      primary key (city_code, entitlement_id, seq)
    );

    create table outbox (
      id uuid primary key,
      city_code text not null,
      uscc text not null,
      topic text not null,
      subject text not null,
      body text not null,
      created_at timestamptz not null,
      delivered_at timestamptz,
      attempts integer not null default 0,
      last_error text
    );
    create index outbox_pending on outbox(created_at) where delivered_at is null;

    create table enterprise_inbox (
      city_code text not null,
      id uuid not null,
      uscc text not null,
      subject text not null,
      body text not null,
      delivered_at timestamptz not null,
      primary key (city_code, id)
    );
    create index enterprise_inbox_uscc on enterprise_inbox(uscc)
    `,
  );
}
