-- Where the platform mails a member about their work (claims to decide, decisions on what they submitted): the
-- verified address, name, organisation and roles from the member's own access token, registered when they sign in
-- to the portal (PUT /api/notifications/me/address). wanted: the member may turn these mails off (and on) in
-- "Mein Konto". Deleted on request, and after 13 months without a sign-in.
create table member_address (
    subject      text        primary key,
    email        text        not null,
    name         text,
    organisation text,
    roles        text[]      not null default '{}',
    wanted       boolean     not null default true,
    updated_at   timestamptz not null default now()
);
create index member_address_organisation on member_address (organisation);

-- The mails of the editorial workflow (catalog.review.v1, partner.review.v1), one per (event, recipient) at most.
-- model: what the template needs (ids, titles, names; never the editors' comment). Sent: the address is erased.
create table workflow_mail (
    id              uuid        primary key,
    event_id        text        not null,
    kind            text        not null check (kind in ('REFERENCE_CLAIMED', 'PROFILE_VERIFIED', 'PROFILE_REJECTED',
                                                          'CASE_CHANGES_REQUESTED', 'CASE_PUBLISHED')),
    subject         text        not null,
    recipient       text        not null,
    recipient_name  text,
    model           jsonb       not null,
    status          text        not null default 'PENDING' check (status in ('PENDING', 'SENT', 'FAILED')),
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null default now(),
    last_error      text,
    created_at      timestamptz not null default now(),
    sent_at         timestamptz,
    unique (event_id, subject)
);
create index workflow_mail_due on workflow_mail (next_attempt_at) where status = 'PENDING';
