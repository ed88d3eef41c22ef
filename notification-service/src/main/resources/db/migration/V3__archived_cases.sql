-- catalog-service archived the case (CaseArchived): it is no longer announced; mails not yet sent are cancelled.
alter table known_case add column archived_at timestamptz;
