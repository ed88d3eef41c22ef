package de.stadtretter.matching.matches.domain;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Table {@code match_found}: each (need, item) announced once. The row and the event are written in one transaction;
 * every replica may find the same match, only the first insert announces it.
 */
@Repository
public class MatchRecords {

    private final JdbcClient jdbc;
    private final MatchPublications publications;

    public MatchRecords(JdbcClient jdbc, MatchPublications publications) {
        this.jdbc = jdbc;
        this.publications = publications;
    }

    /** Records and announces the match unless it was announced before; true if it is new. */
    @Transactional
    public boolean announce(FoundMatch match) {
        int inserted = jdbc.sql("""
                insert into match_found (need_id, item_kind, item_id, score)
                values (:need, :kind, :item, :score)
                on conflict (need_id, item_kind, item_id) do nothing""")
                .param("need", match.needId()).param("kind", match.itemKind().name()).param("item", match.itemId())
                .param("score", match.score()).update();
        if (inserted == 1) {
            publications.found(match);
        }
        return inserted == 1;
    }

    public long count(java.util.UUID needId) {
        return jdbc.sql("select count(*) from match_found where need_id = :need").param("need", needId)
                .query(Long.class).single();
    }
}
