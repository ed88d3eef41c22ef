package de.stadtretter.partner.profiles.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import de.stadtretter.kit.security.CurrentUser;
import de.stadtretter.kit.web.IfMatch;
import de.stadtretter.kit.web.InvalidFieldsException;
import de.stadtretter.partner.profiles.domain.Partner;
import de.stadtretter.partner.profiles.domain.PartnerRepository;
import de.stadtretter.partner.profiles.domain.PartnerService;
import de.stadtretter.partner.profiles.domain.PartnerStatus;
import de.stadtretter.partner.references.domain.ReferenceService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.groups.Default;

/** Partner profiles and offerings: the company's self-service, the Redaktion's verification, public reading. */
@RestController
@RequestMapping("/api/partners")
public class PartnerController {

    private final PartnerService service;
    private final ReferenceService references;

    public PartnerController(PartnerService service, ReferenceService references) {
        this.service = service;
        this.references = references;
    }

    @PostMapping
    public ResponseEntity<PartnerResponse> create(@Valid @RequestBody PartnerRequest body, Authentication auth) {
        CurrentUser user = CurrentUser.from(auth);
        Partner created = service.create(user, body.profile());
        return ResponseEntity.created(URI.create("/api/partners/" + created.id()))
                .eTag(IfMatch.etag(created.version())).body(response(created, user));
    }

    /** The Redaktion's view of all profiles, e.g. {@code ?status=PENDING}: the verification queue, oldest first. */
    @GetMapping
    public PartnerListResponse list(@RequestParam(required = false) PartnerStatus status,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, Authentication auth) {
        CurrentUser user = CurrentUser.from(auth);
        List<Partner> items = service.list(user, status, page, size);
        var evidence = references.evidence(items.stream().map(Partner::id).toList());
        return new PartnerListResponse(items.stream()
                .map(p -> PartnerResponse.of(p, evidence.getOrDefault(p.id(), List.of()), user)).toList(),
                page, size, service.count(status));
    }

    public record PartnerListResponse(List<PartnerResponse> items, int page, int size, long totalItems) {}

    @GetMapping("/{id}")
    public ResponseEntity<PartnerResponse> get(@PathVariable UUID id, Authentication auth) {
        CurrentUser user = CurrentUser.from(auth);
        return tagged(service.get(user, id), user);
    }

    @PutMapping("/{id}")
    public ResponseEntity<PartnerResponse> edit(@PathVariable UUID id,
            @Validated({Default.class, PartnerRequest.OnUpdate.class}) @RequestBody PartnerRequest body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Authentication auth) {
        CurrentUser user = CurrentUser.from(auth);
        return tagged(service.edit(user, id, body.version(), IfMatch.version(ifMatch), body.profile()), user);
    }

    /** The company or an admin deletes the profile; every service drops what it kept of it. */
    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(@PathVariable UUID id, Authentication auth) {
        service.delete(CurrentUser.from(auth), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/verify")
    public ResponseEntity<PartnerResponse> verify(@PathVariable UUID id,
            @Valid @RequestBody(required = false) ReviewRequest body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Authentication auth) {
        CurrentUser user = CurrentUser.from(auth);
        return tagged(service.verify(user, id, IfMatch.version(ifMatch), body == null ? null : body.comment()), user);
    }

    /** Rejects a pending profile or takes a verified one down; the comment tells the company why. */
    @PostMapping("/{id}/reject")
    public ResponseEntity<PartnerResponse> reject(@PathVariable UUID id,
            @Valid @RequestBody(required = false) ReviewRequest body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Authentication auth) {
        if (body == null || body.comment() == null || body.comment().isBlank()) {
            throw InvalidFieldsException.of("comment", "must say why the profile is rejected");
        }
        CurrentUser user = CurrentUser.from(auth);
        return tagged(service.reject(user, id, IfMatch.version(ifMatch), body.comment()), user);
    }

    /** Who changed what and when: for the company and the Redaktion. */
    @GetMapping("/{id}/history")
    public List<PartnerRepository.HistoryEntry> history(@PathVariable UUID id, Authentication auth) {
        return service.history(CurrentUser.from(auth), id);
    }

    @PostMapping("/{id}/offerings")
    public ResponseEntity<PartnerResponse.OfferingResponse> addOffering(@PathVariable UUID id,
            @Valid @RequestBody OfferingRequest body, Authentication auth) {
        var change = service.addOffering(CurrentUser.from(auth), id, body.offering());
        return ResponseEntity.created(URI.create("/api/partners/" + id + "/offerings/" + change.offering().id()))
                .eTag(IfMatch.etag(change.partner().version()))
                .body(PartnerResponse.OfferingResponse.of(change.offering()));
    }

    @PutMapping("/{id}/offerings/{offeringId}")
    public ResponseEntity<PartnerResponse.OfferingResponse> editOffering(@PathVariable UUID id,
            @PathVariable UUID offeringId, @Valid @RequestBody OfferingRequest body, Authentication auth) {
        var change = service.editOffering(CurrentUser.from(auth), id, offeringId, body.offering());
        return ResponseEntity.ok().eTag(IfMatch.etag(change.partner().version()))
                .body(PartnerResponse.OfferingResponse.of(change.offering()));
    }

    @DeleteMapping("/{id}/offerings/{offeringId}")
    public ResponseEntity<Void> deleteOffering(@PathVariable UUID id, @PathVariable UUID offeringId,
            Authentication auth) {
        Partner partner = service.deleteOffering(CurrentUser.from(auth), id, offeringId);
        return ResponseEntity.noContent().eTag(IfMatch.etag(partner.version())).build();
    }

    private PartnerResponse response(Partner p, CurrentUser user) {
        return PartnerResponse.of(p, references.evidence(List.of(p.id())).getOrDefault(p.id(), List.of()), user);
    }

    private ResponseEntity<PartnerResponse> tagged(Partner p, CurrentUser user) {
        return ResponseEntity.ok().eTag(IfMatch.etag(p.version())).body(response(p, user));
    }
}
