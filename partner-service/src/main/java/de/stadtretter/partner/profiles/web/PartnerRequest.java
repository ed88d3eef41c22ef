package de.stadtretter.partner.profiles.web;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.hibernate.validator.constraints.UniqueElements;

import de.stadtretter.kit.web.text.MultilineText;
import de.stadtretter.kit.web.validation.HttpUrl;
import de.stadtretter.kit.web.validation.TopicIds;
import de.stadtretter.partner.profiles.domain.CompanySize;
import de.stadtretter.partner.profiles.domain.PartnerProfile;

/**
 * Body of {@code POST /api/partners} and {@code PUT /api/partners/{id}} (which needs the {@code version} it is
 * based on). Text is plain text; nothing is ever interpreted as HTML.
 */
public record PartnerRequest(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 60) String legalForm,
        @NotBlank @MultilineText @Size(max = 5_000) String description,
        @Size(max = 2_000) @HttpUrl String website,
        @Size(max = 2_000) @HttpUrl String logoUrl,
        @NotEmpty @Size(max = 8) @UniqueElements @TopicIds List<String> topics,
        @NotEmpty @Size(max = 17) @UniqueElements @RegionCodes List<String> regions,
        CompanySize size,
        @NotNull @Valid ContactRequest contact,
        @NotNull(groups = OnUpdate.class) @PositiveOrZero Long version) {

    /** Validation group of the rules only an edit has. */
    public interface OnUpdate {}

    /** The contact person: shown to logged-in members only; contact requests are mailed to this address. */
    public record ContactRequest(
            @NotBlank @Size(max = 120) String name,
            @NotBlank @Email @Size(max = 254) String email,
            @Pattern(regexp = "^[0-9 +()/.\\-]{3,40}$", message = "must be a phone number (digits, spaces, + ( ) / . -)")
            String phone) {}

    PartnerProfile profile() {
        return new PartnerProfile(name, blankToNull(legalForm), description, blankToNull(website),
                blankToNull(logoUrl), topics, regions, size,
                new PartnerProfile.Contact(contact.name(), contact.email(), blankToNull(contact.phone())));
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
