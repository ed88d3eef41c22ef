-- A published case can be revised: the owner's changes wait in a revision until the Redaktion publishes them;
-- the published version in cases stays visible unchanged until then. At most one pending revision per case.
create table case_revision (
    case_id        uuid        primary key references cases (id) on delete cascade,
    content        jsonb       not null,
    status         text        not null check (status in ('DRAFT', 'SUBMITTED', 'CHANGES_REQUESTED')),
    based_on       bigint      not null,
    created_by     text        not null,
    created_at     timestamptz not null,
    updated_at     timestamptz not null,
    submitted_at   timestamptz,
    review_comment text,
    version        bigint      not null default 0
);
create index case_revision_submitted on case_revision (submitted_at) where status = 'SUBMITTED';

-- Which fields a step changed (edits of drafts and revisions, published revisions).
alter table case_history add column changed_fields text[] not null default '{}';
