-- The topics of a published case: a reference on the queried topic weighs more in the directory.
alter table published_case add column topics text[] not null default '{}';

-- Partner profiles. Contact data (contact_*) is shown to logged-in members only and never leaves in events.
create table partner (
    id             uuid        primary key,
    status         text        not null check (status in ('PENDING', 'VERIFIED', 'REJECTED')),
    name           text        not null,
    legal_form     text,
    description    text        not null,
    website        text,
    logo_url       text,
    topics         text[]      not null default '{}',
    regions        text[]      not null default '{}',
    size           text        check (size in ('MICRO', 'SMALL', 'MEDIUM', 'LARGE')),
    contact_name   text        not null,
    contact_email  text        not null,
    contact_phone  text,
    review_comment text,
    demo           boolean     not null default false,
    version        bigint      not null default 0,
    created_at     timestamptz not null,
    updated_at     timestamptz not null,
    verified_at    timestamptz,
    -- when anything the directory shows changed (profile, offerings, references): read by every replica's index
    changed_at     timestamptz not null default clock_timestamp()
);
create index partner_status on partner (status);
create index partner_changed on partner (changed_at);

create table offering (
    id          uuid        primary key,
    partner_id  uuid        not null references partner (id) on delete cascade,
    title       text        not null,
    description text,
    topics      text[]      not null default '{}',
    regions     text[]      not null default '{}',
    price_model text,
    created_at  timestamptz not null
);
create index offering_partner on offering (partner_id, created_at);

-- A partner's claim to have worked on a published case; only CONFIRMED ones count as evidence.
create table partner_reference (
    id                 uuid        primary key,
    partner_id         uuid        not null references partner (id) on delete cascade,
    case_id            uuid        not null,
    role               text        not null,
    status             text        not null check (status in ('CLAIMED', 'CONFIRMED', 'DECLINED')),
    claimed_by         text        not null,
    claimed_on_behalf  boolean     not null default false,
    claimed_at         timestamptz not null,
    decided_by         text,
    decided_on_behalf  boolean     not null default false,
    decided_at         timestamptz,
    unique (partner_id, case_id)
);
create index partner_reference_case on partner_reference (case_id);

-- Who changed what and when (the profile's history; goes with the profile when it is deleted).
create table partner_history (
    id          bigserial   primary key,
    partner_id  uuid        not null references partner (id) on delete cascade,
    action      text        not null,
    actor       text        not null,
    on_behalf   boolean     not null default false,
    occurred_at timestamptz not null,
    fields      text[]      not null default '{}',
    comment     text
);
create index partner_history_partner on partner_history (partner_id, id);

-- Deleted profiles, ids only: lets every replica's directory index drop them.
create table partner_removed (
    partner_id uuid        primary key,
    removed_at timestamptz not null default clock_timestamp()
);
create index partner_removed_at on partner_removed (removed_at);

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
