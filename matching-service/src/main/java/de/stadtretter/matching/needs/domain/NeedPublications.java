package de.stadtretter.matching.needs.domain;

/** Announces needs on {@code matching.need.v1}, in the transaction of the change (outbox). */
public interface NeedPublications {

    void opened(Need need);

    void updated(Need need);

    void closed(Need need);
}
