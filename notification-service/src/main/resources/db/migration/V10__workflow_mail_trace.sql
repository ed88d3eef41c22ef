-- The W3C traceparent of the event that queued the mail (null when it was not traced): the dispatcher continues
-- that trace when it sends the mail (service kit, TraceContexts). Expand only: old code ignores it.
alter table workflow_mail add column trace_parent text;
