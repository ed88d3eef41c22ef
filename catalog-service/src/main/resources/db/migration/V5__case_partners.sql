-- Partners whose reference to a case the town confirmed, learnt from partner.profile.v1 (partner-service owns
-- them): shown on the case as "partners". A case's own actors.partnerIds stay as entered.
create table case_partner (
    reference_id uuid        primary key,
    case_id      uuid        not null,
    partner_id   uuid        not null,
    partner_name text        not null,
    role         text        not null,
    confirmed_at timestamptz not null
);
create index case_partner_case on case_partner (case_id);
create index case_partner_partner on case_partner (partner_id);

