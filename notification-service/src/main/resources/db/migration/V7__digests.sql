-- What subscribers can be told about, built from the consumed events: new or updated public cases, newly verified
-- partners, other towns' public needs. An update moves available_at, so that the item is news again for those who
-- have not had it; withdrawn items (archived, removed, closed, no longer public) are mailed no more.
create table digest_item (
    kind         text        not null check (kind in ('CASE', 'PARTNER', 'NEED')),
    item_id      uuid        not null,
    title        text        not null,
    teaser       text        not null,
    place        text,
    topics       text[]      not null,
    -- state codes of the item; empty: nationwide (a partner working in all of Germany)
    laender      text[]      not null default '{}',
    -- the town type of the item's municipality (gemeindetypen.csv); null when it has none (partners)
    town_type    text,
    -- when it became available or was last updated (shown as its date, newest first)
    available_at timestamptz not null,
    -- when this service learnt of it: runs take the items received since the previous run
    received_at  timestamptz not null default now(),
    withdrawn_at timestamptz,
    primary key (kind, item_id)
);
create index digest_item_received on digest_item (received_at) where withdrawn_at is null;

-- Every item a subscriber got, in whichever mail: never mailed to them again. sent_in is the mail (digest_mail).
create table sent_item (
    subscription_id uuid not null references subscription (id) on delete cascade,
    kind            text not null,
    item_id         uuid not null,
    sent_in         uuid not null,
    primary key (subscription_id, kind, item_id)
);
create index sent_item_mail on sent_item (sent_in);

-- One run of a digest: the subscribers of one frequency, visited in id order; cursor is the last one done, so an
-- interrupted run goes on where it stopped.
create table digest_run (
    id          uuid        primary key,
    frequency   text        not null check (frequency in ('IMMEDIATE', 'DAILY', 'WEEKLY')),
    slot        timestamptz not null,
    since       timestamptz not null,
    cursor      uuid,
    mails       integer     not null default 0,
    started_at  timestamptz not null default now(),
    -- the last batch done: a run without one for a while is left over by a dead instance, and taken over
    heartbeat_at timestamptz not null default now(),
    finished_at timestamptz,
    unique (frequency, slot)
);
create index digest_run_unfinished on digest_run (started_at) where finished_at is null;

-- The digest mails (the mail outbox of digests and immediate mails); the items are those of sent_item.sent_in.
create table digest_mail (
    id              uuid        primary key,
    run_id          uuid        not null references digest_run (id) on delete cascade,
    subscription_id uuid        not null references subscription (id) on delete cascade,
    recipient       text        not null,
    frequency       text        not null,
    -- matching items left out because a mail shows at most so many
    more            integer     not null default 0,
    status          text        not null default 'PENDING' check (status in ('PENDING', 'SENT', 'FAILED', 'CANCELLED')),
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null default now(),
    last_error      text,
    created_at      timestamptz not null default now(),
    sent_at         timestamptz,
    unique (run_id, subscription_id)
);
create index digest_mail_due on digest_mail (next_attempt_at) where status = 'PENDING';

-- The cases known so far become digest items, and the case mails sent so far count as sent items.
insert into digest_item (kind, item_id, title, teaser, place, topics, laender, available_at, received_at,
    withdrawn_at)
select 'CASE', case_id, title, teaser, municipality_name, topics,
       case when state_code is null then '{}'::text[] else array[state_code] end,
       coalesce(published_at, received_at), received_at, archived_at
from known_case;
insert into sent_item (subscription_id, kind, item_id, sent_in)
select subscription_id, 'CASE', case_id, id from mail_delivery where status = 'SENT'
on conflict do nothing;
update mail_delivery set status = 'CANCELLED', last_error = 'superseded by digest_mail' where status = 'PENDING';

-- db-scheduler's table (com.github.kagkarlsson:db-scheduler): the digest schedules, cluster-safe.
create table scheduled_tasks (
    task_name            text                     not null,
    task_instance        text                     not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean                  not null,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures integer,
    last_heartbeat       timestamp with time zone,
    version              bigint                   not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index execution_time_idx on scheduled_tasks (execution_time);
create index last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);
