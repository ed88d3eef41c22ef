package de.stadtretter.catalog.cases.web;

import java.util.List;

import org.hibernate.validator.constraints.UniqueElements;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/catalog/cases}. */
public record CreateCaseRequest(
        @NotBlank @Size(max = 120) String title,
        @NotBlank @Size(max = 300) String teaser,
        @NotNull @MunicipalityKey String ags,
        @NotEmpty @UniqueElements @TopicIds List<String> topics) {}
