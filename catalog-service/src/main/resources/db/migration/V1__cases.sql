-- Practice examples (Praxisbeispiele) and their editorial workflow.
create table cases (
    id                 uuid        primary key,
    title              varchar(120) not null,
    teaser             varchar(300) not null,
    ags                char(8)     not null check (ags ~ '^[0-9]{8}$'),
    owner_organisation text        not null,
    topics             text[]      not null check (cardinality(topics) > 0),
    status             text        not null
        check (status in ('DRAFT', 'SUBMITTED', 'CHANGES_REQUESTED', 'PUBLISHED', 'ARCHIVED')),
    created_by         text        not null,
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    submitted_at       timestamptz,
    published_at       timestamptz,
    version            bigint      not null default 0
);
create index cases_status_published on cases (status, published_at desc);
create index cases_owner on cases (owner_organisation);
create index cases_topics on cases using gin (topics);

-- Every workflow change (creation, edit, submit, publish, ...) with who and when.
create table case_history (
    id          bigserial   primary key,
    case_id     uuid        not null references cases (id) on delete cascade,
    action      text        not null,
    from_status text,
    to_status   text        not null,
    actor       text        not null,
    occurred_at timestamptz not null,
    comment     text
);
create index case_history_case on case_history (case_id, id);

create table processed_event (
    consumer     text        not null,
    event_id     text        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);

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
