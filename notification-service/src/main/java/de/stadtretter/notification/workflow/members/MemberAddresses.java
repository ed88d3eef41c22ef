package de.stadtretter.notification.workflow.members;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Table {@code member_address}: where the platform mails a member about their work, as their own access token said
 * when they last signed in to the portal. Events carry subjects, towns and partner ids; this table turns them into
 * addresses, so that no address travels through Kafka.
 */
@Repository
public class MemberAddresses {

    /** How long an address is kept without a sign-in: a member who left is forgotten after that. */
    public static final Duration KEPT_WITHOUT_SIGN_IN = Duration.ofDays(396);

    /**
     * @param organisation the member's town (AGS) or partner id
     * @param roles the member's platform roles
     * @param wanted the member wants these mails (they may turn them off)
     */
    public record MemberAddress(String subject, String email, String name, String organisation, List<String> roles,
            boolean wanted, Instant updatedAt) {}

    private static final RowMapper<MemberAddress> ROW = (rs, n) -> new MemberAddress(rs.getString("subject"),
            rs.getString("email"), rs.getString("name"), rs.getString("organisation"),
            Arrays.asList((String[]) rs.getArray("roles").getArray()), rs.getBoolean("wanted"),
            rs.getTimestamp("updated_at").toInstant());

    private final JdbcClient jdbc;

    public MemberAddresses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Registers or renews the member's address; {@code wanted} null keeps the member's choice (new: wanted). */
    public MemberAddress save(String subject, String email, String name, String organisation, List<String> roles,
            Boolean wanted) {
        return jdbc.sql("""
                insert into member_address (subject, email, name, organisation, roles, wanted, updated_at)
                values (:subject, :email, :name, :organisation, :roles, coalesce(:wanted, true), now())
                on conflict (subject) do update set email = excluded.email, name = excluded.name,
                    organisation = excluded.organisation, roles = excluded.roles,
                    wanted = coalesce(:wanted, member_address.wanted), updated_at = now()
                returning subject, email, name, organisation, roles, wanted, updated_at""")
                .param("subject", subject).param("email", email).param("name", name)
                .param("organisation", organisation).param("roles", roles.toArray(String[]::new))
                .param("wanted", wanted, java.sql.Types.BOOLEAN).query(ROW).single();
    }

    public Optional<MemberAddress> find(String subject) {
        return jdbc.sql("select * from member_address where subject = :subject").param("subject", subject)
                .query(ROW).optional();
    }

    /** The member, if they want these mails. */
    public Optional<MemberAddress> recipient(String subject) {
        return find(subject).filter(MemberAddress::wanted);
    }

    /** The members of an organisation (a town's AGS, a partner's id) who have {@code role} and want these mails. */
    public List<MemberAddress> members(String organisation, String role) {
        return jdbc.sql("""
                select * from member_address where organisation = :organisation and :role = any(roles) and wanted
                order by subject""")
                .param("organisation", organisation).param("role", role).query(ROW).list();
    }

    public boolean delete(String subject) {
        return jdbc.sql("delete from member_address where subject = :subject").param("subject", subject).update() > 0;
    }

    /** Forgets the members who have not signed in for {@link #KEPT_WITHOUT_SIGN_IN}; returns how many. */
    public int deleteStale() {
        return jdbc.sql("delete from member_address where updated_at < :before")
                .param("before", Timestamp.from(Instant.now().minus(KEPT_WITHOUT_SIGN_IN))).update();
    }
}
