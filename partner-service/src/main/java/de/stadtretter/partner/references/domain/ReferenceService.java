package de.stadtretter.partner.references.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.stadtretter.kit.security.CurrentUser;
import de.stadtretter.kit.web.ConflictException;
import de.stadtretter.kit.web.InvalidFieldsException;
import de.stadtretter.kit.web.NotFoundException;
import de.stadtretter.partner.cases.domain.PublishedCases;
import de.stadtretter.partner.profiles.domain.Partner;
import de.stadtretter.partner.profiles.domain.PartnerAccess;
import de.stadtretter.partner.profiles.domain.PartnerRepository;
import de.stadtretter.partner.profiles.domain.PartnerService;

/**
 * References: a partner claims a published case, the town that owns it (its {@code organisation} is the case's AGS)
 * confirms or declines. The Redaktion may claim for a company and decide for a town when onboarding; both are
 * recorded as done on their behalf. Every step goes into the partner's history.
 */
@Service
public class ReferenceService {

    private final ReferenceRepository references;
    private final PartnerRepository partners;
    private final PartnerService partnerService;
    private final PublishedCases cases;
    private final ReferencePublications publications;
    private final ClaimPublications claims;
    private final Clock clock;

    public ReferenceService(ReferenceRepository references, PartnerRepository partners, PartnerService partnerService,
            PublishedCases cases, ReferencePublications publications, ClaimPublications claims, Clock clock) {
        this.references = references;
        this.partners = partners;
        this.partnerService = partnerService;
        this.cases = cases;
        this.publications = publications;
        this.claims = claims;
        this.clock = clock;
    }

    @Transactional
    public Reference claim(CurrentUser user, UUID partnerId, UUID caseId, String role) {
        Partner partner = partnerService.changeable(user, partnerId);
        var publishedCase = cases.find(caseId).orElseThrow(() -> InvalidFieldsException.of("caseId",
                "is not a published case of the catalogue"));
        boolean onBehalf = !PartnerAccess.isOwner(user, partnerId);
        Instant now = clock.instant();
        var existing = references.find(partnerId, caseId);
        Reference claim;
        if (existing.isPresent()) {
            if (existing.get().status() != ReferenceStatus.DECLINED) {
                throw new ConflictException("This partner already has a reference to this case ("
                        + existing.get().status() + ").");
            }
            claim = claimed(existing.get().id(), partner, publishedCase, role, user, onBehalf, now);
            references.reclaim(claim);
        } else {
            claim = claimed(UUID.randomUUID(), partner, publishedCase, role, user, onBehalf, now);
            references.insert(claim);
        }
        partners.recordHistory(partner.id(), "reference.claimed", PartnerService.actor(user), onBehalf, now,
                List.of(caseId.toString()), null);
        claims.claimed(claim);
        return claim;
    }

    private static Reference claimed(UUID id, Partner partner, PublishedCases.PublishedCase c, String role,
            CurrentUser user, boolean onBehalf, Instant now) {
        return new Reference(id, partner.id(), partner.profile().name(), c.caseId(), role, ReferenceStatus.CLAIMED,
                PartnerService.actor(user), onBehalf, now, null, false, null, c.title(), c.ags(), c.topics(),
                c.publishedAt());
    }

    /** The town confirms: the reference counts as evidence from now on. */
    @Transactional
    public Reference confirm(CurrentUser user, UUID referenceId) {
        Reference current = decidable(user, referenceId);
        if (current.status() != ReferenceStatus.CLAIMED) {
            throw new ConflictException("Only a claimed reference can be confirmed; this one is " + current.status()
                    + ".");
        }
        Reference confirmed = decide(user, current, ReferenceStatus.CONFIRMED);
        Partner partner = partners.find(current.partnerId()).orElseThrow();
        if (partner.isPublic()) {
            publications.confirmed(confirmed, partner);
        }
        return confirmed;
    }

    /** The town declines a claim, or takes back a confirmation it gave. */
    @Transactional
    public Reference decline(CurrentUser user, UUID referenceId) {
        Reference current = decidable(user, referenceId);
        if (current.status() == ReferenceStatus.DECLINED) {
            throw new ConflictException("This reference is already declined.");
        }
        Reference declined = decide(user, current, ReferenceStatus.DECLINED);
        withdrawn(current);
        return declined;
    }

    /** The partner (or the Redaktion) withdraws its claim or reference. */
    @Transactional
    public void withdraw(CurrentUser user, UUID partnerId, UUID referenceId) {
        Partner partner = partnerService.changeable(user, partnerId);
        Reference current = references.find(referenceId).filter(r -> r.partnerId().equals(partnerId))
                .orElseThrow(() -> new NotFoundException("Reference", referenceId));
        references.delete(referenceId);
        Instant now = clock.instant();
        partners.recordHistory(partner.id(), "reference.withdrawn", PartnerService.actor(user),
                !PartnerAccess.isOwner(user, partnerId), now, List.of(current.caseId().toString()), null);
        if (current.confirmed()) {
            partners.touch(partnerId, now);
        }
        withdrawn(current);
    }

    /**
     * A confirmed reference of a public profile stops counting: the case is told (the directory already follows the
     * partner's touch of the caller).
     */
    private void withdrawn(Reference before) {
        if (before.confirmed()) {
            Partner partner = partners.find(before.partnerId()).orElseThrow();
            if (partner.isPublic()) {
                publications.withdrawn(before, partner, clock.instant());
            }
        }
    }

    /** References of a partner: all of them for the company and the Redaktion, the confirmed ones for others. */
    @Transactional(readOnly = true)
    public List<Reference> ofPartner(CurrentUser user, UUID partnerId) {
        Partner partner = partnerService.get(user, partnerId);
        return references.ofPartner(partnerId, !PartnerAccess.canChange(user, partner.id()));
    }

    /** The confirmed references of these partners on cases in the catalogue: their evidence, newest first. */
    @Transactional(readOnly = true)
    public Map<UUID, List<Reference>> evidence(Collection<UUID> partnerIds) {
        return references.confirmedOf(partnerIds);
    }

    /** The claims a town has to decide (on its own cases), or every claim for the Redaktion. */
    @Transactional(readOnly = true)
    public List<Reference> inbox(CurrentUser user, ReferenceStatus status) {
        if (user.isEditor()) {
            return references.inbox(null, status);
        }
        if (user.hasRole(CurrentUser.KOMMUNE) && user.organisation() != null) {
            return references.inbox(user.organisation(), status);
        }
        throw new AccessDeniedException("only towns and the Redaktion decide on references");
    }

    /** A case changed or left the catalogue: the directory shows the partners referring to it anew. */
    @Transactional
    public void caseChanged(UUID caseId) {
        partners.touchReferencing(caseId);
    }

    private Reference decidable(CurrentUser user, UUID referenceId) {
        return references.find(referenceId)
                .filter(r -> r.caseAgs() != null && (user.isEditor() || isTown(user, r.caseAgs())))
                .orElseThrow(() -> new NotFoundException("Reference", referenceId));
    }

    private static boolean isTown(CurrentUser user, String ags) {
        return user.hasRole(CurrentUser.KOMMUNE) && user.belongsTo(ags);
    }

    private Reference decide(CurrentUser user, Reference current, ReferenceStatus status) {
        Instant now = clock.instant();
        boolean onBehalf = !isTown(user, current.caseAgs());
        Reference decided = new Reference(current.id(), current.partnerId(), current.partnerName(), current.caseId(),
                current.role(), status,
                current.claimedBy(), current.claimedOnBehalf(), current.claimedAt(), PartnerService.actor(user),
                onBehalf, now, current.caseTitle(), current.caseAgs(), current.caseTopics(),
                current.casePublishedAt());
        if (!references.decide(decided, current.status())) {
            throw new ConflictException("The reference was decided in the meantime; reload it.");
        }
        partners.touch(current.partnerId(), now);
        partners.recordHistory(current.partnerId(), "reference." + status.name().toLowerCase(Locale.ROOT),
                PartnerService.actor(user), onBehalf, now, List.of(current.caseId().toString()), null);
        return decided;
    }
}
