-- A town's need (Bedarf): what it wants to solve, in its own words. The creator's e-mail address is kept for the
-- match mails of later (personal data: never in events).
create table need (
    id            uuid        primary key,
    ags           char(8)     not null,
    title         text        not null,
    description   text        not null,
    topics        text[]      not null default '{}',
    visibility    text        not null check (visibility in ('PUBLIC', 'MEMBERS', 'PRIVATE')),
    status        text        not null check (status in ('OPEN', 'CLOSED')),
    created_by    text        not null,
    creator_email text,
    version       bigint      not null default 0,
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    closed_at     timestamptz
);
create index need_ags on need (ags);
create index need_open_topics on need using gin (topics) where status = 'OPEN';

-- The transactional outbox (service kit), as in every producing service.
create table outbox_event (
    position     bigserial   primary key,
    event_id     text        not null unique,
    topic        text        not null,
    message_key  text        not null,
    event_type   text        not null,
    payload      text        not null,
    created_at   timestamptz not null default now(),
    published_at timestamptz
);
create index outbox_event_unpublished on outbox_event (position) where published_at is null;
