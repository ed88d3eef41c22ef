package de.stadtretter.partner.contacts.domain;

import static de.stadtretter.kit.jdbc.SqlValues.timestamp;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code contact_request}. */
@Repository
public class ContactRequests {

    private final JdbcClient jdbc;

    ContactRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(ContactRequest r) {
        jdbc.sql("""
                insert into contact_request (id, partner_id, sender_subject, sender_name, sender_email,
                    sender_organisation, subject, message, created_at)
                values (:id, :partnerId, :senderSubject, :senderName, :senderEmail, :senderOrganisation, :subject,
                    :message, :createdAt)""")
                .param("id", r.id()).param("partnerId", r.partnerId()).param("senderSubject", r.senderSubject())
                .param("senderName", r.senderName()).param("senderEmail", r.senderEmail())
                .param("senderOrganisation", r.senderOrganisation()).param("subject", r.subject())
                .param("message", r.message()).param("createdAt", timestamp(r.createdAt()))
                .update();
    }

    /**
     * Serialises the requests of one sender and of one partner (a transaction-scoped advisory lock each), so that
     * two requests at once cannot both slip under a limit.
     */
    public void lock(String senderSubject, UUID partnerId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('contact-sender:' || :s)), "
                        + "pg_advisory_xact_lock(hashtext('contact-partner:' || :p))")
                .param("s", senderSubject).param("p", partnerId.toString()).query().singleRow();
    }

    /** How many requests {@code senderSubject} sent since {@code since}, and the oldest of them. */
    public Window bySender(String senderSubject, Instant since) {
        return window("sender_subject = :key", senderSubject, since);
    }

    /** How many requests {@code partnerId} received since {@code since}, and the oldest of them. */
    public Window byPartner(UUID partnerId, Instant since) {
        return window("partner_id = :key", partnerId, since);
    }

    public record Window(long count, Optional<Instant> oldest) {}

    private Window window(String condition, Object key, Instant since) {
        return jdbc.sql("select count(*), min(created_at) from contact_request where " + condition
                        + " and created_at > :since")
                .param("key", key).param("since", timestamp(since))
                .query((rs, n) -> new Window(rs.getLong(1), Optional.ofNullable(rs.getTimestamp(2))
                        .map(Timestamp::toInstant)))
                .single();
    }

    /** Deletes requests older than {@code before}: what the limits and the mail needed is long done. */
    public int purge(Instant before) {
        return jdbc.sql("delete from contact_request where created_at < :before")
                .param("before", timestamp(before)).update();
    }
}
