package de.stadtretter.catalog.cases.events;

import org.springframework.stereotype.Component;

import de.stadtretter.catalog.cases.domain.Case;
import de.stadtretter.catalog.cases.domain.CasePublications;
import de.stadtretter.catalog.cases.domain.Place;
import de.stadtretter.kit.config.KitProperties;
import de.stadtretter.kit.events.CloudEvent;
import de.stadtretter.kit.events.CloudEvents;
import de.stadtretter.kit.events.outbox.Outbox;
import de.stadtretter.kit.reference.ReferenceData;

/** Writes the events of topic {@value #TOPIC} to the outbox, inside the caller's transaction. */
@Component
public class CaseEvents implements CasePublications {

    public static final String TOPIC = "catalog.case.v1";
    public static final String PUBLISHED_TYPE = "de.stadtretter.catalog.case.published.v1";
    public static final String PUBLISHED_SCHEMA =
            "https://stadtretter.de/schemas/events/catalog.case.v1/de.stadtretter.catalog.case.published.v1.schema.json";

    public static final String UPDATED_TYPE = "de.stadtretter.catalog.case.updated.v1";
    public static final String UPDATED_SCHEMA =
            "https://stadtretter.de/schemas/events/catalog.case.v1/de.stadtretter.catalog.case.updated.v1.schema.json";

    public static final String ARCHIVED_TYPE = "de.stadtretter.catalog.case.archived.v1";
    public static final String ARCHIVED_SCHEMA =
            "https://stadtretter.de/schemas/events/catalog.case.v1/de.stadtretter.catalog.case.archived.v1.schema.json";

    private final Outbox outbox;
    private final CloudEvents cloudEvents;
    private final ReferenceData referenceData;
    private final String source;

    public CaseEvents(Outbox outbox, CloudEvents cloudEvents, ReferenceData referenceData, KitProperties kit) {
        this.outbox = outbox;
        this.cloudEvents = cloudEvents;
        this.referenceData = referenceData;
        this.source = kit.serviceName();
    }

    /**
     * Appends CasePublished v1 for a case that has just been published, with its full public projection; key and
     * subject are the case id.
     */
    @Override
    public void published(Case c) {
        append(PUBLISHED_TYPE, PUBLISHED_SCHEMA, c);
    }

    /** Appends CaseUpdated v1: the Redaktion published a revision; the data is the new public projection. */
    @Override
    public void updated(Case c) {
        append(UPDATED_TYPE, UPDATED_SCHEMA, c);
    }

    private void append(String type, String schema, Case c) {
        CaseProjectionV1 data = CaseProjectionV1.of(c, Place.of(c.ags(), referenceData));
        CloudEvent event = CloudEvent.create(source, type, c.id().toString(), schema, cloudEvents.toTree(data));
        outbox.append(TOPIC, c.id().toString(), event);
    }

    /** Appends CaseArchived v1: the case left the public catalogue (consumers drop or hide it). */
    @Override
    public void archived(Case c) {
        CloudEvent event = CloudEvent.create(source, ARCHIVED_TYPE, c.id().toString(), ARCHIVED_SCHEMA,
                cloudEvents.toTree(new CaseArchivedV1(c.id(), c.updatedAt())));
        outbox.append(TOPIC, c.id().toString(), event);
    }
}
