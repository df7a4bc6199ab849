import type { Kysely } from "kysely";
import { execStatements } from "../migrate.ts";

/**
 * The initial schema. Invariants live in the database: CHECKs mirror the closed unions of
 * `common/appeal-state.ts`, foreign keys tie appeals to the catalog, ticket numbers are unique.
 *
 * Distribution (Citus, later): the appeal tables carry `city_code` (4-digit GB/T 2260 city, "2100"
 * for province-level or unknown places) as the first column of every primary and unique key, so
 * they can be distributed and co-located by city; the catalog tables are small reference tables.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(
    db,
    `
    create table regions (
      code text primary key check (code ~ '^[0-9]{2}([0-9]{2}){0,2}$'),
      name text not null,
      parent_code text references regions(code),
      level smallint not null check (level between 1 and 3),
      lat double precision,
      lng double precision
    );
    create index regions_parent on regions(parent_code);

    create table categories (
      code text primary key check (code ~ '^[0-9]{2}([0-9]{2}){0,2}$'),
      name text not null,
      parent_code text references categories(code),
      level smallint not null check (level between 1 and 3),
      sort integer not null default 0
    );
    create index categories_parent on categories(parent_code);

    create table departments (
      id text primary key check (id ~ '^[a-z0-9][a-z0-9-]{0,63}$'),
      name text not null,
      parent_id text references departments(id),
      region_code text not null references regions(code),
      kind text not null check (kind in ('province_office','province_bureau','city_office','city_bureau','utility','district_government','other')),
      category_codes text[] not null default '{}',
      disabled boolean not null default false
    );
    create index departments_parent on departments(parent_id);

    create table routes (
      category_code text not null references categories(code),
      region_code text not null references regions(code),
      department_id text not null references departments(id),
      note text,
      updated_at timestamptz not null default now(),
      primary key (category_code, region_code)
    );

    create table calendar_days (
      date date primary key,
      type text not null check (type in ('holiday','workday')),
      name text not null
    );

    create table sla_rules (
      id text primary key,
      profile text not null,
      clock text not null check (clock in ('sign','reply')),
      kind text check (kind in ('consult','help','complaint','report','suggestion','praise')),
      urgency text check (urgency in ('normal','urgent')),
      category_prefix text,
      unit text not null check (unit in ('working_days','hours','minutes')),
      amount integer not null check (amount >= 0),
      source text not null,
      updated_at timestamptz not null default now()
    );

    create table settings (
      key text primary key,
      value jsonb not null
    );

    create table users (
      id uuid primary key,
      username text not null unique check (username ~ '^[A-Za-z0-9_.-]{2,64}$'),
      password_hash text not null,
      name text not null,
      role text not null check (role in ('agent','handler','supervisor','admin','policy_officer')),
      department_id text references departments(id),
      disabled boolean not null default false,
      created_at timestamptz not null,
      check (role <> 'handler' or department_id is not null)
    );

    create table sessions (
      token_hash text primary key,
      user_id uuid not null references users(id),
      created_at timestamptz not null,
      expires_at timestamptz not null
    );
    create index sessions_user on sessions(user_id);

    create table api_keys (
      id uuid primary key,
      name text not null,
      key_hash text not null unique,
      created_by uuid references users(id),
      created_at timestamptz not null,
      revoked_at timestamptz
    );

    create table ticket_counters (
      city_code text not null,
      day text not null,
      last integer not null,
      primary key (city_code, day)
    );

    create table appeals (
      city_code text not null check (city_code ~ '^[0-9]{4}$'),
      id uuid not null,
      ticket_no text not null,
      version integer not null check (version >= 1),
      status text not null check (status in ('received','dispatched','signed','replied','reopened','closed')),
      kind text not null check (kind in ('consult','help','complaint','report','suggestion','praise')),
      channel text not null check (channel in ('phone','web','app','wechat','sms','email','open311','transfer')),
      urgency text not null check (urgency in ('normal','urgent')),
      title text not null check (length(title) between 1 and 200),
      body text not null check (length(body) between 1 and 10000),
      citizen_name text,
      citizen_phone text,
      citizen_anonymous boolean not null default false,
      enterprise_uscc text check (enterprise_uscc ~ '^[0-9A-HJ-NP-RTUW-Y]{18}$'),
      enterprise_name text,
      business_environment boolean not null default false,
      region_code text references regions(code),
      address text,
      lat double precision,
      lng double precision,
      category_code text references categories(code),
      category_suggestions jsonb not null default '[]',
      lead_department_id text references departments(id),
      co_department_ids text[] not null default '{}',
      sign_by timestamptz,
      reply_by timestamptz not null,
      warn_at timestamptz,
      warned boolean not null default false,
      overdue boolean not null default false,
      supervised boolean not null default false,
      merged_into uuid,
      has_followers boolean not null default false,
      answered_directly boolean not null default false,
      reply_text text,
      reply_outcome text check (reply_outcome in ('resolved','explained','unresolvable')),
      satisfaction text check (satisfaction in ('satisfied','basically','unsatisfied')),
      resolved boolean,
      pending_extension jsonb,
      extension_days integer not null default 0,
      return_count integer not null default 0,
      transfer_count integer not null default 0,
      dispatch_count integer not null default 0,
      reopen_count integer not null default 0,
      dispatched_at timestamptz,
      signed_at timestamptz,
      replied_at timestamptz,
      closed_at timestamptz,
      called_back_at timestamptz,
      public_secret_hash text,
      search_tokens text not null default '',
      created_at timestamptz not null,
      updated_at timestamptz not null,
      primary key (city_code, id),
      unique (city_code, ticket_no),
      check ((status = 'closed') = (closed_at is not null)),
      check (status = 'received' or status = 'closed' or lead_department_id is not null)
    );
    create unique index appeals_ticket_no on appeals(ticket_no);
    create unique index appeals_id on appeals(id);
    create index appeals_created on appeals(created_at desc, id desc);
    create index appeals_status on appeals(status, created_at desc);
    create index appeals_lead on appeals(lead_department_id, status);
    create index appeals_region on appeals(region_code text_pattern_ops);
    create index appeals_phone on appeals(citizen_phone);
    create index appeals_merged on appeals(merged_into) where merged_into is not null;
    create index appeals_sla_due on appeals(reply_by) where status <> 'closed' and not overdue;
    create index appeals_sign_due on appeals(sign_by) where status = 'dispatched' and not overdue;
    create index appeals_warn_due on appeals(warn_at) where status <> 'closed' and not warned;
    create index appeals_search on appeals using gin (to_tsvector('simple', search_tokens));

    create table appeal_events (
      city_code text not null,
      appeal_id uuid not null,
      seq integer not null check (seq >= 1),
      type text not null,
      at timestamptz not null,
      actor_id uuid,
      actor_role text,
      actor_name text,
      from_status text,
      to_status text,
      data jsonb not null,
      primary key (city_code, appeal_id, seq),
      foreign key (city_code, appeal_id) references appeals(city_code, id)
    );
    create index appeal_events_at on appeal_events(at);
    create index appeal_events_type_at on appeal_events(type, at);

    create table audit_log (
      id bigserial primary key,
      at timestamptz not null,
      actor_id uuid,
      action text not null,
      target text not null,
      details jsonb not null default '{}'
    );
    create index audit_log_target on audit_log(target, at);

    create table idempotency_keys (
      scope text not null,
      key text not null,
      request_hash text not null,
      status integer not null,
      response jsonb not null,
      created_at timestamptz not null,
      primary key (scope, key)
    );

    create table job_runs (
      job text not null,
      slot text not null,
      started_at timestamptz not null,
      finished_at timestamptz,
      result jsonb,
      primary key (job, slot)
    );
  `,
  );
}
