-- Contact requests from members to partners (partner.contact.v1), to be mailed to the partner's contact address
-- with the sender as reply-to. Once sent, the message and the addresses are no longer needed and are erased.
create table contact_mail (
    id              uuid        primary key,
    event_id        text        not null unique,
    partner_id      uuid        not null,
    partner_name    text        not null,
    recipient       text        not null,
    recipient_name  text        not null,
    reply_to        text        not null,
    sender_name     text        not null,
    sender_town     text,
    subject         text        not null,
    message         text        not null,
    status          text        not null default 'PENDING' check (status in ('PENDING', 'SENT', 'FAILED', 'CANCELLED')),
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null default now(),
    last_error      text,
    created_at      timestamptz not null default now(),
    sent_at         timestamptz
);
create index contact_mail_due on contact_mail (next_attempt_at) where status = 'PENDING';
create index contact_mail_partner on contact_mail (partner_id);

-- Partners whose profile was removed (partner.profile.v1), with the time: a contact request made before it and
-- still on its way is dropped.
create table removed_partner (
    partner_id uuid        primary key,
    removed_at timestamptz not null default now()
);
