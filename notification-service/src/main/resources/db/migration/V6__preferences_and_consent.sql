-- Preferences of a subscription: what it is about (topics, Länder, town types, kinds) and how often it is mailed.
-- Empty laender / town_types mean all. Subscriptions from before this migration got one mail per published case,
-- so they keep IMMEDIATE; new ones default to WEEKLY.
alter table subscription
    add column laender              text[] not null default '{}',
    add column town_types           text[] not null default '{}',
    add column kinds                text[] not null default '{CASES}',
    add column frequency            text   not null default 'IMMEDIATE'
        check (frequency in ('IMMEDIATE', 'DAILY', 'WEEKLY')),
    add column paused_at            timestamptz,
    -- the rest of the latest request, applied with requested_topics when it is confirmed
    add column requested_laender    text[],
    add column requested_town_types text[],
    add column requested_kinds      text[],
    add column requested_frequency  text,
    -- the consent record of the latest request, confirmed with it
    add column pending_consent_id   uuid,
    -- the account that manages this subscription in the portal (Keycloak subject), if any
    add column member_subject       text unique;
alter table subscription alter column frequency set default 'WEEKLY';
create index subscription_digest on subscription (frequency, id) where status = 'CONFIRMED' and paused_at is null;

-- Proof of consent (UWG § 7, DSGVO Art. 7 (1)): one record per request, kept when the subscription ends or its data
-- is erased, until keep_until (three years after the end of the year in which consent was withdrawn: the regular
-- limitation period of §§ 195, 199 BGB); records of requests that were never confirmed go with the subscription.
create table consent_record (
    id              uuid        primary key,
    subscription_id uuid        references subscription (id) on delete set null,
    email           text        not null,
    method          text        not null check (method in ('DOUBLE_OPT_IN', 'ACCOUNT')),
    consent_version text        not null,
    consent_text    text        not null,
    preferences     text        not null,
    -- the request's address shortened to /24 (IPv4) or /48 (IPv6)
    ip_prefix       text,
    requested_at    timestamptz not null,
    confirmed_at    timestamptz,
    withdrawn_at    timestamptz,
    keep_until      timestamptz
);
create index consent_record_email on consent_record (email);
create index consent_record_subscription on consent_record (subscription_id);

-- Subscription requests per client address and hour, shared by all replicas; the address is stored as an HMAC only.
create table client_request_window (
    client_key   text        primary key,
    window_start timestamptz not null,
    requests     integer     not null
);
