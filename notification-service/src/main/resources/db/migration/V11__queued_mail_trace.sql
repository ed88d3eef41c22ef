-- The W3C traceparent of the work that queued the mail (the consumer's span of the event, or the request that asked
-- for a confirmation; null when it was not traced): the dispatcher sends the mail in that trace, as for
-- workflow_mail (V10). Expand only: old code ignores the columns.
alter table confirmation_mail add column trace_parent text;
alter table contact_mail add column trace_parent text;
alter table match_mail add column trace_parent text;
