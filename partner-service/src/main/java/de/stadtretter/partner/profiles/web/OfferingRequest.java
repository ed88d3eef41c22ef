package de.stadtretter.partner.profiles.web;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.hibernate.validator.constraints.UniqueElements;

import de.stadtretter.kit.web.text.MultilineText;
import de.stadtretter.kit.web.validation.TopicIds;
import de.stadtretter.partner.profiles.domain.Offering;

/** Body of {@code POST /api/partners/{id}/offerings} and {@code PUT .../offerings/{offeringId}}. */
public record OfferingRequest(
        @NotBlank @Size(max = 150) String title,
        @MultilineText @Size(max = 3_000) String description,
        @Size(max = 8) @UniqueElements @TopicIds List<String> topics,
        @Size(max = 17) @UniqueElements @RegionCodes List<String> regions,
        @Size(max = 200) String priceModel) {

    Offering offering() {
        return new Offering(null, title, PartnerRequest.blankToNull(description), topics, regions,
                PartnerRequest.blankToNull(priceModel));
    }
}
