-- Subscriptions with double opt-in. Tokens are never stored in clear text: only their SHA-256 hashes.
create table subscription (
    id                        uuid        primary key,
    email                     text        not null unique check (email = lower(email)),
    -- the topics mails are sent for; only meaningful while status = 'CONFIRMED'
    topics                    text[]      not null default '{}',
    -- topics asked for by the latest subscription request, applied when it is confirmed
    requested_topics          text[],
    status                    text        not null check (status in ('PENDING', 'CONFIRMED', 'UNSUBSCRIBED')),
    confirmation_token_hash   text        unique,
    confirmation_expires_at   timestamptz,
    unsubscribe_token_hash    text        not null unique,
    created_at                timestamptz not null default now(),
    confirmation_requested_at timestamptz,
    confirmed_at              timestamptz,
    unsubscribed_at           timestamptz
);
create index subscription_confirmed_topics on subscription using gin (topics) where status = 'CONFIRMED';

-- Published cases as far as this service needs them to write mails.
create table known_case (
    case_id           uuid        primary key,
    title             text        not null,
    teaser            text        not null,
    ags               text,
    municipality_name text,
    state_code        text,
    topics            text[]      not null,
    published_at      timestamptz,
    received_at       timestamptz not null default now()
);

-- One mail per (event, subscription); the body is rendered when it is sent.
create table mail_delivery (
    id              uuid        primary key,
    event_id        text        not null,
    subscription_id uuid        not null references subscription (id),
    case_id         uuid        not null references known_case (case_id),
    recipient       text        not null,
    subject         text        not null,
    status          text        not null default 'PENDING' check (status in ('PENDING', 'SENT', 'FAILED', 'CANCELLED')),
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null default now(),
    last_error      text,
    created_at      timestamptz not null default now(),
    sent_at         timestamptz,
    unique (event_id, subscription_id)
);
create index mail_delivery_due on mail_delivery (next_attempt_at) where status = 'PENDING';

create table processed_event (
    consumer     text        not null,
    event_id     text        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
