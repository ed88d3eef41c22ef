package de.stadtretter.partner.profiles.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a partner company says about itself. {@code contact} is personal data: shown to logged-in members only,
 * never in events or logs.
 */
public record PartnerProfile(String name, String legalForm, String description, String website, String logoUrl,
        List<String> topics, List<String> regions, CompanySize size, Contact contact) {

    public PartnerProfile {
        topics = topics == null ? List.of() : List.copyOf(topics);
        regions = regions == null ? List.of() : List.copyOf(regions);
    }

    /** The contact person the platform forwards contact requests to. */
    public record Contact(String name, String email, String phone) {

        @Override
        public String toString() {
            return "Contact[redacted]";
        }
    }

    /** Names of the fields that differ from {@code before}, for the history ("contact", never its content). */
    public List<String> changedFrom(PartnerProfile before) {
        List<String> changed = new ArrayList<>();
        compare(changed, "name", before.name, name);
        compare(changed, "legalForm", before.legalForm, legalForm);
        compare(changed, "description", before.description, description);
        compare(changed, "website", before.website, website);
        compare(changed, "logoUrl", before.logoUrl, logoUrl);
        compare(changed, "topics", before.topics, topics);
        compare(changed, "regions", before.regions, regions);
        compare(changed, "size", before.size, size);
        compare(changed, "contact", before.contact, contact);
        return changed;
    }

    private static void compare(List<String> changed, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changed.add(field);
        }
    }
}
