-- Profiles of published cases learnt from catalog.case.v1, the input for matching needs to cases.
create table case_profile (
    case_id      uuid        primary key,
    ags          char(8)     not null,
    state_code   char(2),
    topics       text[]      not null,
    published_at timestamptz not null,
    updated_at   timestamptz not null default now()
);
create index case_profile_topics on case_profile using gin (topics);

-- Idempotent consumption: ids of handled events, written in the transaction of their effect.
create table processed_event (
    consumer     text        not null,
    event_id     text        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
