-- The address of whoever wrote a need is not needed here: the members who want match mails give theirs to
-- notification-service (need watches), which sends them. What was kept goes.
alter table need drop column creator_email;
