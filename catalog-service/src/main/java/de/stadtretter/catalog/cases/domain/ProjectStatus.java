package de.stadtretter.catalog.cases.domain;

/** Where the project itself stands (not the case's editorial status): geplant, laufend, abgeschlossen. */
public enum ProjectStatus {
    PLANNED,
    RUNNING,
    COMPLETED
}
