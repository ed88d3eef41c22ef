package de.stadtretter.partner.profiles.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.stadtretter.kit.security.CurrentUser;
import de.stadtretter.kit.web.ConflictException;
import de.stadtretter.kit.web.NotFoundException;
import de.stadtretter.kit.web.PreconditionFailedException;

/**
 * Partner profiles and their offerings: created by the company (or the Redaktion when onboarding it), verified or
 * rejected by the Redaktion, every change recorded with who and when. Changes of a public profile are announced
 * in the same transaction.
 */
@Service
public class PartnerService {

    /** More offerings than this make a profile a catalogue of its own; nobody reads that far. */
    public static final int MAX_OFFERINGS = 30;

    private final PartnerRepository partners;
    private final PartnerPublications publications;
    private final ReviewPublications reviews;
    private final Clock clock;

    public PartnerService(PartnerRepository partners, PartnerPublications publications, ReviewPublications reviews,
            Clock clock) {
        this.partners = partners;
        this.publications = publications;
        this.reviews = reviews;
        this.clock = clock;
    }

    /**
     * A {@code partner} user creates the profile of its own organisation (the id is its {@code organisation}
     * claim); the Redaktion creates one for a company it onboards (a new id).
     */
    @Transactional
    public Partner create(CurrentUser user, PartnerProfile profile) {
        UUID id;
        if (user.hasRole(CurrentUser.PARTNER) && !user.isEditor()) {
            id = organisationId(user);
            if (partners.exists(id)) {
                throw new ConflictException("Your organisation already has a partner profile; edit it instead.");
            }
        } else if (user.isEditor()) {
            id = UUID.randomUUID();
        } else {
            throw new AccessDeniedException("only partner companies and the Redaktion create partner profiles");
        }
        Instant now = clock.instant();
        Partner partner = new Partner(id, PartnerStatus.PENDING, profile, List.of(), null, false, 0, now, now, null);
        partners.insert(partner);
        partners.recordHistory(id, "created", actor(user), !PartnerAccess.isOwner(user, id), now, List.of(), null);
        return partner;
    }

    @Transactional(readOnly = true)
    public Partner get(CurrentUser user, UUID id) {
        return partners.find(id).filter(p -> PartnerAccess.canView(user, p))
                .orElseThrow(() -> new NotFoundException("Partner", id));
    }

    /**
     * Changes the profile. A rejected profile goes back to the Redaktion ({@code PENDING}); a verified one stays
     * public, and the change is announced.
     */
    @Transactional
    public Partner edit(CurrentUser user, UUID id, Long bodyVersion, Long ifMatchVersion, PartnerProfile profile) {
        Partner current = changeable(user, id);
        checkVersion(current, bodyVersion, ifMatchVersion);
        List<String> changed = profile.changedFrom(current.profile());
        if (changed.isEmpty()) {
            return current;
        }
        Instant now = clock.instant();
        PartnerStatus status = current.status() == PartnerStatus.REJECTED ? PartnerStatus.PENDING : current.status();
        Partner updated = partners.update(new Partner(id, status, profile, current.offerings(),
                current.reviewComment(), current.demo(), current.version(), current.createdAt(), now,
                current.verifiedAt()));
        partners.recordHistory(id, "edited", actor(user), !PartnerAccess.isOwner(user, id), now, changed, null);
        if (updated.isPublic()) {
            publications.updated(updated);
        }
        return updated;
    }

    @Transactional
    public OfferingChange addOffering(CurrentUser user, UUID id, Offering offering) {
        Partner current = changeable(user, id);
        if (partners.countOfferings(id) >= MAX_OFFERINGS) {
            throw new ConflictException("A profile has at most " + MAX_OFFERINGS + " offerings; remove one first.");
        }
        Offering created = offering.withId(UUID.randomUUID());
        Instant now = clock.instant();
        partners.insertOffering(id, created, now);
        return offeringChanged(user, current, "offering.added", created, now);
    }

    @Transactional
    public OfferingChange editOffering(CurrentUser user, UUID id, UUID offeringId, Offering offering) {
        Partner current = changeable(user, id);
        Offering edited = offering.withId(offeringId);
        if (!partners.updateOffering(id, edited)) {
            throw new NotFoundException("Offering", offeringId);
        }
        return offeringChanged(user, current, "offering.edited", edited, clock.instant());
    }

    @Transactional
    public Partner deleteOffering(CurrentUser user, UUID id, UUID offeringId) {
        Partner current = changeable(user, id);
        if (!partners.deleteOffering(id, offeringId)) {
            throw new NotFoundException("Offering", offeringId);
        }
        return offeringChanged(user, current, "offering.deleted", null, clock.instant()).partner();
    }

    /** The partner with its new version after an offering changed, and the offering as stored. */
    public record OfferingChange(Partner partner, Offering offering) {}

    private OfferingChange offeringChanged(CurrentUser user, Partner current, String action, Offering offering,
            Instant now) {
        partners.touch(current.id(), now);
        partners.recordHistory(current.id(), action, actor(user), !PartnerAccess.isOwner(user, current.id()), now,
                offering == null ? List.of() : List.of(offering.id().toString()), null);
        Partner updated = partners.find(current.id()).orElseThrow();
        if (updated.isPublic()) {
            publications.updated(updated);
        }
        return new OfferingChange(updated, offering);
    }

    /** The Redaktion verifies a pending profile: it becomes public. */
    @Transactional
    public Partner verify(CurrentUser user, UUID id, Long ifMatchVersion, String comment) {
        Partner current = reviewable(user, id);
        checkVersion(current, null, ifMatchVersion);
        if (current.status() != PartnerStatus.PENDING) {
            throw new ConflictException("Only a pending profile can be verified; this one is " + current.status()
                    + ".");
        }
        Instant now = clock.instant();
        Partner verified = partners.update(new Partner(id, PartnerStatus.VERIFIED, current.profile(),
                current.offerings(), null, current.demo(), current.version(), current.createdAt(), now, now));
        partners.recordHistory(id, "verified", actor(user), false, now, List.of(), comment);
        publications.published(verified);
        reviews.reviewed(verified, PartnerStatus.VERIFIED, now);
        return verified;
    }

    /**
     * The Redaktion rejects a pending profile, or takes a verified one down, with a comment for the company; a
     * public profile leaves the directory.
     */
    @Transactional
    public Partner reject(CurrentUser user, UUID id, Long ifMatchVersion, String comment) {
        Partner current = reviewable(user, id);
        checkVersion(current, null, ifMatchVersion);
        if (current.status() == PartnerStatus.REJECTED) {
            throw new ConflictException("This profile is already rejected.");
        }
        Instant now = clock.instant();
        Partner rejected = partners.update(new Partner(id, PartnerStatus.REJECTED, current.profile(),
                current.offerings(), comment, current.demo(), current.version(), current.createdAt(), now, null));
        partners.recordHistory(id, "rejected", actor(user), false, now, List.of(), comment);
        if (current.isPublic()) {
            publications.removed(id, now);
        }
        reviews.reviewed(rejected, PartnerStatus.REJECTED, now);
        return rejected;
    }

    /** The company (or an admin) deletes the profile: its data goes, and every service is told to drop it. */
    @Transactional
    public void delete(CurrentUser user, UUID id) {
        Partner current = partners.find(id).filter(p -> PartnerAccess.canView(user, p))
                .orElseThrow(() -> new NotFoundException("Partner", id));
        if (!PartnerAccess.canDelete(user, id)) {
            throw new AccessDeniedException("only the company itself or an admin deletes a profile");
        }
        partners.delete(id);
        if (current.isPublic()) {
            publications.removed(id, clock.instant());
        }
    }

    /** Profiles for the Redaktion, e.g. the verification queue ({@code PENDING}, oldest first). */
    @Transactional(readOnly = true)
    public List<Partner> list(CurrentUser user, PartnerStatus status, int page, int size) {
        if (!PartnerAccess.canReview(user)) {
            throw new AccessDeniedException("only the Redaktion lists profiles in every status");
        }
        return partners.list(status, page, size);
    }

    @Transactional(readOnly = true)
    public long count(PartnerStatus status) {
        return partners.count(status);
    }

    @Transactional(readOnly = true)
    public List<PartnerRepository.HistoryEntry> history(CurrentUser user, UUID id) {
        changeable(user, id);
        return partners.history(id);
    }

    /** The profile, if the caller may change it; 404 when it may not even see it. */
    public Partner changeable(CurrentUser user, UUID id) {
        Partner current = partners.find(id).filter(p -> PartnerAccess.canView(user, p))
                .orElseThrow(() -> new NotFoundException("Partner", id));
        if (!PartnerAccess.canChange(user, id)) {
            throw new AccessDeniedException("only the company itself and the Redaktion change a profile");
        }
        return current;
    }

    private Partner reviewable(CurrentUser user, UUID id) {
        Partner current = partners.find(id).filter(p -> PartnerAccess.canView(user, p))
                .orElseThrow(() -> new NotFoundException("Partner", id));
        if (!PartnerAccess.canReview(user)) {
            throw new AccessDeniedException("only the Redaktion verifies or rejects profiles");
        }
        return current;
    }

    /** A stale body version is a conflict (409), a stale {@code If-Match} a failed precondition (412). */
    private static void checkVersion(Partner current, Long bodyVersion, Long ifMatchVersion) {
        if (ifMatchVersion != null && ifMatchVersion != current.version()) {
            throw new PreconditionFailedException("Partner " + current.id() + " is at version " + current.version()
                    + ", not the one in If-Match; reload it and try again.");
        }
        if (bodyVersion != null && bodyVersion != current.version()) {
            throw new OptimisticLockingFailureException("Partner " + current.id() + " is at version "
                    + current.version() + ", not " + bodyVersion);
        }
    }

    private static UUID organisationId(CurrentUser user) {
        try {
            return UUID.fromString(user.organisation() == null ? "" : user.organisation());
        } catch (IllegalArgumentException e) {
            throw new AccessDeniedException("the organisation claim is not a partner company id");
        }
    }

    /** Who did it, as the history names them: the username. */
    public static String actor(CurrentUser user) {
        return user.username() == null ? user.subject() : user.username();
    }
}
