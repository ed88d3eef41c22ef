-- The complete case record (issue 6): project status and dates, the eight text sections, budget, funding,
-- indicators, actors and links. Lists of values are arrays, structured lists jsonb.
alter table cases
    add column tags               text[]  not null default '{}',
    add column project_status     text    check (project_status in ('PLANNED', 'RUNNING', 'COMPLETED')),
    add column start_date         date,
    add column end_date           date,
    add column problem            text,
    add column objectives         text,
    add column approach           text,
    add column implementation     text,
    add column resources          text,
    add column results            text,
    add column lessons            text,
    add column transferability    text,
    add column budget_min_eur     bigint  check (budget_min_eur >= 0),
    add column budget_max_eur     bigint  check (budget_max_eur >= 0),
    add column funding_programmes text[]  not null default '{}',
    add column duration_months    integer check (duration_months >= 0),
    add column indicators         jsonb   not null default '[]',
    add column actors             jsonb,
    add column links              jsonb   not null default '[]',
    add constraint cases_dates_in_order check (end_date is null or start_date is null or end_date >= start_date),
    add constraint cases_budget_in_order
        check (budget_max_eur is null or budget_min_eur is null or budget_max_eur >= budget_min_eur);

-- The contact person is personal data: kept apart, so it can be erased on its own and never joins a projection
-- for events, exports or search by accident.
create table case_contact (
    case_id uuid primary key references cases (id) on delete cascade,
    name    text,
    role    text,
    email   text,
    phone   text
);

-- The Redaktion's latest request for changes, shown to the owner until the case is submitted again.
alter table cases add column review_comment text;

-- "Hilfreich": one vote per member and case.
create table case_helpful (
    case_id    uuid        not null references cases (id) on delete cascade,
    subject    text        not null,
    voted_at   timestamptz not null,
    primary key (case_id, subject)
);
