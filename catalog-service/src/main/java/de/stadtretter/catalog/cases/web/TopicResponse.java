package de.stadtretter.catalog.cases.web;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One entry of the topic list (Handlungsfeld). */
public record TopicResponse(String id, @JsonProperty("label_de") String labelDe,
        @JsonProperty("label_en") String labelEn) {}
