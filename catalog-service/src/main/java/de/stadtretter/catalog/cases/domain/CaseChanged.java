package de.stadtretter.catalog.cases.domain;

import java.util.UUID;

/**
 * Published inside the transaction of every change of a case (content, workflow, votes), for read models of this
 * service such as the search index, which listen after the commit.
 */
public record CaseChanged(UUID id) {}
