package de.stadtretter.partner.references.web;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/partners/{id}/references}: the published case and the partner's role in it. */
public record ClaimRequest(@NotNull UUID caseId, @NotBlank @Size(max = 200) String role) {}
