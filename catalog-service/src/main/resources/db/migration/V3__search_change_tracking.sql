-- The search index of every catalog-service replica follows the table cases: each change of a case (and of its
-- "hilfreich" votes) stamps search_changed_at with the database clock, and every replica polls for recent stamps.
alter table cases add column search_changed_at timestamptz not null default clock_timestamp();
create index cases_search_changed on cases (search_changed_at);

create function cases_stamp_search_change() returns trigger language plpgsql as $$
begin
    new.search_changed_at := clock_timestamp();
    return new;
end $$;

create trigger cases_search_change before update on cases
    for each row execute function cases_stamp_search_change();

create function case_helpful_stamp_search_change() returns trigger language plpgsql as $$
begin
    update cases set search_changed_at = clock_timestamp()
    where id = coalesce(new.case_id, old.case_id);
    return null;
end $$;

create trigger case_helpful_search_change after insert or delete on case_helpful
    for each row execute function case_helpful_stamp_search_change();
