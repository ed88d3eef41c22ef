package de.stadtretter.matching.matches.domain;

/** Announces a match on {@code matching.match.v1}, in the transaction that records it (outbox). */
public interface MatchPublications {

    void found(FoundMatch match);
}
