-- Published cases learnt from catalog.case.v1 (catalog-service owns them; this is partner-service's copy).
create table published_case (
    case_id      uuid        primary key,
    title        text        not null,
    ags          char(8)     not null,
    published_at timestamptz not null,
    updated_at   timestamptz not null default now()
);

-- Idempotent consumption: ids of handled events, written in the transaction of their effect.
create table processed_event (
    consumer     text        not null,
    event_id     text        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
