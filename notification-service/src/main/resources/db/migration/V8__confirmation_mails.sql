-- The confirmation mails of the double opt-in, queued like every other mail. The token is needed in clear to write
-- the link: it is kept only until the mail is sent (then erased); only its hash is in subscription. A newer request
-- for the same subscription cancels a confirmation mail still waiting (its link would no longer work).
create table confirmation_mail (
    id              uuid        primary key,
    subscription_id uuid        not null references subscription (id) on delete cascade,
    recipient       text        not null,
    token           text        not null,
    topic_labels    text        not null,
    status          text        not null default 'PENDING' check (status in ('PENDING', 'SENT', 'FAILED', 'CANCELLED')),
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null default now(),
    last_error      text,
    created_at      timestamptz not null default now(),
    sent_at         timestamptz
);
create index confirmation_mail_due on confirmation_mail (next_attempt_at) where status = 'PENDING';
create index confirmation_mail_subscription on confirmation_mail (subscription_id);
