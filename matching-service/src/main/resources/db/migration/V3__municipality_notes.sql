-- What a Kommune adds to the reference data about itself: the topics it focuses on and a short self-description.
-- The structural data (population, area, district, Land, town type) comes from the reference data on every read.
create table municipality_note (
    ags              char(8)     primary key,
    focus_topics     text[]      not null default '{}',
    self_description text,
    version          bigint      not null default 0,
    updated_at       timestamptz not null,
    updated_by       text        not null
);
