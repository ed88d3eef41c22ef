-- At most a few confirmation mails per address and hour, so that nobody can flood a stranger's inbox
-- by requesting subscriptions in their name.
alter table subscription
    add column confirmation_window_start    timestamptz,
    add column confirmation_mails_in_window integer not null default 0;
