-- Profiles of verified partners learnt from partner.profile.v1 (partner-service owns them), the input for
-- recommending partners to a town's need: topics (of the profile and its offerings), regions, and the cases the
-- towns confirmed it worked on. Dropped when the partner is removed.
create table partner_profile (
    partner_id  uuid        primary key,
    name        text        not null,
    topics      text[]      not null,
    regions     text[]      not null,
    updated_at  timestamptz not null default now()
);
create index partner_profile_topics on partner_profile using gin (topics);

create table partner_evidence (
    reference_id uuid        primary key,
    partner_id   uuid        not null references partner_profile (partner_id) on delete cascade,
    case_id      uuid        not null,
    confirmed_at timestamptz not null
);
create index partner_evidence_partner on partner_evidence (partner_id);
