package de.stadtretter.catalog.cases.web;

import java.util.List;

import org.hibernate.validator.constraints.UniqueElements;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** Body of {@code PUT /api/catalog/cases/{id}}: the new content and the version it was based on. */
public record UpdateCaseRequest(
        @NotBlank @Size(max = 120) String title,
        @NotBlank @Size(max = 300) String teaser,
        @NotEmpty @UniqueElements @TopicIds List<String> topics,
        @NotNull @PositiveOrZero Long version) {}
