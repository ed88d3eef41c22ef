package de.stadtretter.partner.references.domain;

/** A claim waits for the town ({@code CLAIMED}); only {@code CONFIRMED} references count as evidence. */
public enum ReferenceStatus {
    CLAIMED, CONFIRMED, DECLINED
}
