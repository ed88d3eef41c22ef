-- Members of a Kommune who want to hear of matches for one of its needs (PUT /api/notifications/need-watches/{id}):
-- the address is taken from their access token when they ask; it is deleted when the need closes or they stop.
create table need_watch (
    need_id    uuid        not null,
    subject    text        not null,
    ags        text,
    editor     boolean     not null default false,
    email      text        not null,
    created_at timestamptz not null default now(),
    primary key (need_id, subject)
);

-- Needs that were closed (matching.need.v1): no more watches, no more mails.
create table closed_need (
    need_id   uuid        primary key,
    closed_at timestamptz not null
);

-- Match mails (matching.match.v1), one per (need, item, watcher) at most. Sent: the address is erased.
create table match_mail (
    id              uuid        primary key,
    need_id         uuid        not null,
    item_kind       text        not null check (item_kind in ('CASE', 'PARTNER')),
    item_id         uuid        not null,
    subject         text        not null,
    recipient       text        not null,
    need_title      text        not null,
    item_title      text        not null,
    score           double precision not null,
    reasons         text        not null,
    status          text        not null default 'PENDING' check (status in ('PENDING', 'SENT', 'FAILED')),
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null default now(),
    last_error      text,
    created_at      timestamptz not null default now(),
    sent_at         timestamptz,
    unique (need_id, item_kind, item_id, subject)
);
create index match_mail_due on match_mail (next_attempt_at) where status = 'PENDING';
