-- The W3C traceparent of the request that wrote the event (null when it was not traced): the outbox relay
-- continues that trace in the Kafka record's headers (service kit, TraceContexts). Expand only: old code ignores it.
alter table outbox_event add column trace_parent text;
