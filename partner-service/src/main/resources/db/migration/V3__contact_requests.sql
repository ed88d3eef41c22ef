-- Messages members sent to partners through the platform. Kept 30 days (the limits look at the last 24 hours);
-- they go with the partner's profile.
create table contact_request (
    id                  uuid        primary key,
    partner_id          uuid        not null references partner (id) on delete cascade,
    sender_subject      text        not null,
    sender_name         text        not null,
    sender_email        text        not null,
    sender_organisation text,
    subject             text        not null,
    message             text        not null,
    created_at          timestamptz not null
);
create index contact_request_sender on contact_request (sender_subject, created_at);
create index contact_request_partner on contact_request (partner_id, created_at);
create index contact_request_created on contact_request (created_at);
