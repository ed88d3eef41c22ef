-- The text of published cases and partners, for recommending them to a need (from catalog.case.v1 and
-- partner.profile.v1; public data only). The in-memory recommendation index is rebuilt from these tables and kept
-- current by polling changed_at and the removals.
alter table case_profile
    add column title             text not null default '',
    add column municipality_name text,
    add column population        integer,
    add column town_type         text,
    add column sections          jsonb not null default '{}',
    add column changed_at        timestamptz not null default clock_timestamp();
create index case_profile_changed on case_profile (changed_at);
create index case_profile_ags on case_profile (ags);

alter table partner_profile
    add column description text not null default '',
    add column offerings   jsonb not null default '[]',
    add column changed_at  timestamptz not null default clock_timestamp();
create index partner_profile_changed on partner_profile (changed_at);

-- Cases and partners that left the read models (archived, removed), so that every replica drops them from its index.
create table recommendable_removed (
    kind       text        not null check (kind in ('CASE', 'PARTNER')),
    id         uuid        not null,
    removed_at timestamptz not null default clock_timestamp(),
    primary key (kind, id)
);
create index recommendable_removed_at on recommendable_removed (removed_at);

-- A case or partner that matched an open need above the threshold: announced once per (need, item).
create table match_found (
    need_id    uuid        not null,
    item_kind  text        not null check (item_kind in ('CASE', 'PARTNER')),
    item_id    uuid        not null,
    score      double precision not null,
    found_at   timestamptz not null default now(),
    primary key (need_id, item_kind, item_id)
);
