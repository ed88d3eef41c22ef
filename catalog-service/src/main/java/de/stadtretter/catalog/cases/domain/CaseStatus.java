package de.stadtretter.catalog.cases.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a case is in the editorial workflow: draft → submitted → published, or back to the Kommune with
 * changes requested; published cases can be archived.
 */
public enum CaseStatus {
    DRAFT,
    SUBMITTED,
    CHANGES_REQUESTED,
    PUBLISHED,
    ARCHIVED;

    /** The statuses a case may move to from this one. */
    public Set<CaseStatus> next() {
        return switch (this) {
            case DRAFT, CHANGES_REQUESTED -> EnumSet.of(SUBMITTED);
            case SUBMITTED -> EnumSet.of(PUBLISHED, CHANGES_REQUESTED);
            case PUBLISHED -> EnumSet.of(ARCHIVED);
            case ARCHIVED -> EnumSet.noneOf(CaseStatus.class);
        };
    }

    public boolean canMoveTo(CaseStatus target) {
        return next().contains(target);
    }

    /** The owner may still change the content. */
    public boolean isEditable() {
        return this == DRAFT || this == CHANGES_REQUESTED;
    }
}
