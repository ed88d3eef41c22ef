package de.stadtretter.partner.profiles.web;

import jakarta.validation.constraints.Size;

import de.stadtretter.kit.web.text.MultilineText;

/** Body of {@code POST /api/partners/{id}/verify} (optional) and {@code /reject} (the comment is required there). */
public record ReviewRequest(@MultilineText @Size(max = 2_000) String comment) {}
