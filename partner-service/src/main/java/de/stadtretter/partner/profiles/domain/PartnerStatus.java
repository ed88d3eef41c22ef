package de.stadtretter.partner.profiles.domain;

/** A profile is {@code PENDING} until the Redaktion verifies it; only {@code VERIFIED} profiles are public. */
public enum PartnerStatus {
    PENDING, VERIFIED, REJECTED
}
